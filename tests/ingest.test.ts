import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { datasetAbout } from '../src/export/about.ts';
import { writeDataset } from '../src/export/index.ts';
import { decodeArticle, decodeWindows1252 } from '../src/ingest/decode.ts';
import { MAX_PATH_ID } from '../src/ingest/ids.ts';
import { idFromPath, ingest, slugify } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import { formatProblem } from '../src/problems.ts';
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

Seeds('keep the addresses their headlines gave them, through the ids in their sidecars', () => {
  for (const a of seeds.articles) {
    const sidecar = JSON.parse(readFileSync(join(ROOT, 'seeds', a.sourceFile.replace(/\.txt$/, '.meta.json')), 'utf8')) as { id?: string };
    assert.is(sidecar.id, a.id, a.sourceFile);
    assert.is(a.id, slugify(a.title), a.sourceFile);
    assert.is(a.section, null);
    assert.is(a.duplicateOf, null);
  }
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

/** The articles of a fixture folder by path under seeds/, and the problems as `file: message` lines. */
function ingestFixture(files: Record<string, string | Uint8Array>, setup?: (seeds: string) => void): { byPath: Map<string, Article>; problems: string[]; ids: string[]; seeds: string } {
  const input = fixtureInput(files);
  setup?.(input.seeds);
  const r = ingest(input.seeds);
  return { byPath: new Map(r.articles.map((a) => [a.sourceFile, a])), problems: r.problems.map(formatProblem), ids: r.articles.map((a) => a.id), seeds: input.seeds };
}
const TEXT = (headline: string, body = 'Dockers in Gdansk walked out on Tuesday, the union said.'): string => `${headline}\n\n${body}\n`;

const Ids = suite('ingest: ids from paths');

Ids('an id is the path under seeds/ slugified, a folder becoming part of it', () => {
  const r = ingestFixture({ 'business/001.txt': TEXT('Oil prices climb'), 'Top Story.txt': TEXT('A headline'), 'World News/Europe/Café Zürich.md': TEXT('Bankers meet') });
  assert.equal(r.problems, []);
  assert.is(r.byPath.get('business/001.txt')?.id, 'business-001');
  assert.is(r.byPath.get('Top Story.txt')?.id, 'top-story');
  assert.is(r.byPath.get('World News/Europe/Café Zürich.md')?.id, 'world-news-europe-cafe-zurich');
  assert.equal(r.ids, [...r.ids].sort(), 'articles come sorted by id');
});

Ids('idFromPath: the extension goes, each part is slugified, a long path is cut at a hyphen', () => {
  assert.is(idFromPath('business/001.txt'), 'business-001');
  assert.is(idFromPath('000_068ea4b581333b37.txt'), '000-068ea4b581333b37');
  assert.is(idFromPath('a.b/c.d.md'), 'a-b-c-d');
  const long = idFromPath(`${'word '.repeat(40)}.txt`);
  assert.ok(long.length <= MAX_PATH_ID && long.endsWith('word'), long);
});

Ids('editing the headline changes neither the id nor the curation it takes', async () => {
  const curation = { claims: [{ id: 'strike-claim', action: 'add', source: 'the union', selector: { exact: 'Dockers in Gdansk walked out on Tuesday' } }] };
  const input = fixtureInput({ 'strike.txt': TEXT('Dockers strike in Gdansk') });
  writeFileSync(join(input.data, 'curation', 'strike.json'), JSON.stringify(curation));
  const curatedClaims = async (): Promise<{ id: string | undefined; curated: number; problems: string[] }> => {
    const r = await runPipeline({ root: input.dir, strict: true, workers: 1 });
    const doc = r.corpus?.documents[0];
    return { id: doc?.article.id, curated: doc?.claims.filter((c) => c.method === 'curated').length ?? 0, problems: r.problems.map(formatProblem) };
  };
  const before = await curatedClaims();
  writeFileSync(join(input.seeds, 'strike.txt'), TEXT('Port workers walk out in Gdansk as talks fail'));
  const after = await curatedClaims();
  assert.equal(before, { id: 'strike', curated: 1, problems: [] });
  assert.equal(after, before);
});

Ids('an id in the sidecar or the front matter overrides the path, and the sidecar wins', () => {
  const r = ingestFixture({
    'a.txt': TEXT('One'),
    'a.meta.json': '{ "id": "from-sidecar" }',
    'b.md': '---\nid: from-front-matter\n---\n\nTwo\n\nText.\n',
    'c.md': '---\nid: from-front-matter-too\n---\n\nThree\n\nText.\n',
    'c.meta.json': '{ "id": "sidecar-wins" }',
  });
  assert.equal(r.problems, []);
  assert.equal(r.ids, ['from-front-matter', 'from-sidecar', 'sidecar-wins']);
});

Ids('a name with nothing to slugify gets an id from a hash of its path, the same when its text changes', () => {
  const first = ingestFixture({ '報道.txt': TEXT('Reporters meet') });
  const second = ingestFixture({ '報道.txt': TEXT('Reporters meet again', 'Other text.') });
  assert.equal(first.problems, []);
  assert.match(first.ids[0]!, /^article-[0-9a-f]{12}$/);
  assert.equal(second.ids, first.ids);
});

Ids('two files whose paths slugify to the same id: one error naming both and the sidecar fix', () => {
  const r = ingestFixture({ 'a b.txt': TEXT('One'), 'a-b.txt': TEXT('Two') });
  assert.equal(r.problems, ['seeds/a-b.txt: would get the id "a-b", which seeds/a b.txt already has (an id comes from the file\'s path unless its metadata sets one); give one of them its own id in its sidecar, for example seeds/a-b.meta.json with { "id": "a-b-2" }']);
});

Ids.run();

const Folders = suite('ingest: folders and sections');

Folders('reads folders in path order; the top-level folder, as written, is the section', () => {
  const r = ingestFixture({ 'top.txt': TEXT('Top'), 'World News/a.txt': TEXT('A'), 'World News/Europe/b.txt': TEXT('B'), 'business/c.txt': TEXT('C') });
  assert.equal(r.problems, []);
  assert.equal([...r.byPath].map(([path, a]) => [path, a.section]).sort(), [
    ['World News/Europe/b.txt', 'World News'],
    ['World News/a.txt', 'World News'],
    ['business/c.txt', 'business'],
    ['top.txt', null],
  ]);
});

Folders('reads the same folder the same way every time', () => {
  const files = Object.fromEntries(['z/1.txt', 'a/2.txt', 'm/n/3.txt', 'b.txt', 'a-b/4.txt'].map((f) => [f, TEXT(`Headline ${f}`)]));
  const once = ingestFixture(files);
  const again = ingestFixture(files);
  assert.equal(once.ids, again.ids);
  assert.equal(once.ids, ['a-2', 'a-b-4', 'b', 'm-n-3', 'z-1']);
});

Folders('a sidecar belongs beside its article: in the same folder, not at the top', () => {
  const r = ingestFixture({ 'sport/001.txt': TEXT('Match report'), 'sport/001.meta.json': '{ "outlet": "BBC News" }', 'tech/002.txt': TEXT('Chips'), '002.meta.json': '{ "outlet": "Nowhere" }' });
  assert.is(r.byPath.get('sport/001.txt')?.outlet, 'BBC News');
  assert.equal(r.problems, ['seeds/002.meta.json: is metadata for an article "002.txt" or "002.md" that does not exist; rename it to match its article or delete it']);
});

Folders('skips hidden files and folders with a warning, at any depth', () => {
  const r = ingestFixture({ 'visible.txt': TEXT('Visible'), '.drafts/a.txt': TEXT('Draft'), 'sport/.old.txt': TEXT('Old'), 'sport/new.txt': TEXT('New') });
  assert.equal([...r.byPath.keys()].sort(), ['sport/new.txt', 'visible.txt']);
  assert.equal(r.problems, [
    'seeds/.drafts: is a hidden folder (its name starts with a dot), so Gloss skips it; rename it without the dot to include it',
    'seeds/sport/.old.txt: is a hidden file (its name starts with a dot), so Gloss skips it; rename it without the dot to include it',
  ]);
});

Folders('follows no link to a folder, and refuses a link out of seeds/ from any folder', () => {
  const outside = join(tempDir(), 'secret.txt');
  writeFileSync(outside, TEXT('Secret'));
  const r = ingestFixture({ 'sport/a.txt': TEXT('A') }, (seeds) => {
    symlinkSync(join(seeds, 'sport'), join(seeds, 'again'));
    symlinkSync(seeds, join(seeds, 'sport', 'loop'));
    symlinkSync(outside, join(seeds, 'sport', 'secret.txt'));
    symlinkSync(join(seeds, 'sport', 'a.txt'), join(seeds, 'sport', 'b.txt'));
  });
  assert.equal([...r.byPath.keys()].sort(), ['sport/a.txt', 'sport/b.txt'], 'a link to a file inside seeds/ is read');
  assert.equal(r.problems, [
    'seeds/again: is a symbolic link to a folder, which Gloss does not follow (its articles would be read twice); remove the link, or replace it with the folder itself',
    'seeds/sport/loop: is a symbolic link to a folder, which Gloss does not follow (its articles would be read twice); remove the link, or replace it with the folder itself',
    'seeds/sport/secret.txt: is a symbolic link to a file outside the seeds folder, which Gloss refuses to read; copy the file into seeds/ instead',
    'seeds/sport/b.txt: has the same text as seeds/sport/a.txt; both are built, and articles.csv marks this one duplicate_of "sport-a"; delete one of the files if it is a copy by mistake',
  ]);
});

Folders.run();

const Duplicates = suite('ingest: duplicates');

Duplicates('two articles with the same headline are two articles', () => {
  const r = ingestFixture({ 'a.txt': TEXT('Same headline', 'One story.'), 'b.txt': TEXT('Same headline', 'Another story.') });
  assert.equal(r.problems, []);
  assert.equal(r.ids, ['a', 'b']);
  assert.equal([...r.byPath.values()].map((a) => a.duplicateOf), [null, null]);
});

Duplicates('identical texts: both kept, the later in path order marked and reported with one warning naming both', () => {
  const text = TEXT('Oil prices climb');
  const r = ingestFixture({ 'politics/042.txt': text, 'business/007.txt': text, 'politics/100.txt': text, 'tech/1.txt': TEXT('Oil prices climb', 'Other text.') });
  assert.is(r.byPath.size, 4);
  assert.is(r.byPath.get('business/007.txt')?.duplicateOf, null);
  assert.is(r.byPath.get('politics/042.txt')?.duplicateOf, 'business-007');
  assert.is(r.byPath.get('politics/100.txt')?.duplicateOf, 'business-007');
  assert.is(r.byPath.get('tech/1.txt')?.duplicateOf, null);
  assert.equal(r.problems, [
    'seeds/politics/042.txt: has the same text as seeds/business/007.txt; both are built, and articles.csv marks this one duplicate_of "business-007"; delete one of the files if it is a copy by mistake',
    'seeds/politics/100.txt: has the same text as seeds/business/007.txt; both are built, and articles.csv marks this one duplicate_of "business-007"; delete one of the files if it is a copy by mistake',
  ]);
});

Duplicates('texts are compared decoded: a byte-order mark or another encoding of the same text is a duplicate too', () => {
  const text = 'Prices rise\n\nA pint costs £6.\n';
  const r = ingestFixture({ 'a.txt': text, 'b.txt': `\uFEFF${text}`, 'c.txt': Buffer.from(text, 'latin1'), 'c.meta.json': '{ "encoding": "latin1" }' });
  assert.equal([...r.byPath.values()].map((a) => a.duplicateOf), [null, 'a', 'a']);
});

Duplicates.run();

const Encoding = suite('ingest: the encoding sidecar');

const CP1252 = Buffer.from('Prices rise in Dublin\n\nA pint costs £6 and a coffee €4 in Dublin, the \u201cWeekly Survey\u201d said \u2013 a record.\n', 'utf8');
/** The same text as Windows-1252 bytes: £ is 0xA3, € 0x80, the curly quotes 0x93 and 0x94, the dash 0x96. */
const CP1252_BYTES = Buffer.from(
  [...CP1252.toString('utf8')].map((c) => ({ '€': 0x80, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 })[c] ?? c.charCodeAt(0)),
);

Encoding('a file that is not UTF-8 stops with the message that names both fixes', () => {
  const r = ingestFixture({ 'news/dublin.txt': CP1252_BYTES });
  assert.is(r.byPath.size, 0);
  assert.equal(r.problems, [
    'seeds/news/dublin.txt, line 3, column 14: is not valid UTF-8 (byte 0xA3); re-encode it as UTF-8, for example with `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT` if it came from Windows or the web, or keep it and declare its encoding in the sidecar seeds/news/dublin.meta.json with "encoding": "windows-1252"',
  ]);
});

for (const encoding of ['windows-1252', 'latin1', 'iso-8859-1']) {
  Encoding(`"encoding": "${encoding}" decodes it as Windows-1252, as browsers do`, () => {
    const r = ingestFixture({ 'dublin.txt': CP1252_BYTES, 'dublin.meta.json': JSON.stringify({ encoding, outlet: 'The Dublin Post' }) });
    assert.equal(r.problems, []);
    const a = r.byPath.get('dublin.txt')!;
    assert.is(a.text, CP1252.toString('utf8'));
    assert.is(a.outlet, 'The Dublin Post');
    assert.is(a.sha256, createHash('sha256').update(CP1252_BYTES).digest('hex'), 'the hash is of the bytes on disk');
  });
}

Encoding('"encoding": "utf-8" reads a UTF-8 file as without it', () => {
  const r = ingestFixture({ 'a.txt': CP1252, 'a.meta.json': '{ "encoding": "utf-8" }' });
  assert.equal(r.problems, []);
  assert.is(r.byPath.get('a.txt')?.text, CP1252.toString('utf8'));
});

Encoding('a UTF-8 file declared Windows-1252 is decoded as declared, with a warning', () => {
  const r = ingestFixture({ 'a.txt': CP1252, 'a.meta.json': '{ "encoding": "windows-1252" }' });
  assert.ok(r.byPath.get('a.txt')?.text.includes('Â£6'), 'decoded as declared');
  assert.equal(r.problems, ['seeds/a.txt: is decoded as windows-1252, as seeds/a.meta.json says, but it is valid UTF-8 with non-ASCII characters, so it may be UTF-8 after all; check its accents and quotes on its page, or remove "encoding" from the sidecar']);
});

Encoding('an encoding in front matter is refused, with the sidecar as the fix', () => {
  const r = ingestFixture({ 'a.md': '---\nencoding: latin1\n---\n\nHeadline\n\nText.\n' });
  assert.equal(r.problems, ['seeds/a.md, front matter at /encoding: declares an encoding where it cannot be used; Gloss decodes the file before it reads the front matter, so move "encoding": "latin1" to the sidecar seeds/a.meta.json']);
});

Encoding('offsets count into the decoded text, and the dataset writes it as UTF-8 so they hold', async () => {
  const input = fixtureInput({ 'dublin.txt': CP1252_BYTES, 'dublin.meta.json': '{ "encoding": "windows-1252" }' });
  const r = await runPipeline({ root: input.dir, workers: 1 });
  assert.ok(r.corpus, r.problems.map(formatProblem).join('\n'));
  const data = join(input.dir, 'data');
  await writeDataset(r.corpus!, data, datasetAbout());
  const bytes = readFileSync(join(data, 'sources', 'dublin.txt'));
  const source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  assert.is(source, CP1252.toString('utf8'));
  const points = [...source];
  const mentions = r.corpus!.documents[0]!.mentions;
  assert.ok(mentions.some((m) => m.exact === 'Dublin' && m.start > points.indexOf('€')), 'a mention after the € sign');
  for (const m of mentions) assert.is(points.slice(m.start, m.end).join(''), m.exact, m.id);
});

Encoding.run();

const Downstream = suite('ingest: sections and duplicates in the site and the dataset');

let downstream: Promise<{ out: string; stdout: string }> | null = null;
/** One build of a small archive with two sections, an article at the top and a copy. */
function downstreamSite(): Promise<{ out: string; stdout: string }> {
  downstream ??= Promise.resolve().then(() => {
    const text = TEXT('Oil prices climb', 'Oil prices rose on Monday as traders in London weighed supply cuts.');
    const input = fixtureInput({ 'business/001.txt': text, 'business/002.txt': TEXT('Shares fall', 'Shares in Tokyo fell.'), 'World News/001.txt': text, 'top.txt': TEXT('At the top', 'Talks in Paris resumed.') });
    const out = join(input.dir, 'out');
    const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', out]);
    if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}\n${r.stderr}`);
    return { out, stdout: r.stdout };
  });
  return downstream;
}

Downstream('articles.csv gains section and duplicate_of, described in the datapackage and on the /data/ page', async () => {
  const { out } = await downstreamSite();
  const rows = parse(readFileSync(join(out, 'data', 'articles.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  // Path order is by code unit, as git sorts: "World News/" comes before "business/".
  assert.equal(rows.map((r) => [r['id'], r['source_file'], r['section'], r['duplicate_of']]), [
    ['business-001', 'business/001.txt', 'business', 'world-news-001'],
    ['business-002', 'business/002.txt', 'business', ''],
    ['top', 'top.txt', '', ''],
    ['world-news-001', 'World News/001.txt', 'World News', ''],
  ]);
  const pkg = JSON.parse(readFileSync(join(out, 'data', 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string; schema?: { fields: Array<{ name: string; description: string }> } }> };
  const fields = pkg.resources.find((r) => r.path === 'articles.csv')!.schema!.fields;
  for (const name of ['section', 'duplicate_of']) assert.ok(fields.find((f) => f.name === name)?.description, name);
  const dataPage = readFileSync(join(out, 'data', 'index.html'), 'utf8');
  assert.match(dataPage, /<td><code>section<\/code><\/td>/);
  assert.match(dataPage, /<td><code>duplicate_of<\/code><\/td>/);
});

Downstream('corpus.jsonld gives the section as schema.org articleSection', async () => {
  const { out } = await downstreamSite();
  const graph = (JSON.parse(readFileSync(join(out, 'data', 'corpus.jsonld'), 'utf8')) as { '@graph': Array<Record<string, unknown>> })['@graph'];
  const sections = Object.fromEntries(graph.filter((n) => n['@type'] === 'NewsArticle').map((n) => [n['identifier'], n['articleSection'] ?? null]));
  assert.equal(sections, { 'business-001': 'business', 'business-002': 'business', top: null, 'world-news-001': 'World News' });
});

Downstream('an article page carries its section as a Pagefind filter; an article at the top has none', async () => {
  const { out } = await downstreamSite();
  const page = readFileSync(join(out, 'articles', 'world-news-001', 'index.html'), 'utf8');
  assert.match(page, /<a href="\/search\/\?section=World%20News" data-pagefind-filter="section">World News<\/a>/);
  assert.not.match(readFileSync(join(out, 'articles', 'top', 'index.html'), 'utf8'), /data-pagefind-filter="section"/);
});

Downstream('the home page lists the sections with their article counts, each a link to its search', async () => {
  const { out } = await downstreamSite();
  const home = readFileSync(join(out, 'index.html'), 'utf8');
  const list = /<ul class="sections">(.*?)<\/ul>/s.exec(home)?.[1] ?? '';
  assert.equal([...list.matchAll(/<a href="([^"]+)">([^<]+)<\/a> <span class="muted">([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]), [
    ['/search/?section=business', 'business', '2 articles'],
    ['/search/?section=World%20News', 'World News', '1 article'],
  ]);
});

Downstream('the build reports the copy once, by name', async () => {
  const { stdout } = await downstreamSite();
  const lines = stdout.split('\n').filter((l) => l.includes('has the same text'));
  assert.equal(lines, ['warning: seeds/business/001.txt: has the same text as seeds/World News/001.txt; both are built, and articles.csv marks this one duplicate_of "world-news-001"; delete one of the files if it is a copy by mistake']);
});

Downstream.run();

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
Bad('a file that is not valid UTF-8', () => expectBuildError({ 'latin1.txt': Buffer.from('Headline\n\nPrice: \xa3100\n', 'latin1') }, /seeds\/latin1\.txt, line 3, column 8: is not valid UTF-8 \(byte 0xA3\); re-encode it as UTF-8, .* or keep it and declare its encoding in the sidecar seeds\/latin1\.meta\.json with "encoding": "windows-1252"/));
Bad('a binary file', () => expectBuildError({ 'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, /seeds\/image\.txt, byte 8: contains a NUL byte, so it looks like a binary file/));
Bad('a UTF-16 file', () => expectBuildError({ 'wide.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }, /seeds\/wide\.txt: is encoded as UTF-16; re-encode it as UTF-8/));
Bad('two files whose paths give the same id', () =>
  expectBuildError(
    { 'news/a.txt': 'A headline\n\nOne text.\n', 'news-a.txt': 'Another headline\n\nAnother text.\n' },
    /seeds\/news-a\.txt: would get the id "news-a", which seeds\/news\/a\.txt already has \(an id comes from the file's path unless its metadata sets one\); give one of them its own id in its sidecar, for example seeds\/news-a\.meta\.json with \{ "id": "news-a-2" \}/,
  ));
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

Decode('decodeWindows1252 follows the WHATWG index for every byte', () => {
  const text = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
  const points = [...text].map((c) => c.codePointAt(0)!);
  assert.is(points.length, 256);
  for (let i = 0; i < 256; i++) if (i < 0x80 || i >= 0xa0) assert.is(points[i], i, `byte ${i}`);
  assert.equal([0x80, 0x81, 0x92, 0x93, 0x94, 0x96, 0x9f].map((b) => points[b]!.toString(16)), ['20ac', '81', '2019', '201c', '201d', '2013', '178']);
});

Decode.run();
