/**
 * The search index: what the build hands Pagefind, and the canonical order it writes in.
 * Pages lose the sections Pagefind ignores whole before it parses them; the index made that way
 * must be the index Pagefind makes from the full pages.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startIndexer } from '../src/index/background.ts';
import { forIndex, htmlPages, indexInput, indexSite, ShardIndexer, type Indexer } from '../src/index/index.ts';
import { shardOf, shardsFor, siteShards } from '../src/index/shards.ts';
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

Same('is byte for byte, bundle by bundle, the index Pagefind builds from the full pages', async () => {
  const site = await buildSiteOnce();
  const pages = htmlPages(site);
  const cut = pages.filter((p) => forIndex(readFileSync(join(site, p), 'utf8')).length < readFileSync(join(site, p), 'utf8').length);
  assert.ok(cut.some((p) => p.startsWith('entities/')), 'entity pages have sections to cut');
  assert.ok(pages.some((p) => indexInput(readFileSync(join(site, p), 'utf8')) === null), 'list pages, without data-pagefind-body, never reach Pagefind');
  const shards = shardsFor({ articles: pages.filter((p) => /^articles\/[^/]+\/index\.html$/.test(p) && indexInput(readFileSync(join(site, p), 'utf8')) !== null).length, others: pages.filter((p) => !p.startsWith('articles/') && indexInput(readFileSync(join(site, p), 'utf8')) !== null).length });
  for (const shard of shards) {
    // Every page of the bundle, whole, lists included: Pagefind leaves out those without a body itself.
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    assert.ok(index, 'Pagefind starts');
    const mine = pages.filter((p) => shardOf(p, shards) === shard);
    assert.ok(mine.length > 0, `${shard.name} has pages`);
    for (const p of mine) await index!.addHTMLFile({ sourcePath: p, content: readFileSync(join(site, p), 'utf8') });
    const made = await index!.getFiles();
    await pagefind.close();
    assert.equal(made.errors, []);
    const full = canonicalIndexFiles(made.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
    const built = filesUnder(join(site, shard.bundle)).sort();
    assert.equal(full.map((f) => f.path), built, `${shard.bundle}: the same files`);
    const differing = full.filter((f) => !readFileSync(join(site, shard.bundle, f.path)).equals(f.content)).map((f) => f.path);
    assert.equal(differing, [], `${shard.bundle}: the same bytes`);
  }
  const search = readFileSync(join(site, 'search', 'index.html'), 'utf8');
  assert.match(search, / data-pagefind-bundles="\/pagefind\/ \/pagefind-entities\/"/, 'the search form lists both bundles, the articles first');
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
    'articles/page/2/index.html': '<!doctype html>\n<html lang="en"><body><main><h1>Articles</h1><p>A list about arms, never indexed.</p></main></body></html>\n',
    'entities/kim/index.html': page('Kim Jong Un', 'Leader of North Korea, named in two articles.', 'Kim Jong Un'),
    'index.html': page('Gloss', 'Annotated news about North Korea and Russia.', 'Russia'),
    'z/index.html': page('Zeta', 'A page about arms talks.', 'Russia'),
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return { dir, pages };
}

/** The small site's bundles: one of articles, one of the other pages. */
const SMALL = shardsFor({ articles: 2, others: 3 });

/** The files of every bundle under a site, by path under the site, in base64. */
function indexFiles(site: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const shard of SMALL) for (const path of existsSync(join(site, shard.bundle)) ? filesUnder(join(site, shard.bundle)) : []) files[`${shard.bundle}/${path}`] = readFileSync(join(site, shard.bundle, path)).toString('base64');
  return files;
}

/** Announces every page, hands them over in reverse order but one (read from disk at the end), and finishes. */
async function feedOutOfOrder(indexer: Indexer, site: string, pages: string[]): Promise<void> {
  indexer.expect(pages.map((path) => ({ path, rendered: true })));
  for (const p of [...pages].reverse().filter((p) => p !== 'entities/kim/index.html')) indexer.page(p, readFileSync(join(site, p), 'utf8'));
  await indexer.finish(site);
}

Fed('out of order, in this thread or in workers, each bundle is the one made from the pages on disk', async () => {
  const reference = smallSite();
  const alone = smallSite();
  const worker = smallSite();
  try {
    await indexSite(reference.dir, SMALL);
    const expected = indexFiles(reference.dir);
    for (const shard of SMALL) assert.ok(Object.keys(expected).some((p) => p.startsWith(`${shard.bundle}/fragment/`)), `the reference ${shard.bundle} has page fragments`);

    for (const shard of SMALL) {
      const here = new ShardIndexer(shard);
      await here.start();
      const mine = Object.keys(alone.pages).filter((p) => shardOf(p, SMALL) === shard);
      here.expect(mine.map((path) => ({ path, rendered: true })), null, null);
      for (const p of [...mine].reverse()) here.page(p, alone.pages[p]!);
      const outcome = await here.finish(alone.dir);
      assert.ok(outcome.built);
      assert.not.ok('articles/page/2/index.html' in outcome.hashes, 'a page without data-pagefind-body is not indexed');
    }
    assert.equal(indexFiles(alone.dir), expected, 'in this thread');

    await feedOutOfOrder(await startIndexer(SMALL), worker.dir, Object.keys(worker.pages));
    assert.equal(indexFiles(worker.dir), expected, 'in worker threads');
  } finally {
    for (const s of [reference, alone, worker]) rmSync(s.dir, { recursive: true, force: true });
  }
});

Fed('the order matters: the same pages added in another order make another index', async () => {
  const site = smallSite();
  try {
    await indexSite(site.dir, SMALL);
    const sorted = indexFiles(site.dir);
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    for (const p of Object.keys(site.pages).filter((p) => shardOf(p, SMALL) === SMALL[0]).sort().reverse()) await index!.addHTMLFile({ sourcePath: p, content: site.pages[p]! });
    const made = await index!.getFiles();
    await pagefind.close();
    const reversed = canonicalIndexFiles(made.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
    const asRecord = Object.fromEntries(reversed.map((f) => [`${SMALL[0]!.bundle}/${f.path}`, f.content.toString('base64')]));
    const mine = Object.fromEntries(Object.entries(sorted).filter(([p]) => p.startsWith(`${SMALL[0]!.bundle}/`)));
    assert.not.equal(asRecord, mine, 'so the indexer must keep one order');
  } finally {
    rmSync(site.dir, { recursive: true, force: true });
  }
});

Fed('after abort (a failed build), nothing is written and finish does nothing', async () => {
  const site = smallSite();
  try {
    const indexer = await startIndexer(SMALL);
    indexer.expect(Object.keys(site.pages).map((path) => ({ path, rendered: true })));
    indexer.page('articles/a/index.html', site.pages['articles/a/index.html']!);
    await indexer.abort();
    await indexer.finish(site.dir);
    assert.equal(filesUnder(site.dir).filter((p) => SMALL.some((s) => p.startsWith(`${s.bundle}/`))), []);
  } finally {
    rmSync(site.dir, { recursive: true, force: true });
  }
});

Fed('a rebuild keeps a bundle none of whose pages changed, and builds one that changed as from scratch', async () => {
  const before = smallSite();
  const after = smallSite();
  const reference = smallSite();
  try {
    const first = await indexSite(before.dir, SMALL);
    const previous = Object.fromEntries(first.map((o) => [o.shard, o.hashes]));
    // One article changes; the entity shard's pages do not, and are not handed over.
    const changed = after.pages['articles/b/index.html']!.replace('satellites', 'rockets');
    writeFileSync(join(after.dir, 'articles/b/index.html'), changed);
    writeFileSync(join(reference.dir, 'articles/b/index.html'), changed);
    const indexer = await startIndexer(SMALL);
    indexer.expect(
      Object.keys(after.pages).map((path) => ({ path, rendered: path === 'articles/b/index.html' })),
      previous,
    );
    indexer.page('articles/b/index.html', changed);
    const outcomes = await indexer.finish(after.dir);
    assert.equal(outcomes.map((o) => [o.shard, o.built]), [['articles', true], ['entities', false]]);
    assert.equal(outcomes[1]!.hashes, previous['entities'], 'the unchanged shard keeps its hashes');
    assert.not.equal(outcomes[0]!.hashes['articles/b/index.html'], previous['articles']!['articles/b/index.html']);
    await indexSite(reference.dir, SMALL);
    const expected = indexFiles(reference.dir);
    const articles = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('pagefind/')));
    assert.equal(articles(indexFiles(after.dir)), articles(expected), 'the changed bundle is the one made from scratch');
    assert.not.ok(existsSync(join(after.dir, 'pagefind-entities')), 'the unchanged bundle is not written (the build links the previous one)');
  } finally {
    for (const s of [before, after, reference]) rmSync(s.dir, { recursive: true, force: true });
  }
});

Fed('kept alive, a shard replaces changed pages, or starts afresh for pages added or removed, and equals a build from scratch', async () => {
  const live = smallSite();
  const reference = smallSite();
  try {
    const indexer = await startIndexer(SMALL, { keep: true });
    indexer.expect(Object.keys(live.pages).map((path) => ({ path, rendered: true })));
    for (const [path, html] of Object.entries(live.pages)) indexer.page(path, html);
    await indexer.finish(live.dir);
    const same = await indexer.update([{ path: 'articles/a/index.html', html: live.pages['articles/a/index.html']! }], live.dir);
    assert.equal(same.map((o) => o.built), [false, false], 'a page handed over unchanged changes nothing');

    // A changed page replaces its own in place.
    const changed = live.pages['articles/a/index.html']!.replace('arms', 'grain');
    const replaced = await indexer.update([{ path: 'articles/a/index.html', html: changed }], live.dir);
    assert.equal(replaced.map((o) => o.built), [true, false]);
    assert.ok(replaced[0]!.written.includes('pagefind-entry.json') && replaced[0]!.removed.length > 0, 'new files written, stale ones removed');
    writeFileSync(join(reference.dir, 'articles/a/index.html'), changed);
    rmSync(join(reference.dir, 'pagefind'), { recursive: true, force: true });
    await indexSite(reference.dir, SMALL);
    assert.equal(indexFiles(live.dir), indexFiles(reference.dir), 'after a replaced page');

    // A page added before the others, and one removed: a fresh index, in path order.
    const added = live.pages['articles/b/index.html']!.replace('Arms deal', 'Aardvark').replace('arms deal', 'aardvark deal');
    const outcomes = await indexer.update(
      [
        { path: 'articles/0/index.html', html: added },
        { path: 'entities/kim/index.html', html: null },
      ],
      live.dir,
    );
    assert.equal(outcomes.map((o) => o.built), [true, true]);
    mkdirSync(join(reference.dir, 'articles/0'), { recursive: true });
    writeFileSync(join(reference.dir, 'articles/0/index.html'), added);
    rmSync(join(reference.dir, 'entities'), { recursive: true, force: true });
    for (const shard of SMALL) rmSync(join(reference.dir, shard.bundle), { recursive: true, force: true });
    await indexSite(reference.dir, SMALL);
    assert.equal(indexFiles(live.dir), indexFiles(reference.dir), 'after a page added and one removed');
    await indexer.abort();
  } finally {
    for (const s of [live, reference]) rmSync(s.dir, { recursive: true, force: true });
  }
});

Fed('a build reports the pages rendered and indexed, up to every HTML page of the site', async () => {
  const dir = tempDir('gloss-progress-');
  try {
    const reports: Array<{ stage: string; done: number; total: number; unit: string }> = [];
    const out = join(dir, '_site');
    const result = await build({ root: ROOT, output: out, cache: false, workers: 1, progress: (stage, done, total, unit) => reports.push({ stage, done, total, unit }) });
    assert.ok(result.ok);
    const pages = htmlPages(out).length;
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
