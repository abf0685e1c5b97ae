/**
 * The search index: what the build hands Pagefind, and the canonical order it writes in.
 * Pages lose the sections Pagefind ignores whole before it parses them; the index made that way
 * must be the index Pagefind makes from the full pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { forIndex } from '../src/index/index.ts';
import { canonicalIndexFiles } from '../src/index/canonical.ts';
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
  assert.is(forIndex(page), '<div data-pagefind-body><h1>Kim</h1><p>kept</p><section aria-labelledby="b"><p>also kept</p></section></div>');
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
Cut.run();
