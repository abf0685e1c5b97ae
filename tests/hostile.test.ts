/**
 * Hostile input: an article whose headline, text and sidecar carry script, markup, a javascript:
 * link, pre-escaped entities and bidi overrides, built with the seed articles and opened in headless
 * Chromium. Nothing may run, nothing may be injected, and every string must show as written.
 * Also: every page has its Content-Security-Policy, external links cannot reach back, and no file
 * name or title can put output outside the site's folder.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { idFromPath } from '../src/ingest/index.ts';
import { builtArticleIds, fixtureInput, runBuild } from './helpers.ts';
import { filesUnder, launchBrowser, serveSite, type SiteServer } from './server.ts';

const SCRIPT = '<script>alert(1)</script>';
const CLOSE_SCRIPT = '</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const JS_LINK = '[click](javascript:alert(1))';
const PRE_ESCAPED = '&amp;lt;b&amp;gt;';
const RLO = '\u202E';

const HEADLINE = `Kim Jong Un ${SCRIPT} visits "the port" & ${CLOSE_SCRIPT} talks ${RLO}txt.exe`;
const ARTICLE = [
  HEADLINE,
  '',
  `Kim Jong Un said ${IMG} was the port's reply, according to officials in Pyongyang.`,
  '',
  `Vladimir Putin said the message read ${PRE_ESCAPED} and ${RLO}gnp.exe in Moscow, and ${JS_LINK} opened it.`,
  '',
  `"${SCRIPT} is not a threat," said Kim Jong Un on Tuesday, ${CLOSE_SCRIPT}<script>alert(2)</script>.`,
  '',
].join('\n');
const OUTLET = `${SCRIPT} Times ${IMG}`;
const AUTHOR = `${CLOSE_SCRIPT}<script>alert(3)</script> ${RLO}Nowak`;
const SIDECAR = { outlet: OUTLET, author: AUTHOR, published: '2023-09-13', url: 'https://example.org/a?b=1&c=2' };
const ARTICLE_ID = idFromPath('hostile.txt');

/** Files whose names or titles try to climb out of the site's folder. */
const CLIMBERS: Record<string, string> = {
  '..%2F..%2Fevil.txt': 'An article named to climb folders\n\nIts file name has encoded slashes.\n',
  '%2e%2e%2F%2e%2e%2Fetc.txt': '../../..\n\nThis headline is only dots and slashes.\n',
  'climb.md': '---\ntitle: ../../etc\n---\n\nThis article\'s title climbs folders.\n',
};

interface Env {
  dir: string;
  out: string;
  stdout: string;
  server: SiteServer;
  browser: Browser;
}

let env: Promise<Env> | null = null;
/** Builds the seeds plus the hostile articles once, serves the site and starts Chromium. */
function setup(): Promise<Env> {
  env ??= (async () => {
    const input = fixtureInput({ 'hostile.txt': ARTICLE, 'hostile.meta.json': JSON.stringify(SIDECAR, null, 2), ...CLIMBERS }, { withSeeds: true });
    const out = join(input.dir, 'out', '_site');
    const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', out]);
    if (r.status !== 0) throw new Error(`the hostile build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    const server = await serveSite(out);
    const browser = await launchBrowser();
    return { dir: input.dir, out, stdout: r.stdout, server, browser };
  })();
  return env;
}

interface Visit {
  dialogs: string[];
  errors: string[];
  /** Script elements that are not the site's own (assets, Pagefind, JSON data blocks). */
  foreignScripts: string[];
  /** <img> elements, and elements with an inline event handler attribute. */
  injected: string[];
  /** Links with a javascript: address. */
  scriptLinks: string[];
  /** External links without rel="noopener noreferrer". */
  openLinks: string[];
  text: string;
}

/**
 * What a page holds, read in the page. Given as source text: the test runner's compiler wraps
 * named functions in a helper that does not exist in the browser.
 */
const INSPECT = `(() => {
  const own = (s) =>
    (s.src !== '' && new URL(s.src).origin === location.origin && /^\\/(assets|pagefind)\\//.test(new URL(s.src).pathname)) ||
    (s.src === '' && (s.type === 'application/json' || s.type === 'application/ld+json'));
  const short = (el) => el.outerHTML.slice(0, 120);
  const all = [...document.querySelectorAll('*')];
  const links = [...document.querySelectorAll('a[href]')];
  return {
    foreignScripts: [...document.querySelectorAll('script')].filter((s) => !own(s)).map(short),
    injected: all.filter((el) => el.tagName === 'IMG' || [...el.attributes].some((a) => /^on/i.test(a.name))).map(short),
    scriptLinks: links.filter((a) => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).map(short),
    openLinks: links
      .filter((a) => /^https?:/.test(a.href) && new URL(a.href).origin !== location.origin)
      .filter((a) => !(a.relList.contains('noopener') && a.relList.contains('noreferrer')))
      .map(short),
    text: document.body.textContent || '',
  };
})()`;

function inspect(page: Page): Promise<Omit<Visit, 'dialogs' | 'errors'>> {
  return page.evaluate<Omit<Visit, 'dialogs' | 'errors'>>(INSPECT);
}

/** Opens a page, waits for its scripts (and `ready`, when given), and reports what happened. */
async function visit(path: string, ready?: (page: Page) => Promise<unknown>): Promise<Visit> {
  const { server, browser } = await setup();
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  try {
    const response = await page.goto(server.url(path), { waitUntil: 'load' });
    assert.is(response?.status(), 200, path);
    if (ready) await ready(page);
    await page.waitForTimeout(300);
    return { dialogs, errors, ...(await inspect(page)) };
  } finally {
    await context.close();
  }
}

function assertHarmless(v: Visit, path: string): void {
  assert.equal(v.dialogs, [], `${path}: a dialog opened`);
  assert.equal(v.errors, [], `${path}: console errors`);
  assert.equal(v.foreignScripts, [], `${path}: script elements that are not the site's own`);
  assert.equal(v.injected, [], `${path}: injected elements`);
  assert.equal(v.scriptLinks, [], `${path}: javascript: links`);
  assert.equal(v.openLinks, [], `${path}: external links without rel="noopener noreferrer"`);
}

const Pages = suite('hostile text in the browser');

Pages('the article page runs nothing and shows every string as written', async () => {
  const path = `/articles/${ARTICLE_ID}/`;
  const v = await visit(path);
  assertHarmless(v, path);
  for (const s of [SCRIPT, CLOSE_SCRIPT, IMG, PRE_ESCAPED, `${RLO}gnp.exe`, OUTLET, AUTHOR, `${SCRIPT} visits "the port" & ${CLOSE_SCRIPT} talks`]) {
    assert.ok(v.text.includes(s), `${path} shows ${JSON.stringify(s)}`);
  }
  assert.ok(v.text.includes('and click opened it'), 'the javascript: link shows as its text only');
});

Pages('the entity page of a name in the hostile sentences runs nothing and quotes them as text', async () => {
  const path = '/entities/kim-jong-un/';
  const v = await visit(path);
  assertHarmless(v, path);
  assert.ok(v.text.includes(IMG) || v.text.includes(SCRIPT), `${path} quotes the hostile context as text`);
});

Pages('the claims page runs nothing and shows the hostile claim and outlet as text', async () => {
  const path = '/claims/';
  const v = await visit(path);
  assertHarmless(v, path);
  assert.ok(v.text.includes(SCRIPT), `${path} shows ${SCRIPT} as text`);
  assert.ok(v.text.includes(OUTLET), `${path} shows the outlet as text`);
});

Pages('a search for "alert" finds the article, runs nothing and shows excerpts as text', async () => {
  const path = '/search/?q=alert';
  const v = await visit(path, (page) => page.waitForSelector('#search-results li', { timeout: 15_000 }));
  assertHarmless(v, path);
  assert.ok(v.text.includes(HEADLINE.slice(0, 20)), `${path} lists the hostile article`);
  assert.match(v.text, /alert\(\d\)/, `${path} shows "alert(…)" in an excerpt as text`);
});

Pages.run();

const Static = suite('every built page');

Static('has the Content-Security-Policy meta tag, with no inline script allowed', async () => {
  const { out } = await setup();
  const pages = filesUnder(out).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 50, `${pages.length} pages`);
  const missing = pages.filter((f) => {
    const head = readFileSync(join(out, f), 'utf8').split('</head>')[0] ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(head)?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    return !csp || !/script-src 'self'/.test(csp) || /unsafe-inline/.test(csp) || !/object-src 'none'/.test(csp);
  });
  assert.equal(missing, [], 'pages without a strict CSP');
});

Static('gives every external link rel="noopener noreferrer"', async () => {
  const { out } = await setup();
  const bad: string[] = [];
  let external = 0;
  for (const f of filesUnder(out).filter((p) => p.endsWith('.html'))) {
    for (const m of readFileSync(join(out, f), 'utf8').matchAll(/<a\s[^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/g)) {
      external++;
      const rel = /\srel="([^"]*)"/.exec(m[0])?.[1]?.split(/\s+/) ?? [];
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${f}: ${m[0]}`);
    }
  }
  assert.ok(external > 0, 'the site has external links (Wikidata)');
  assert.equal(bad, [], bad.join('\n'));
});

Static('contains no raw hostile markup: every payload is escaped wherever it lands', async () => {
  const { out } = await setup();
  const found: string[] = [];
  for (const f of filesUnder(out).filter((p) => p.endsWith('.html'))) {
    const text = readFileSync(join(out, f), 'utf8');
    if (text.includes('<script>alert(') || text.includes('<img src=x') || /href="\s*javascript:/i.test(text)) found.push(f);
  }
  assert.equal(found, [], `raw payloads in ${found.join(', ')}`);
});

Static.run();

const Paths = suite('file names and titles that climb folders');

Paths('build into _site/articles/<slug>/ only, or are reported by name', async () => {
  const { dir, out, stdout } = await setup();
  assert.equal(readdirSync(join(dir, 'out')), ['_site'], 'nothing beside the site');
  assert.equal(readdirSync(dir).sort(), ['_data', 'out', 'seeds'], 'nothing written beside the input');
  const articles = builtArticleIds(out);
  for (const a of articles) assert.match(a, /^[a-z0-9]+(-[a-z0-9]+)*$/, `article folder ${JSON.stringify(a)}`);
  for (const name of Object.keys(CLIMBERS)) {
    // A name that starts with a dot is a hidden file, skipped with a warning that names it.
    const reported = name.startsWith('.') && stdout.includes(`warning: seeds/${name}: is a hidden file`);
    assert.ok(articles.includes(idFromPath(name)) || reported, `${name} is built under articles/${idFromPath(name)}/ or reported by name`);
  }
  assert.not.ok(articles.includes('etc'), 'a title that climbs folders ("../../etc") gives no address: the id comes from the file name');
  for (const f of filesUnder(out)) assert.not.match(f, /(^|\/)\.\.(\/|$)/, `no path with ..: ${f}`);
  for (const f of readdirSync(join(out, 'data', 'articles'))) assert.match(f, /^[a-z0-9]+(-[a-z0-9]+)*\.(csv|jsonld)$/, `data file ${f}`);
});

Paths('a sidecar id that climbs folders is refused by name', () => {
  const input = fixtureInput({ 'a.txt': 'A headline\n\nSome text.\n', 'a.meta.json': '{ "id": "../../evil" }' });
  const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', join(input.dir, '_site')]);
  assert.is(r.status, 1);
  assert.match(r.stderr, /seeds\/a\.meta\.json, at \/id: must match/);
  rmSync(input.dir, { recursive: true, force: true });
});

Paths.run();

const Teardown = suite('hostile: teardown');

Teardown('closes the browser and the server and removes the build', async () => {
  const e = await env;
  assert.ok(e, 'the hostile site was built');
  await e!.browser.close();
  await e!.server.close();
  rmSync(e!.dir, { recursive: true, force: true });
});

Teardown.run();
