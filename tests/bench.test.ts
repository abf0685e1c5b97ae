import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusDir, headlineAndBody, prepareArchive, prepareBaseline, prepareCorpus, readSource } from '../scripts/bench-corpus.ts';
import { ingest } from '../src/ingest/index.ts';
import { ROOT, tempDir as makeTempDir } from './helpers.ts';

const made: string[] = [];
/** A temporary folder removed after the suite. */
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  made.push(dir);
  return dir;
}

/** A small corpus shaped like the BBC one: topic folders, one file with a Latin-1 pound sign. */
function fixtureCorpus(): string {
  const dir = tempDir('gloss-bench-corpus-');
  const topics = { business: 3, sport: 2, tech: 2 };
  for (const [topic, n] of Object.entries(topics)) {
    mkdirSync(join(dir, topic));
    for (let i = 1; i <= n; i++) {
      writeFileSync(join(dir, topic, `${String(i).padStart(3, '0')}.txt`), `Same headline in ${topic}\n\nParagraph ${i} of ${topic} names London and the BBC.\n\nA second paragraph.\n`);
    }
  }
  // "£5m" in Latin-1: 0xA3 is not valid UTF-8 on its own.
  writeFileSync(join(dir, 'sport', '199.txt'), Buffer.concat([Buffer.from('Bad pound\n\nIt cost '), Buffer.from([0xa3]), Buffer.from('5m.\n')]));
  writeFileSync(join(dir, 'README.TXT'), 'not an article: top-level files are ignored\n');
  return dir;
}

const Corpus = suite('bench: corpus preparation');

Corpus('reports and skips the file that is not valid UTF-8, and interleaves the topics', () => {
  const lines: string[] = [];
  const source = readSource(fixtureCorpus(), (l) => lines.push(l));
  assert.equal(lines, ['skipped sport/199.txt: not valid UTF-8']);
  assert.equal(source.skipped, [{ file: 'sport/199.txt', reason: 'not valid UTF-8' }]);
  assert.is(source.articles.length, 7);
  assert.equal(source.articles.slice(0, 3).map((a) => a.path), ['business/001.txt', 'sport/001.txt', 'tech/001.txt']);
});

Corpus('repeats the corpus with unique ids to reach the size: an article and a sidecar each', () => {
  const source = readSource(fixtureCorpus());
  const seeds = join(tempDir('gloss-bench-seeds-'), 'seeds');
  const prepared = prepareCorpus(source, seeds, 50);
  const names = readdirSync(seeds);
  assert.is(names.filter((n) => n.endsWith('.txt')).length, 50);
  assert.is(names.filter((n) => n.endsWith('.meta.json')).length, 50);
  assert.is(names.length, 100);
  assert.is(new Set(prepared.ids).size, 50);
  assert.ok(prepared.files.every((f) => /^\d{5}-[a-z]+-\d{3}\.txt$/.test(f)), 'files are NNNNN-topic-file.txt');
  assert.ok(!names.some((n) => n.includes('sport-199')), 'the invalid file is never written');
  assert.equal(JSON.parse(readFileSync(join(seeds, '00007-business-001.meta.json'), 'utf8')), { id: 'bbc-00007', outlet: 'BBC News' });
  assert.is(prepared.bytes, source.articles.reduce((n, a) => n + a.bytes, 0) * 7 + source.articles.slice(0, 1).reduce((n, a) => n + a.bytes, 0));
  // Gloss reads the folder although the headlines repeat: the ids come from the sidecars. The texts
  // repeat too, so every repeat is reported as a copy (a warning) of the first.
  const read = ingest(seeds);
  assert.is(read.problems.filter((p) => p.severity === 'error').length, 0);
  assert.is(read.problems.length, 50 - source.articles.length);
  assert.ok(read.problems.every((p) => p.message.startsWith('has the same text as seeds/')));
  assert.is(read.articles.length, 50);
  assert.ok(read.articles.every((a) => a.outlet === 'BBC News'));
});

Corpus('the archive as dropped in: the topic folders copied byte for byte, the sidecar the Latin-1 file needs, every file an article', () => {
  const dir = fixtureCorpus();
  const lines: string[] = [];
  const source = readSource(dir, (l) => lines.push(l), { windows1252: true });
  assert.equal(lines, ['sport/199.txt is not valid UTF-8: read as windows-1252, with a sidecar that says so']);
  assert.equal(source.skipped, []);
  assert.equal(source.windows1252, ['sport/199.txt']);
  assert.is(source.articles.find((a) => a.path === 'sport/199.txt')?.text, 'Bad pound\n\nIt cost £5m.\n');
  const seeds = join(tempDir('gloss-bench-archive-'), 'seeds');
  const prepared = prepareArchive(source, seeds);
  assert.equal(prepared.files, ['business/001.txt', 'business/002.txt', 'business/003.txt', 'sport/001.txt', 'sport/002.txt', 'sport/199.txt', 'tech/001.txt', 'tech/002.txt']);
  assert.equal(prepared.sidecars, ['sport/199.meta.json']);
  assert.equal(JSON.parse(readFileSync(join(seeds, 'sport', '199.meta.json'), 'utf8')), { encoding: 'windows-1252' });
  for (const f of prepared.files) assert.ok(readFileSync(join(seeds, f)).equals(readFileSync(join(dir, f))), `${f} is copied byte for byte`);
  assert.not.ok(existsSync(join(seeds, 'README.TXT')), 'only the topic folders are copied');
  // Gloss reads the folder as it is: ids from the paths, the topic as the section, the pound sign decoded.
  const read = ingest(seeds);
  assert.equal(read.problems, []);
  assert.equal(read.articles.map((a) => a.id), prepared.ids);
  assert.equal(read.articles.map((a) => a.section), ['business', 'business', 'business', 'sport', 'sport', 'sport', 'tech', 'tech']);
  assert.match(read.articles.find((a) => a.id === 'sport-199')!.text, /£5m/);
});

Corpus('the BBC archive as dropped in, when present: all 2,225 files are articles, the copies reported', () => {
  let dir: string;
  try {
    dir = corpusDir(ROOT);
  } catch (e) {
    assert.match(String(e), /corpus is missing/);
    return;
  }
  const source = readSource(dir, () => undefined, { windows1252: true });
  assert.equal(source.windows1252, ['sport/199.txt']);
  const seeds = join(tempDir('gloss-bench-bbc-archive-'), 'seeds');
  prepareArchive(source, seeds);
  const read = ingest(seeds);
  assert.is(read.articles.length, 2225);
  assert.equal(read.problems.filter((p) => p.severity === 'error'), []);
  const copies = read.articles.filter((a) => a.duplicateOf !== null);
  assert.ok(copies.length > 0, 'the archive holds copies');
  assert.is(read.problems.length, copies.length, 'one warning a copy, and no other');
  assert.ok(read.problems.every((p) => p.message.startsWith('has the same text as seeds/')));
  assert.equal(new Set(read.articles.map((a) => a.section)), new Set(['business', 'entertainment', 'politics', 'sport', 'tech']));
});

Corpus('writes the baseline as Markdown pages with front matter, one layout and a config', () => {
  const source = readSource(fixtureCorpus());
  const dir = tempDir('gloss-bench-baseline-');
  const project = prepareBaseline(source, dir, 12);
  assert.is(readdirSync(join(project.input, 'articles')).length, 12);
  assert.ok(existsSync(join(project.input, '_includes', 'article.njk')));
  assert.ok(existsSync(project.config));
  const page = readFileSync(join(project.input, 'articles', '00000-business-001.md'), 'utf8');
  assert.ok(page.startsWith('---\ntitle: "Same headline in business"\nlayout: article.njk\n---\n\nParagraph 1'), page);
  assert.equal(headlineAndBody('\uFEFFTitle here\n\nBody one.\n\nBody two.\n'), { title: 'Title here', body: 'Body one.\n\nBody two.' });
});

Corpus('the BBC corpus, when present: 50 articles, sport/199.txt skipped, ids unique', () => {
  let dir: string;
  try {
    dir = corpusDir(ROOT);
  } catch (e) {
    assert.match(String(e), /corpus is missing/);
    return;
  }
  const lines: string[] = [];
  const source = readSource(dir, (l) => lines.push(l));
  assert.ok(lines.includes('skipped sport/199.txt: not valid UTF-8'), lines.join('\n'));
  assert.is(source.articles.length + source.skipped.length, 2225);
  const seeds = join(tempDir('gloss-bench-bbc-'), 'seeds');
  const prepared = prepareCorpus(source, seeds, 50);
  assert.is(readdirSync(seeds).length, 100);
  assert.is(new Set(prepared.ids).size, 50);
  assert.equal(new Set(prepared.files.map((f) => f.split('-')[1])), new Set(['business', 'entertainment', 'politics', 'sport', 'tech']));
});

Corpus('a missing corpus fails with a message that says where it was looked for', () => {
  const root = join(tempDir('gloss-bench-root-'), 'project');
  assert.throws(() => corpusDir(root), (e: unknown) => e instanceof Error && e.message.includes('shared/corpora/bbc-news') && e.message.includes('missing'));
});

Corpus.after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

Corpus.run();
