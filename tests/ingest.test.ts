import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeArticle } from '../src/ingest/decode.ts';
import { ingest, slugify } from '../src/ingest/index.ts';
import { boilerplateReason, groupsOf } from '../src/ingest/structure.ts';
import { OffsetMap } from '../src/text/offsets.ts';
import type { Article } from '../src/types.ts';
import { ROOT, fixtureInput, runBuild, tempDir } from './helpers.ts';

const seeds = ingest(join(ROOT, 'seeds'));
const bySource = (name: string): Article => {
  const a = seeds.articles.find((x) => x.sourceFile === name);
  if (!a) throw new Error(`no article from ${name}`);
  return a;
};
const paragraphs = (a: Article): number => a.blocks.filter((b) => b.kind === 'paragraph').length;
const blockText = (a: Article, kind: string): string[] => {
  const map = new OffsetMap(a.text);
  return a.blocks.filter((b) => b.kind === kind).map((b) => map.slice(b.start, b.end));
};

const Seeds = suite('ingest: the five seed articles');

Seeds('are copies of ../shared/seeds, byte for byte', () => {
  const shared = join(ROOT, '..', 'shared', 'seeds');
  const names = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
  assert.is(names.length, 5);
  if (!existsSync(shared)) return;
  for (const name of names) {
    const ours = createHash('sha256').update(readFileSync(join(ROOT, 'seeds', name))).digest('hex');
    const theirs = createHash('sha256').update(readFileSync(join(shared, name))).digest('hex');
    assert.is(ours, theirs, name);
  }
});

Seeds('ingest every seed without a problem', () => {
  assert.equal(seeds.problems, []);
  assert.is(seeds.articles.length, 5);
});

Seeds('give each article a readable, unique, stable id', () => {
  const ids = seeds.articles.map((a) => a.id);
  assert.is(new Set(ids).size, 5);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(ingest(join(ROOT, 'seeds')).articles.map((a) => a.id), ids);
  assert.is(bySource('003_efab3dd01ed1d94e.txt').id, 'north-korea-seizes-on-russian-isolation-to-deepen-ties-with');
});

Seeds('record the SHA-256 of the file', () => {
  const a = bySource('000_068ea4b581333b37.txt');
  assert.is(a.sha256, createHash('sha256').update(readFileSync(join(ROOT, 'seeds', a.sourceFile))).digest('hex'));
});

Seeds('The Irish Times editorial: title, standfirst, outlet, paragraphs, READ MORE set aside', () => {
  const a = bySource('000_068ea4b581333b37.txt');
  assert.is(a.title, 'The Irish Times view on North Korea and Russia: a dangerous liaison');
  assert.is(a.standfirst, 'Kim Jong-un holds the whip hand in negotiations and will extract a high price if he supplies Vladimir Putin with weapons');
  assert.is(a.outlet, 'The Irish Times');
  assert.is(a.published, null);
  assert.is(paragraphs(a), 6);
  assert.equal(a.setAside.map((s) => [s.text, s.reason]), [['READ MORE', 'navigation']]);
});

Seeds('The Guardian editorial: outlet signature, related posts and comment prompt set aside', () => {
  const a = bySource('001_02cacebd27ab4822.txt');
  assert.is(a.outlet, 'The Guardian');
  assert.is(a.standfirst, null);
  assert.is(paragraphs(a), 8);
  assert.equal(a.setAside.map((s) => [s.text, s.reason]), [
    ['The Guardian', 'outlet-signature'],
    ['Related posts', 'navigation'],
    ['Leave a Comment', 'share-or-comment-prompt'],
  ]);
});

Seeds('the alliance article: read time, repeated headline and furniture set aside; outlet unknown', () => {
  const a = bySource('002_bc04a1c4eae1c120.txt');
  assert.is(a.title, 'How Concerning is a Russia-Kim Jong Un Alliance?');
  assert.is(a.outlet, null);
  assert.is(paragraphs(a), 13);
  assert.equal(a.setAside.map((s) => s.reason), ['read-time', 'repeated-headline', 'navigation', 'navigation', 'share-or-comment-prompt', 'share-or-comment-prompt']);
  assert.equal(a.setAside.map((s) => s.text).slice(2), ['You May Also Like', 'More From Author', '+ There are no comments', 'Add yours']);
});

Seeds('the FT article: kicker, standfirst, byline, captions, Telegram prompt, ×, + and copyright', () => {
  const a = bySource('003_efab3dd01ed1d94e.txt');
  assert.is(a.title, 'North Korea seizes on Russian isolation to deepen ties with Putin');
  assert.equal(blockText(a, 'kicker'), ['North Korea']);
  assert.is(a.standfirst, 'Kim Jong Un cultivates relationship in effort to win support for his own strategic goals');
  assert.is(a.byline, 'Christian Davies in Seoul YESTERDAY');
  assert.is(a.author, 'Christian Davies');
  assert.is(a.outlet, 'Financial Times');
  assert.is(blockText(a, 'caption').length, 2);
  assert.ok(blockText(a, 'caption')[0]!.endsWith('© Alexander Zemlianichenko/AP'));
  assert.is(paragraphs(a), 20);
  assert.equal(a.setAside.map((s) => s.reason), ['newsletter-prompt', 'stray-symbol', 'stray-symbol', 'stray-symbol', 'stray-symbol', 'stray-symbol', 'copyright']);
  assert.is(a.setAside[1]!.text, '×');
});

Seeds('joins a paragraph that a stray blank line cut mid-sentence', () => {
  const a = bySource('003_efab3dd01ed1d94e.txt');
  const arnold = blockText(a, 'paragraph').find((p) => p.startsWith('Aaron Arnold'));
  assert.ok(arnold);
  assert.match(arnold!, /Institute\n\nthink-tank who has served/);
});

Seeds('dead Markdown links keep their text and hide their markup', () => {
  const a = bySource('003_efab3dd01ed1d94e.txt');
  const map = new OffsetMap(a.text);
  const block = a.blocks.find((b) => map.slice(b.start, b.end).startsWith('That was followed'))!;
  assert.equal(block.hidden.map((h) => map.slice(h.start, h.end)), ['[', '](#)']);
});

Seeds('the article without blank lines: one paragraph a line', () => {
  const a = bySource('004_90671c341d80183f.txt');
  assert.is(a.title, 'Are Russia and North Korea set to become closest allies? Drained reserves trigger friendship');
  assert.is(paragraphs(a), 18);
  assert.equal(a.setAside, []);
});

Seeds('paragraph offsets are code points into the source text', () => {
  for (const a of seeds.articles) {
    const points = [...a.text];
    for (const b of a.blocks) {
      assert.ok(b.end <= points.length);
      assert.is(points.slice(b.start, b.end).join(''), new OffsetMap(a.text).slice(b.start, b.end));
      assert.ok(points[b.start]!.trim() !== '', `${a.id} block at ${b.start} starts with whitespace`);
    }
  }
});

Seeds.run();

const Formats = suite('ingest: formats');

Formats('reads a Markdown article with YAML front matter', () => {
  const input = fixtureInput({ 'note.md': '---\ntitle: "A harbour strike in Gdansk"\noutlet: Baltic Courier\npublished: 2024-03-05\nauthor: Ewa Nowak\nurl: https://example.org/strike\n---\n\nDockers in Gdansk walked out on Tuesday.\n\nThe union said talks had failed.\n' });
  const r = ingest(input.seeds);
  assert.equal(r.problems, []);
  const a = r.articles[0]!;
  assert.is(a.title, 'A harbour strike in Gdansk');
  assert.is(a.outlet, 'Baltic Courier');
  assert.is(a.published, '2024-03-05');
  assert.is(a.author, 'Ewa Nowak');
  assert.is(a.url, 'https://example.org/strike');
  assert.is(paragraphs(a), 2);
  assert.is(new OffsetMap(a.text).slice(a.blocks[0]!.start, a.blocks[0]!.end), 'Dockers in Gdansk walked out on Tuesday.');
});

Formats('accepts a byte-order mark and CRLF line endings', () => {
  const input = fixtureInput({ 'crlf.txt': '\uFEFFA headline\r\n\r\nFirst paragraph here.\r\n\r\nSecond one.\r\n' });
  const r = ingest(input.seeds);
  assert.equal(r.problems, []);
  const a = r.articles[0]!;
  assert.is(a.title, 'A headline');
  assert.is(a.text.charCodeAt(0), 'A'.charCodeAt(0));
  assert.is(paragraphs(a), 2);
});

Formats('slugify makes readable ASCII ids', () => {
  assert.is(slugify('Café Zürich: “New” deal!'), 'cafe-zurich-new-deal');
  assert.ok(slugify('a '.repeat(80)).length <= 60);
});

Formats('recognises boilerplate lines by their form', () => {
  assert.is(boilerplateReason('READ MORE'), 'navigation');
  assert.is(boilerplateReason('12 comments'), 'share-or-comment-prompt');
  assert.is(boilerplateReason('Sign up to our morning newsletter'), 'newsletter-prompt');
  assert.is(boilerplateReason('© Reuters 2023'), 'copyright');
  assert.is(boilerplateReason('5 min read'), 'read-time');
  assert.is(boilerplateReason('Officials said Telegram was used to coordinate the attack.'), null);
});

Formats('groups lines into paragraphs by blank lines, or line by line when there are none', () => {
  assert.is(groupsOf('a\nb\n\nc').length, 2);
  assert.is(groupsOf('a\nb\nc').length, 3);
});

Formats.run();

const Bad = suite('ingest: bad input stops the build with one clear line');

function expectBuildError(files: Record<string, string | Uint8Array>, pattern: RegExp, setup?: (seeds: string) => void): void {
  const input = fixtureInput(files);
  setup?.(input.seeds);
  const out = join(tempDir(), '_site');
  const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', out]);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stderr, pattern);
  assert.not.match(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  assert.not.ok(existsSync(out), 'no half-written site');
}

Bad('an empty file', () => expectBuildError({ 'empty.txt': '' }, /seeds\/empty\.txt: is empty; put the article text in it, or delete the file/));
Bad('a whitespace-only file', () => expectBuildError({ 'blank.txt': '  \n\n\t\n' }, /seeds\/blank\.txt: holds only whitespace/));
Bad('a file that is not valid UTF-8', () => expectBuildError({ 'latin1.txt': Buffer.from('Headline\n\nPrice: \xa3100\n', 'latin1') }, /seeds\/latin1\.txt, line 3, column 8: is not valid UTF-8 \(byte 0xA3\); re-encode it as UTF-8/));
Bad('a binary file', () => expectBuildError({ 'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, /seeds\/image\.txt, byte 8: contains a NUL byte, so it looks like a binary file/));
Bad('a UTF-16 file', () => expectBuildError({ 'wide.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }, /seeds\/wide\.txt: is encoded as UTF-16; re-encode it as UTF-8/));
Bad('two articles that would get the same id', () =>
  expectBuildError({ 'a.txt': 'Same headline\n\nOne text.\n', 'b.txt': 'Same headline\n\nAnother text.\n' }, /seeds\/b\.txt: would get the id "same-headline", which seeds\/a\.txt already has; give one of them another "id"/));
Bad('a sidecar that is not valid JSON', () => expectBuildError({ 'a.txt': 'Headline\n\nText.\n', 'a.meta.json': '{ "outlet": "X", }' }, /seeds\/a\.meta\.json, line 1, column 18: is not valid JSON/));
Bad('a sidecar that breaks its schema', () => expectBuildError({ 'a.txt': 'Headline\n\nText.\n', 'a.meta.json': '{ "published": "Sept 13" }' }, /seeds\/a\.meta\.json, at \/published: must be a date like 2023-09-13, got "Sept 13"/));
Bad('a sidecar with an unknown field', () => expectBuildError({ 'a.txt': 'Headline\n\nText.\n', 'a.meta.json': '{ "outlett": "X" }' }, /seeds\/a\.meta\.json, at \/: has a field "outlett" that the schema does not know/));
Bad('a sidecar with no article', () => expectBuildError({ 'a.txt': 'Headline\n\nText.\n', 'orphan.meta.json': '{}' }, /seeds\/orphan\.meta\.json: is metadata for an article "orphan\.txt" or "orphan\.md" that does not exist/));
Bad('front matter that is not valid YAML', () => expectBuildError({ 'a.md': '---\ntitle: [unclosed\n---\n\nText.\n' }, /seeds\/a\.md, line \d+, column \d+: has front matter that is not valid YAML/));
Bad('an article that is only boilerplate', () => expectBuildError({ 'a.txt': 'READ MORE\n\nLeave a Comment\n' }, /seeds\/a\.txt: holds only boilerplate/));
Bad('a symlink that points outside seeds/', () => expectBuildError({}, /seeds\/link\.txt: is a symbolic link to a file outside the seeds folder/, (dir) => {
  const outside = join(tempDir(), 'secret.txt');
  writeFileSync(outside, 'Headline\n\nText.\n');
  symlinkSync(outside, join(dir, 'link.txt'));
}));

Bad('reports every problem, not just the first', () => {
  const input = fixtureInput({ 'empty.txt': '', 'orphan.meta.json': '{}' });
  const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', join(tempDir(), '_site')]);
  assert.is(r.status, 1);
  assert.match(r.stderr, /2 problems to fix/);
});

Bad.run();

const Decode = suite('decodeArticle');

Decode('drops a byte-order mark and keeps CRLF', () => {
  const r = decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x42]), 'x.txt');
  assert.ok(r.ok);
  if (r.ok) assert.is(r.text, 'A\r\nB');
});

Decode.run();
