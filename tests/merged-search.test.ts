/**
 * Search over merged bundles, in headless Chromium with Pagefind's own JavaScript: dated articles
 * split over three bundles and other pages in a fourth, merged by `mergeIndex` as the search page
 * merges them, must sort exactly as one index of the same pages does (newest or oldest first),
 * drop undated pages from sorted results as one index does, count filter values as one index
 * does, and find the same pages; only the order by relevance may differ (scores are per bundle).
 * Then the site's own search page (search.js), on a Gloss build split over many small bundles,
 * against a build of the same input in one bundle of each kind: the same counts, filter values and
 * sorted results.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalIndexFiles, writeIndexFiles } from '../src/index/canonical.ts';
import { ELSEWHERE, globalSorts, sortValues } from '../src/index/ranks.ts';
import { indexSite } from '../src/index/index.ts';
import { ARTICLES_PER_BUNDLE, bundleUrls, shardOf, shardsFor, type Shard } from '../src/index/shards.ts';
import { build } from '../src/build.ts';
import { fixtureInput, tempDir } from './helpers.ts';
import { writeSyntheticCorpus } from './synthetic.ts';
import { launchBrowser, serveSite, type SiteServer } from './server.ts';

const Merge = suite('search over merged bundles');

/** 30 dated articles (some share a date, a few have none) and 6 undated entity pages. */
function fixture(dir: string): string[] {
  const words = ['harbour', 'treaty', 'harvest', 'bridge', 'census'];
  const pages: Record<string, string> = {};
  const page = (title: string, body: string, date: string | null, entity: string): string =>
    `<!doctype html>\n<html lang="en"><head><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${body}</p>` +
    `<span hidden data-pagefind-meta="title">${title}</span>${date ? `<span hidden data-pagefind-sort="date">${date}</span>` : ''}<span hidden data-pagefind-filter="entity">${entity}</span></article></main></body></html>\n`;
  for (let i = 0; i < 30; i++) {
    const date = i % 10 === 9 ? null : `20${String(10 + (i * 7) % 13).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 3}`;
    const body = `The ${words[i % 5]} story number ${i}, about the ${words[(i * 3) % 5]} and the ${words[(i + 2) % 5]} again, with the ${words[i % 5]} once more.`;
    pages[`articles/a${String(i).padStart(2, '0')}/index.html`] = page(`Article ${i}`, body, date, i % 3 ? 'Anna Baker' : 'Port Authority');
  }
  for (let i = 0; i < 6; i++) pages[`entities/e${i}/index.html`] = page(`Entity ${i}`, `An entity named in stories about the ${words[i % 5]}.`, null, i % 2 ? 'Anna Baker' : 'Port Authority');
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return Object.keys(pages).sort();
}

/** One Pagefind index of every page, as a single bundle would be: the reference. */
async function singleIndex(site: string, pages: string[], into: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const p of pages) await index!.addHTMLFile({ sourcePath: p, content: readFileSync(join(site, p), 'utf8') });
  const made = await index!.getFiles();
  await pagefind.close();
  writeIndexFiles(into, canonicalIndexFiles(made.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) }))));
}

let server: SiteServer | null = null;
let browser: Browser | null = null;
let dir = '';
let shards: Shard[] = [];

Merge.before(async () => {
  dir = tempDir('gloss-merged-');
  const pages = fixture(dir);
  shards = shardsFor({ articles: 3 * ARTICLES_PER_BUNDLE, others: 6 });
  assert.is(shards.filter((s) => s.kind === 'articles').length, 3, 'three article bundles');
  assert.ok(shards.every((s) => pages.some((p) => shardOf(p, shards) === s)), 'every bundle has pages');
  await indexSite(dir, shards);
  await singleIndex(dir, pages, join(dir, 'single'));
  server = await serveSite(dir);
  browser = await launchBrowser();
});

Merge.after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Found {
  urls: string[];
  filters: Record<string, Record<string, number>>;
}

/** In the page: one search through the merged bundles (the first the main one), and one through the single index. */
const IN_PAGE = `async ({ bundles, term, options }) => {
  const run = async (main, merged) => {
    const pf = await import(main + 'pagefind.js');
    await pf.options({ excerptLength: 24 });
    for (const b of merged) await pf.mergeIndex(b, { excerptLength: 24 });
    pf.init();
    const found = await pf.search(term, options);
    const urls = await Promise.all(found.results.map(async (r) => (await r.data()).url));
    return { urls, filters: found.filters };
  };
  const [main, ...rest] = bundles;
  return { merged: await run(main, rest), single: await run('/single/', []) };
}`;

/** Runs one search in a page, through the merged bundles and through the single index. */
async function search(term: string | null, options: Record<string, unknown>): Promise<{ merged: Found; single: Found }> {
  const page = await browser!.newPage();
  try {
    await page.goto(server!.url('/articles/a00/'));
    // A string, so that the test's compiler adds nothing the page lacks.
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ bundles: bundleUrls(shards), term, options })})`)) as { merged: Found; single: Found };
  } finally {
    await page.close();
  }
}

Merge('sorted by date, newest or oldest first, the merged results come in the order of one index', async () => {
  for (const direction of ['desc', 'asc']) {
    for (const term of ['harbour', 'census', null]) {
      const options = term === null ? { filters: { entity: 'Anna Baker' }, sort: { date: direction } } : { sort: { date: direction } };
      const { merged, single } = await search(term, options);
      assert.ok(single.urls.length > 3, `"${term}" ${direction}: the reference finds pages (${single.urls.length})`);
      assert.equal(merged.urls, single.urls, `"${term}" sorted ${direction}`);
      assert.ok(merged.urls.every((u) => u.startsWith('/articles/')), 'undated pages leave sorted results, as in one index');
    }
  }
});

Merge('by relevance, the merged bundles find the same pages, and count filter values as one index does', async () => {
  for (const term of ['harbour', 'treaty story', 'entity']) {
    const { merged, single } = await search(term, {});
    assert.ok(single.urls.length > 0, `"${term}" finds pages`);
    assert.equal([...merged.urls].sort(), [...single.urls].sort(), `"${term}": the same pages`);
    assert.equal(merged.filters, single.filters, `"${term}": the same filter counts`);
  }
  const { merged, single } = await search('story', { filters: { entity: 'Port Authority' } });
  assert.equal([...merged.urls].sort(), [...single.urls].sort(), 'a filter narrows merged results as it narrows one index');
});

Merge.run();

const Ranks = suite('ranks across bundles');

Ranks('each bundle places its pages at their ranks over all bundles, and other bundles hold the rest', () => {
  const sorts = globalSorts({
    a: { date: [{ path: 'x/1', value: '2001', page: 0 }, { path: 'x/3', value: '2003', page: 1 }] },
    b: { date: [{ path: 'x/0', value: '2000', page: 0 }, { path: 'x/2', value: '2003', page: 1 }] },
    c: {},
  });
  assert.equal(sorts['a']!['date'], [ELSEWHERE, 0, ELSEWHERE, 1]);
  assert.equal(sorts['b']!['date'], [0, ELSEWHERE, 1, ELSEWHERE], 'equal values in path order: x/2 before x/3');
  assert.equal(sorts['c']!['date'], [], 'a bundle without the key drops its pages from sorted results');
});

Ranks('numbers sort as numbers when every value is one, and a bundle sorted otherwise is refused', () => {
  const sorts = globalSorts({ a: { n: [{ path: 'p/9', value: '9', page: 0 }, { path: 'p/10', value: '10', page: 1 }] } });
  assert.equal(sorts['a']!['n'], [0, 1]);
  assert.throws(() => globalSorts({ a: { n: [{ path: 'p/10', value: '10', page: 1 }, { path: 'p/9', value: '9', page: 0 }] } }), /order Gloss does not reproduce/);
});

Ranks('sort values are read from an element or from "key:value", trimmed and unescaped, empty ones left out', () => {
  assert.equal(sortValues('<span hidden data-pagefind-sort="date"> 2023-01-05 </span><b data-pagefind-sort="name:Ann &amp; Bo">x</b><i data-pagefind-sort="none"></i>'), { date: '2023-01-05', name: 'Ann & Bo' });
  assert.throws(() => sortValues('<img data-pagefind-sort="date[data-date]" data-date="2020">'), /attribute/);
});

Ranks.run();

const SitePage = suite('the search page of a site split over several bundles');

/** Two builds of one input (the seeds and 40 generated articles): one bundle of each kind, and many small bundles. */
let sites: { dir: string; single: SiteServer; split: SiteServer; bundles: string[] } | null = null;
let pageBrowser: Browser | null = null;

SitePage.before(async () => {
  const input = fixtureInput({}, { withSeeds: true });
  writeSyntheticCorpus(join(input.seeds, 'wire'), 40, 11);
  const options = { root: process.cwd(), seeds: input.seeds, data: input.data, cache: false, workers: 1 } as const;
  const single = await build({ ...options, output: join(input.dir, 'single') });
  assert.ok(single.ok, 'the one-bundle build succeeds');
  const split = await build({ ...options, output: join(input.dir, 'split'), bundleSizes: { articles: 10, others: 60 } });
  assert.ok(split.ok, 'the split build succeeds');
  const form = readFileSync(join(input.dir, 'split', 'search', 'index.html'), 'utf8');
  const bundles = /data-pagefind-bundles="([^"]*)"/.exec(form)![1]!.split(' ');
  sites = { dir: input.dir, single: await serveSite(join(input.dir, 'single')), split: await serveSite(join(input.dir, 'split')), bundles };
  pageBrowser = await launchBrowser();
});

SitePage.after(async () => {
  await pageBrowser?.close();
  await sites?.single.close();
  await sites?.split.close();
  if (sites) rmSync(sites.dir, { recursive: true, force: true });
});

interface Shown {
  status: string;
  urls: string[];
  /** Each filter's options as shown ("value (count)"). */
  filters: Record<string, string[]>;
}

/** The search page at `query` (q and filters in the address), with the sort chosen, as it shows its results. */
async function shown(server: SiteServer, query: string, sort: '' | 'desc' | 'asc'): Promise<Shown> {
  const context = await pageBrowser!.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    await page.goto(server.url(`/search/?${query}`));
    await page.waitForFunction(() => /\d+ results?/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 15_000 });
    if (sort) {
      const before = await page.evaluate(() => document.getElementById('search-results')!.innerHTML);
      await page.selectOption('#search-filters select:not([name])', sort);
      await page.waitForFunction((old) => document.getElementById('search-results')!.innerHTML !== old, before, { timeout: 15_000 }).catch(() => undefined);
    }
    const status = (await page.textContent('#search-status')) ?? '';
    const urls = await page.$$eval('#search-results li > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const filters = await page.$$eval('#search-filters select[name]', (selects) => Object.fromEntries(selects.map((s) => [(s as HTMLSelectElement).name, [...(s as HTMLSelectElement).options].map((o) => o.textContent ?? '')])));
    assert.equal(errors, [], `no errors on ${query}`);
    return { status, urls, filters };
  } finally {
    await context.close();
  }
}

SitePage('the form lists every bundle, and searches, filters and sorts through them as one bundle does', async () => {
  const { single, split, bundles } = sites!;
  assert.ok(bundles.filter((b) => b.startsWith('/pagefind/') || /^\/pagefind-\d+\/$/.test(b)).length >= 4, `several article bundles: ${bundles.join(' ')}`);
  assert.ok(bundles.some((b) => b.startsWith('/pagefind-entities')), 'and entity bundles');
  const cases: Array<[string, '' | 'desc' | 'asc']> = [
    ['q=officials', 'desc'],
    ['q=officials', 'asc'],
    ['q=officials&section=wire', 'desc'],
    ['q=trade', ''],
    ['q=Vladivostok', ''],
  ];
  for (const [query, sort] of cases) {
    const one = await shown(single, query, sort);
    const many = await shown(split, query, sort);
    assert.match(one.status, /^[1-9]\d* results?/, `${query}: the one-bundle site finds pages`);
    assert.is(many.status, one.status, `${query}: the same number of results`);
    assert.equal(many.filters, one.filters, `${query}: the same filter values and counts`);
    if (sort) assert.equal(many.urls, one.urls, `${query}, sorted ${sort}: the same results in the same order`);
    else if (one.urls.length < 30) assert.equal([...many.urls].sort(), [...one.urls].sort(), `${query}: the same results`);
  }
  const sorted = await shown(split, 'q=officials', 'desc');
  assert.ok(sorted.urls.length > 10, 'sorting lists many articles');
});

SitePage.run();
