/**
 * The search index: what the build hands Pagefind, and the canonical order it writes in.
 * Pages lose the sections Pagefind ignores whole before it parses them; the index made that way
 * must be the index Pagefind makes from the full pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startIndexer } from '../src/index/background.ts';
import { forIndex, indexSite, SiteIndexer, type Indexer } from '../src/index/index.ts';
import { canonicalIndexFiles } from '../src/index/canonical.ts';
import { build } from '../src/build.ts';
import { ROOT, tempDir } from './helpers.ts';
import { buildSiteOnce, filesUnder } from './server.ts';

const Cut = suite('forIndex');

Cut('keeps only the one <main> element of a page', () => {
  const page = '<!doctype html>\n<html lang="fr" dir="ltr">\n<head><title>T</title><meta charset="utf-8"></head>\n<body><header><nav>Home</nav></header><main id="main"><p data-pagefind-body>Text</p></main><footer>F</footer></body></html>';
  assert.is(forIndex(page), '<!doctype html>\n<html lang="fr" dir="ltr">\n<body>\n<main id="main"><p data-pagefind-body>Text</p></main>\n</body>\n</html>\n');
  const two = '<main>a</main><main>b</main>';
  assert.is(forIndex(two), two, 'two <main> elements: the page is passed whole');
  const lookalike = '<mainframe>a</main>';
  assert.is(forIndex(lookalike), lookalike);
});

Cut('cuts each section Pagefind ignores whole, and nothing else', () => {
  const page = '<div data-pagefind-body><h1>Kim</h1><section data-pagefind-ignore="all" aria-labelledby="a"><h2 id="a">In context</h2><p>long lines</p></section><p>kept</p><section aria-labelledby="b"><p>also kept</p></section><section class="x" data-pagefind-ignore="all"><p>cut too</p></section></div>';
  assert.is(forIndex(page), '<div data-pagefind-body><h1>Kim</h1><p>kept</p><section><p>also kept</p></section></div>');
});

Cut('drops scripts and the attributes Pagefind does not read, and keeps every attribute of a Pagefind element', () => {
  const page =
    '<div data-pagefind-body class="x"><p class="lede" title="t">Kim <a href="/entities/kim/" id="m-1" class="m t-person" data-entity="kim" title="Person: Kim">Jong Un</a></p>' +
    '<img src="a.png" alt="a map" width="3"><span hidden class="h" data-pagefind-filter="entity">Kim Jong Un</span><span data-pagefind-meta="image[src]" src="b.png" class="c"></span>' +
    '<script type="application/json" id="cards">{"a":"\\u003cb"}</script><p lang="ko" dir="rtl" class="k">김정은</p><br/></div>';
  assert.is(
    forIndex(page),
    '<div data-pagefind-body class="x"><p>Kim <a id="m-1">Jong Un</a></p>' +
      '<img alt="a map"><span hidden class="h" data-pagefind-filter="entity">Kim Jong Un</span><span data-pagefind-meta="image[src]" src="b.png" class="c"></span>' +
      '<p lang="ko" dir="rtl">김정은</p><br/></div>',
  );
});

Cut('leaves a section that holds another section whole, and a section ignored without "all"', () => {
  const nested = '<section data-pagefind-ignore="all"><section><p>inner</p></section><p>tail</p></section>';
  assert.is(forIndex(nested), nested);
  const partial = '<section data-pagefind-ignore><p>Pagefind still reads its filters</p></section>';
  assert.is(forIndex(partial), partial);
});

Cut('cannot be steered by article text, which reaches the page escaped', () => {
  const page = '<p>&lt;section data-pagefind-ignore="all"&gt;keep me&lt;/section&gt;</p>';
  assert.is(forIndex(page), page);
});

const Same = suite('the index built from cut pages');

Same('is byte for byte the index Pagefind builds from the full pages', async () => {
  const site = await buildSiteOnce();
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  assert.ok(index, 'Pagefind starts');
  const pages = filesUnder(site).filter((p) => p.endsWith('.html') && !p.startsWith('pagefind/'));
  const cut = pages.filter((p) => forIndex(readFileSync(join(site, p), 'utf8')).length < readFileSync(join(site, p), 'utf8').length);
  assert.ok(cut.some((p) => p.startsWith('entities/')), 'entity pages have sections to cut');
  for (const p of pages.sort()) await index!.addHTMLFile({ sourcePath: p, content: readFileSync(join(site, p), 'utf8') });
  const made = await index!.getFiles();
  await pagefind.close();
  assert.equal(made.errors, []);
  const full = canonicalIndexFiles(made.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
  const built = filesUnder(join(site, 'pagefind')).sort();
  assert.equal(full.map((f) => f.path), built, 'the same files');
  const differing = full.filter((f) => !readFileSync(join(site, 'pagefind', f.path)).equals(f.content)).map((f) => f.path);
  assert.equal(differing, [], 'the same bytes');
});

Same.run();

const Fed = suite('pages fed to Pagefind as they are rendered');

/** A small site: pages that share words and filters, so that page numbers show in the index. */
function smallSite(): { dir: string; pages: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-feed-'));
  const page = (title: string, body: string, entity: string): string =>
    `<!doctype html>\n<html lang="en"><head><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${body}</p><span hidden data-pagefind-filter="entity">${entity}</span></article></main></body></html>\n`;
  const pages: Record<string, string> = {
    'articles/a/index.html': page('Seoul talks', 'Kim met Putin in Vladivostok to talk about arms.', 'Kim Jong Un'),
    'articles/b/index.html': page('Arms deal', 'Putin and Kim discussed an arms deal and satellites.', 'Vladimir Putin'),
    'entities/kim/index.html': page('Kim Jong Un', 'Leader of North Korea, named in two articles.', 'Kim Jong Un'),
    'index.html': page('Gloss', 'Annotated news about North Korea and Russia.', 'Russia'),
    'z/index.html': page('Zeta', 'A page the renderer did not announce, about arms talks.', 'Russia'),
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return { dir, pages };
}

function indexFiles(site: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of filesUnder(join(site, 'pagefind'))) files[path] = readFileSync(join(site, 'pagefind', path)).toString('base64');
  return files;
}

/** Announces all pages but the last, hands them over in reverse order but one, and finishes. */
async function feedOutOfOrder(indexer: Indexer, site: string, pages: string[]): Promise<void> {
  const announced = pages.filter((p) => p !== 'z/index.html');
  indexer.expect(announced);
  for (const p of [...announced].reverse().filter((p) => p !== 'entities/kim/index.html')) indexer.page(p, readFileSync(join(site, p), 'utf8'));
  await indexer.finish(site);
}

Fed('out of order, in this thread or in a worker, the index is the one made from the pages on disk', async () => {
  const reference = smallSite();
  const alone = smallSite();
  const worker = smallSite();
  try {
    await indexSite(reference.dir);
    const expected = indexFiles(reference.dir);
    assert.ok(Object.keys(expected).some((p) => p.startsWith('fragment/')), 'the reference index has page fragments');

    const here = new SiteIndexer();
    await here.start();
    await feedOutOfOrder(here, alone.dir, Object.keys(alone.pages));
    assert.equal(indexFiles(alone.dir), expected, 'in this thread');

    await feedOutOfOrder(await startIndexer(), worker.dir, Object.keys(worker.pages));
    assert.equal(indexFiles(worker.dir), expected, 'in a worker thread');
  } finally {
    for (const s of [reference, alone, worker]) rmSync(s.dir, { recursive: true, force: true });
  }
});

Fed('the order matters: the same pages added in another order make another index', async () => {
  const site = smallSite();
  try {
    await indexSite(site.dir);
    const sorted = indexFiles(site.dir);
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    for (const p of Object.keys(site.pages).sort().reverse()) await index!.addHTMLFile({ sourcePath: p, content: site.pages[p]! });
    const made = await index!.getFiles();
    await pagefind.close();
    const reversed = canonicalIndexFiles(made.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
    const asRecord = Object.fromEntries(reversed.map((f) => [f.path, f.content.toString('base64')]));
    assert.not.equal(asRecord, sorted, 'so the indexer must keep one order');
  } finally {
    rmSync(site.dir, { recursive: true, force: true });
  }
});

Fed('after abort (a failed build), nothing is written and finish does nothing', async () => {
  const site = smallSite();
  try {
    const indexer = await startIndexer();
    indexer.expect(Object.keys(site.pages));
    indexer.page('articles/a/index.html', site.pages['articles/a/index.html']!);
    await indexer.abort();
    await indexer.finish(site.dir);
    assert.equal(filesUnder(site.dir).filter((p) => p.startsWith('pagefind/')), []);
  } finally {
    rmSync(site.dir, { recursive: true, force: true });
  }
});

Fed('a build reports the pages rendered and indexed, up to every HTML page of the site', async () => {
  const dir = tempDir('gloss-progress-');
  try {
    const reports: Array<{ stage: string; done: number; total: number; unit: string }> = [];
    const out = join(dir, '_site');
    const result = await build({ root: ROOT, output: out, cache: false, workers: 1, progress: (stage, done, total, unit) => reports.push({ stage, done, total, unit }) });
    assert.ok(result.ok);
    const pages = filesUnder(out).filter((p) => p.endsWith('.html') && !p.startsWith('pagefind/')).length;
    for (const stage of ['render', 'index']) {
      const mine = reports.filter((r) => r.stage === stage);
      assert.ok(mine.length > 0, `${stage} reports`);
      assert.ok(mine.every((r) => r.unit === 'pages' && r.done <= r.total), `${stage} counts pages, never past the total`);
      assert.ok(mine.every((r, i) => i === 0 || r.done >= mine[i - 1]!.done), `${stage} never counts back`);
      assert.equal(mine.at(-1), { stage, done: pages, total: pages, unit: 'pages' }, `${stage} ends at every page`);
    }
    const annotate = reports.filter((r) => r.stage === 'annotate');
    assert.equal(annotate.at(-1)?.unit, 'articles');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Fed.run();
Cut.run();
