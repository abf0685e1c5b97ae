/**
 * Pages at archive scale (issues 13 and 17): 2,000 generated articles (tests/synthetic.ts) are
 * built through the build's API, without the search index, which does not change a page. Every
 * HTML page must weigh at most 100 KB gzipped, every list that grows with the corpus must be split
 * into pages, and no internal link may be broken. The largest page of each kind is printed.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { build } from '../src/build.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { formatProblem } from '../src/problems.ts';
import { ROOT, tempDir } from './helpers.ts';
import { brokenLinks, listing, startTags } from './pages.ts';
import { filesUnder } from './server.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

const ARTICLES = 2000;
/** The most an HTML page may weigh, gzipped (issue 17). */
const PAGE_LIMIT = 100 * 1024;

/** The kind of page a path is, by its address. */
const KINDS: Array<[kind: string, pattern: RegExp]> = [
  ['home', /^index\.html$/],
  ['articles index', /^articles\/(by\/[a-z]+\/)?(page\/\d+\/)?index\.html$/],
  ['article', /^articles\/[^/]+\/index\.html$/],
  ['entity index', /^entities\/index\.html$/],
  ['entity type list', /^entities\/type\/[a-z]+\/(by\/name\/)?(page\/\d+\/)?index\.html$/],
  ['entity', /^entities\/[^/]+\/index\.html$/],
  ['entity mentions, later pages', /^entities\/[^/]+\/page\/\d+\/index\.html$/],
  ['entity claims', /^entities\/[^/]+\/claims\/(page\/\d+\/)?index\.html$/],
  ['claims index', /^claims\/(page\/\d+\/)?index\.html$/],
  ['propositions index', /^claims\/propositions\/(page\/\d+\/)?index\.html$/],
  ['proposition', /^claims\/k-[^/]+\/(page\/\d+\/)?index\.html$/],
  ['timeline', /^timeline\/index\.html$/],
  ['timeline period', /^timeline\/[0-9-]+\/(page\/\d+\/)?index\.html$/],
  ['outlets index', /^outlets\/index\.html$/],
  ['outlet', /^outlets\/[^/]+\/(page\/\d+\/)?index\.html$/],
  ['data', /^data\/index\.html$/],
  ['methodology', /^methodology\/index\.html$/],
  ['search', /^search\/index\.html$/],
];

function kindOf(page: string): string {
  return KINDS.find(([, pattern]) => pattern.test(page))?.[0] ?? 'unclassified';
}

interface Built {
  site: string;
  seconds: number;
  pages: string[];
}

const scratch: string[] = [];
let built: Promise<Built> | null = null;

/** The generated corpus, built once for every test of this file. */
function scaleSite(): Promise<Built> {
  built ??= (async () => {
    const dir = tempDir('gloss-scale-');
    scratch.push(dir);
    const seeds = join(dir, 'seeds');
    writeSyntheticCorpus(seeds, ARTICLES);
    const started = performance.now();
    const result = await build({ root: ROOT, seeds, output: join(dir, '_site'), index: false, cache: false });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`the generated corpus did not build:\n${result.problems.map(formatProblem).join('\n')}`);
    const site = join(dir, '_site');
    return { site, seconds, pages: filesUnder(site).filter((f) => f.endsWith('.html')) };
  })();
  return built;
}

const Scale = suite(`scale: ${ARTICLES.toLocaleString('en')} generated articles`);

Scale.after(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

Scale('the corpus builds, an article page each', async () => {
  const { site, seconds, pages } = await scaleSite();
  const articles = pages.filter((p) => kindOf(p) === 'article');
  assert.is(articles.length, ARTICLES);
  console.log(`  built ${ARTICLES} generated articles into ${pages.length} pages in ${seconds.toFixed(1)} s (${site})`);
});

Scale('every HTML page weighs at most 100 KB gzipped (the largest of each kind printed)', async () => {
  const { site, pages } = await scaleSite();
  const largest = new Map<string, { page: string; raw: number; gzipped: number; count: number }>();
  const over: string[] = [];
  for (const page of pages) {
    const bytes = readFileSync(join(site, page));
    const gzipped = gzipSync(bytes).length;
    const kind = kindOf(page);
    const best = largest.get(kind);
    if (!best || gzipped > best.gzipped) largest.set(kind, { page, raw: bytes.length, gzipped, count: (best?.count ?? 0) + 1 });
    else best.count++;
    if (gzipped > PAGE_LIMIT) over.push(`${page}: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  }
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`  largest page of each kind (pages, raw, gzipped):\n${[...largest].map(([kind, b]) => `    ${kind.padEnd(30)} ${String(b.count).padStart(5)} ${kb(b.raw)} ${kb(b.gzipped)}  ${b.page}`).join('\n')}`);
  assert.ok(over.length === 0, `pages over 100 KB gzipped:\n${listing(over)}`);
  assert.not.ok(largest.has('unclassified'), `a page of no known kind: ${largest.get('unclassified')?.page}`);
});

Scale('every kind of page is built, and every list that grows with the corpus has several pages', async () => {
  const { pages } = await scaleSite();
  const kinds = new Set(pages.map(kindOf));
  assert.equal(KINDS.map(([k]) => k).filter((k) => !kinds.has(k)), [], 'kinds of page missing');
  const has = (page: string): boolean => pages.includes(page);
  assert.ok(has('articles/page/20/index.html') && !has('articles/page/21/index.html'), 'the articles index: 20 pages of 100');
  for (const sort of ['title', 'outlet', 'mentions', 'claims']) assert.ok(has(`articles/by/${sort}/page/20/index.html`), `the articles index by ${sort}`);
  assert.ok(has('claims/page/2/index.html'), 'the claims index has pages');
  assert.ok(has('entities/type/person/page/2/index.html') && has('entities/type/person/by/name/page/2/index.html'), 'people in two orders, with pages');
  assert.ok(pages.some((p) => /^entities\/[^/]+\/page\/2\/index\.html$/.test(p)), 'an entity whose mentions fill several pages');
  assert.ok(pages.some((p) => /^timeline\/\d{4}\/page\/2\/index\.html$/.test(p)), 'a year whose mentions fill several pages');
  assert.ok(pages.some((p) => /^outlets\/[^/]+\/page\/2\/index\.html$/.test(p)), 'an outlet with several pages of articles');
});

Scale('the entity index: each type in two orders, pages under 100 KB before compression', async () => {
  const { site, pages } = await scaleSite();
  const lists = pages.filter((p) => kindOf(p) === 'entity type list');
  assert.ok(lists.length >= 8, `${lists.length} pages of entity lists`);
  for (const page of lists) {
    const html = readFileSync(join(site, page), 'utf8');
    assert.ok(html.length < 100 * 1024, `${page}: ${(html.length / 1024).toFixed(1)} KB`);
    const rows = (html.match(/<tr/g) ?? []).length - 1;
    assert.ok(rows >= 1 && rows <= 200, `${page}: ${rows} rows`);
  }
  const rowsOf = (prefix: string): number => lists.filter((p) => p.startsWith(prefix)).reduce((sum, p) => sum + (readFileSync(join(site, p), 'utf8').match(/<tr/g) ?? []).length - 1, 0);
  assert.is(rowsOf('entities/type/person/by/name/'), rowsOf('entities/type/person/') - rowsOf('entities/type/person/by/name/'), 'both orders list every person once');
});

Scale('each order of the articles index lists every article once', async () => {
  const { site, pages } = await scaleSite();
  for (const order of ['', 'by/title/', 'by/outlet/', 'by/mentions/', 'by/claims/']) {
    const listed: string[] = [];
    for (const page of pages.filter((p) => p.startsWith(`articles/${order}`) && kindOf(p) === 'articles index' && (order !== '' || !p.startsWith('articles/by/')))) {
      for (const tag of startTags(readFileSync(join(site, page), 'utf8'))) {
        const href = tag.name === 'a' ? tag.attrs.get('href') : undefined;
        if (href && /^\/articles\/syn-\d+\/$/.test(href)) listed.push(href);
      }
    }
    assert.is(listed.length, ARTICLES, `/articles/${order}`);
    assert.is(new Set(listed).size, ARTICLES, `/articles/${order} lists each article once`);
  }
});

Scale('an entity has a page when the knowledge base has it or two articles name it, and nothing links to a missing page', async () => {
  const { site, pages } = await scaleSite();
  // The knowledge base: the hand-written entries and those derived from Wikidata (_data/kb/).
  const known = new Set(loadMergedKnowledgeBase(join(ROOT, '_data')).entities.map((e) => e.id));
  // entities.csv also lists, unmentioned, the countries that a capital's mention stands for.
  const rows = (parse(readFileSync(join(site, 'data', 'entities.csv')), { columns: true }) as Array<{ id: string; articles: string }>).filter((r) => Number(r.articles) > 0);
  const expected = rows.filter((r) => known.has(r.id) || Number(r.articles) >= 2).map((r) => r.id).sort();
  const single = rows.filter((r) => !known.has(r.id) && Number(r.articles) === 1);
  assert.ok(single.length > 100, `${single.length} names found in a single article`);
  const made = readdirSync(join(site, 'entities')).filter((name) => name !== 'type' && name !== 'index.html').sort();
  assert.equal(made, expected);
  const started = performance.now();
  const { broken, checked } = brokenLinks(site, pages, new Map());
  const lines = [...broken].map(([what, from]) => `${what}, on ${from[0]}${from.length > 1 ? ` and ${from.length - 1} more pages` : ''}`);
  assert.ok(broken.size === 0, `${broken.size} broken links:\n${listing(lines)}`);
  console.log(`  ${checked} internal links checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

Scale('the home page loads nothing for its first screen beyond its HTML and one stylesheet', async () => {
  const { site } = await scaleSite();
  const tags = startTags(readFileSync(join(site, 'index.html'), 'utf8'));
  assert.equal(tags.filter((t) => ['img', 'picture', 'iframe', 'object', 'embed', 'video', 'audio', 'image', 'use'].includes(t.name)).map((t) => t.name), [], 'no embedded resource');
  assert.equal(tags.filter((t) => t.name === 'link' && /stylesheet|preload/.test(t.attrs.get('rel') ?? '')).map((t) => t.attrs.get('href')), ['/assets/gloss.css']);
  for (const script of tags.filter((t) => t.name === 'script' && t.attrs.has('src'))) assert.ok(script.attrs.has('defer') || script.attrs.get('type') === 'module', `${script.source} does not block rendering`);
});

Scale.run();
