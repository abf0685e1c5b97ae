import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import type { SqlJsStatic, SqlValue } from 'sql.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { annotationCollection, annotationCollectionPieces } from '../src/export/annotations.ts';
import { writeDatasetInBackground } from '../src/export/background.ts';
import { toCsv } from '../src/export/csv.ts';
import { datasetAbout } from '../src/export/about.ts';
import { figuresPlaceholder, fillDataPage, fillFigures } from '../src/export/figures.ts';
import type { Written } from '../src/export/zip.ts';
import { buildDatabase } from '../src/export/database.ts';
import { DatasetExportError, NEUTRALISED_COLUMNS, datasetFiles, writeDataset } from '../src/export/index.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import type { AnnotationDocument, Claim, Corpus, Mention } from '../src/types.ts';
import { ROOT, fixtureInput, tempDir } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// The corpus: the five seeds plus two fixture articles that break naive offsets and naive CSV.

/** Title, outlet and author begin with formula triggers; names follow astral characters. */
const ASTRAL_ARTICLE = `---
id: astral-fixture
title: "=1+1 🚀 Kim Jong Un meets Vladimir Putin"
outlet: "@Gloss Test Desk"
author: "-Ann Writer"
published: 2023-09-14
---
=1+1 🚀 Kim Jong Un meets Vladimir Putin

𝒜 note 🇰🇵🇷🇺: Kim Jong Un travelled to Vladivostok, where 😀 Vladimir Putin greeted him on September 13.

=${' 🚀'.repeat(15)} Vladimir Putin waved from the platform.

"We will support Russia in its fight," Kim Jong Un said 🎉.

US officials said North Korea could supply artillery shells to Russia 🚀.
`;

/** CRLF line endings, kept as they are in the source text. */
const CRLF_ARTICLE =
  'Putin hosts Kim at a space port\r\n\r\nVladimir Putin 🛰 welcomed Kim Jong Un to the Vostochny Cosmodrome on Wednesday.\r\n\r\nAnalysts said Russia may help North Korea build satellites.\r\n';

const input = fixtureInput({ 'zz-astral.md': ASTRAL_ARTICLE, 'zz-crlf.txt': CRLF_ARTICLE }, { withSeeds: true });
const pipeline = await runPipeline({ root: input.dir });
if (!pipeline.corpus) throw new Error(`the fixture corpus did not build: ${JSON.stringify(pipeline.problems)}`);
const corpus: Corpus = pipeline.corpus;
const DATA = join(tempDir('gloss-export-'), 'data');
const about = datasetAbout();
await writeDataset(corpus, DATA, about);

// ---------------------------------------------------------------------------------------------
// Reading the dataset as a user would.

type CsvRecord = { [column: string]: string };

const read = (path: string): string => readFileSync(join(DATA, path), 'utf8');
const csvRows = (path: string): CsvRecord[] => parse(read(path), { columns: true, relax_column_count: false }) as CsvRecord[];
const csvHeader = (path: string): string[] => (parse(read(path), { to_line: 1 }) as string[][])[0] ?? [];
const readJson = <T>(path: string): T => JSON.parse(read(path)) as T;
/** Python's text[start:end]: code points, not UTF-16 units. */
const pySlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');
const sourceText = (articleId: string): string => read(`sources/${articleId}.txt`);

/** Every file under the data folder, as paths relative to it. */
function listFiles(dir: string = DATA): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

const documents = [...corpus.documents].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
const allMentions: Mention[] = corpus.documents.flatMap((d) => d.mentions);
const allClaims: Claim[] = corpus.documents.flatMap((d) => d.claims);
const perArticleCsvs = documents.map((d) => `articles/${d.article.id}.csv`);

interface Package {
  licenses: Array<{ name: string; path: string; title: string }>;
  description: string;
  sources?: Array<{ title: string; path?: string }>;
  resources: Array<{
    name: string;
    path: string;
    profile: string;
    bytes: number;
    hash: string;
    schema?: { fields: Array<{ name: string; type: string; constraints?: { required?: boolean } }>; primaryKey?: string; foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }> };
  }>;
}
const pkg = readJson<Package>('datapackage.json');

// jsonld.js ships no types: the part of its API these tests use.
interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}
interface JsonLdOptions {
  base: string;
  documentLoader: (url: string) => Promise<RemoteDocument>;
  safe?: boolean;
}
interface JsonLd {
  expand(input: unknown, options: JsonLdOptions): Promise<unknown[]>;
  compact(input: unknown, context: unknown, options: JsonLdOptions): Promise<{ [key: string]: unknown }>;
}
const jsonld = createRequire(import.meta.url)('jsonld') as JsonLd;

/** Serves the contexts from the project's files; any other URL fails, so nothing reaches the network. */
const LOCAL_CONTEXTS: { [url: string]: string } = { 'http://www.w3.org/ns/anno.jsonld': join(ROOT, 'contexts', 'anno.jsonld') };
const requested: string[] = [];
async function documentLoader(url: string): Promise<RemoteDocument> {
  requested.push(url);
  const file = LOCAL_CONTEXTS[url];
  if (!file) throw new Error(`offline document loader: no local copy of ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8')) as unknown };
}

/** Where the dataset would be served; relative IRIs resolve against each file's own URL. */
const SITE = 'https://gloss.example/data/';
const expand = (path: string): Promise<unknown[]> => jsonld.expand(readJson<unknown>(path), { base: SITE + path, documentLoader, safe: true });

type Node = { [key: string]: unknown };
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every object key in a JSON tree, leaving out the contexts. */
function keysOf(x: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const y of x) keysOf(y, into);
  else if (isNode(x)) {
    for (const [k, v] of Object.entries(x)) {
      if (k === '@context') continue;
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** Every node object of an expanded document whose @type includes `type`. */
function nodesOfType(x: unknown, type: string, into: Node[] = []): Node[] {
  if (Array.isArray(x)) for (const y of x) nodesOfType(y, type, into);
  else if (isNode(x)) {
    const types = x['@type'];
    if (Array.isArray(types) && types.includes(type)) into.push(x);
    for (const v of Object.values(x)) nodesOfType(v, type, into);
  }
  return into;
}

/** The values of one property of an expanded node. */
function values(node: Node | undefined, property: string): Node[] {
  const v = node?.[property];
  return Array.isArray(v) ? v.filter(isNode) : [];
}
const value = (node: Node | undefined, property: string): unknown => values(node, property)[0]?.['@value'];
const idOf = (node: Node | undefined, property: string): unknown => values(node, property)[0]?.['@id'];

const OA = 'http://www.w3.org/ns/oa#';
const GLOSS = 'https://schemas.gloss.example/v1/vocab#';
const SCHEMA = 'https://schema.org/';

// ---------------------------------------------------------------------------------------------

const Files = suite('writeDataset: files');

Files('writes every file that datasetFiles() lists, one per article or schema for each family, and nothing else', () => {
  const schemas = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  const expected = datasetFiles()
    .flatMap((f) => {
      if (f.path.includes('{id}')) return documents.map((d) => f.path.replace('{id}', d.article.id));
      if (f.path.includes('{name}')) return schemas.map((s) => f.path.replace('{name}.schema.json', s));
      return [f.path];
    })
    .sort();
  assert.equal(listFiles(), expected);
  assert.ok(documents.length >= 7, 'the seeds and both fixtures are in the corpus');
});

Files('writes each article source text exactly, CRLF line endings and astral characters included', () => {
  for (const { article } of documents) assert.ok(sourceText(article.id) === article.text, article.id);
  const crlf = documents.find((d) => d.article.text.includes('\r\n'));
  const astral = documents.find((d) => d.article.id === 'astral-fixture');
  assert.ok(crlf && sourceText(crlf.article.id).includes('Cosmodrome on Wednesday.\r\n'));
  assert.ok(astral && sourceText('astral-fixture').includes('𝒜 note 🇰🇵🇷🇺: Kim Jong Un'));
});

Files('copies the JSON Schemas and the W3C context byte for byte, and writes the schema.org context', () => {
  for (const name of readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'))) {
    assert.ok(readFileSync(join(DATA, 'schemas', name)).equals(readFileSync(join(ROOT, 'schemas', name))), name);
  }
  assert.ok(readFileSync(join(DATA, 'contexts', 'anno.jsonld')).equals(readFileSync(join(ROOT, 'contexts', 'anno.jsonld'))));
  assert.equal(readJson('contexts/schema.jsonld'), { '@context': { '@vocab': 'https://schema.org/' } });
  assert.match(readFileSync(join(ROOT, 'contexts', 'README.md'), 'utf8'), /W3C Document License/);
});

// ---------------------------------------------------------------------------------------------

const Csv = suite('writeDataset: CSV');

// Issue 13 added section and duplicate_of at the end of articles.csv, after the columns of issue 6.
const ISSUE_6_HEADERS: { [path: string]: string[] } = {
  'articles.csv': ['id', 'title', 'outlet', 'author', 'published', 'source_file', 'sha256', 'word_count', 'mentions', 'claims', 'section', 'duplicate_of'],
  'entities.csv': ['id', 'type', 'label', 'wikidata', 'description', 'mentions', 'articles'],
  'mentions.csv': ['id', 'article_id', 'entity_id', 'type', 'form', 'refers_to', 'start', 'end', 'exact', 'prefix', 'suffix', 'method', 'confidence', 'value', 'wikidata'],
  'claims.csv': ['id', 'article_id', 'start', 'end', 'exact', 'source', 'source_entity_id', 'cue', 'quote', 'polarity', 'hedged', 'cluster_id', 'method', 'confidence'],
  'clusters.csv': ['id', 'label', 'claims', 'articles', 'outlets'],
};

Csv('writes the header rows exactly as issue 6 lists them, mentions.csv with the value and wikidata of issue 16 last', () => {
  for (const [path, header] of Object.entries(ISSUE_6_HEADERS)) assert.equal(csvHeader(path), header, path);
});

Csv('gives each article file kind plus the union of the mention and claim columns', () => {
  const union = new Set([...(ISSUE_6_HEADERS['mentions.csv'] ?? []), ...(ISSUE_6_HEADERS['claims.csv'] ?? [])]);
  for (const path of perArticleCsvs) {
    const header = csvHeader(path);
    assert.is(header[0], 'kind', path);
    assert.equal(new Set(header.slice(1)), union, path);
    const kinds = new Set(csvRows(path).map((r) => r['kind']));
    for (const k of kinds) assert.ok(k === 'mention' || k === 'claim', `${path}: kind ${String(k)}`);
  }
});

Csv('ends records with CRLF and quotes every field that holds a line break (RFC 4180)', () => {
  const text = read('mentions.csv');
  assert.ok(text.endsWith('\r\n'));
  assert.ok(text.startsWith('id,article_id,'));
  const multiline = csvRows('mentions.csv').filter((r) => /[\r\n]/.test(r['prefix'] ?? '') || /[\r\n]/.test(r['suffix'] ?? ''));
  assert.ok(multiline.length > 0, 'some prefix or suffix spans a line break');
  // Outside quoted fields, every line feed ends a record.
  const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
  assert.not.match(unquoted, /[^\r]\n/);
});

Csv('writes booleans as true or false and null as an empty cell', () => {
  const claims = csvRows('claims.csv');
  for (const r of claims) {
    assert.ok(r['quote'] === 'true' || r['quote'] === 'false', `quote ${String(r['quote'])}`);
    assert.ok(r['hedged'] === 'true' || r['hedged'] === 'false', `hedged ${String(r['hedged'])}`);
  }
  assert.ok(claims.some((r) => r['hedged'] === 'true') && claims.some((r) => r['hedged'] === 'false'));
  const dates = csvRows('mentions.csv').filter((r) => r['type'] === 'date');
  assert.ok(dates.length > 0);
  for (const r of dates) assert.is(r['entity_id'], '');
  const noOutlet = documents.find((d) => d.article.outlet === null);
  assert.ok(noOutlet, 'some article has no known outlet');
  assert.is(csvRows('articles.csv').find((r) => r['id'] === noOutlet.article.id)?.['outlet'], '');
});

Csv('puts an apostrophe before a formula trigger in the free-text columns, and one more removed gives the value back', () => {
  const row = csvRows('articles.csv').find((r) => r['id'] === 'astral-fixture');
  assert.ok(row);
  assert.is(row['title'], "'=1+1 🚀 Kim Jong Un meets Vladimir Putin");
  assert.is(row['outlet'], "'@Gloss Test Desk");
  assert.is(row['author'], "'-Ann Writer");
  for (const path of ['articles.csv', 'entities.csv', 'claims.csv', 'clusters.csv']) {
    for (const r of csvRows(path)) {
      for (const column of NEUTRALISED_COLUMNS.filter((c) => c in r)) {
        assert.not.match(r[column] ?? '', /^[=+\-@\t\r\0]/, `${path} ${column}`);
      }
    }
  }
});

Csv('leaves exact, prefix and suffix verbatim even when they begin with a formula trigger', () => {
  const rows = csvRows('mentions.csv').filter((r) => r['article_id'] === 'astral-fixture');
  const triggered = rows.filter((r) => /^[=+\-@]/.test(r['prefix'] ?? ''));
  assert.ok(triggered.length > 0, 'the fixture has a mention whose prefix begins with =');
  const text = sourceText('astral-fixture');
  for (const r of triggered) {
    const start = Number(r['start']);
    assert.is(r['prefix'], pySlice(text, start - [...(r['prefix'] ?? '')].length, start));
  }
});

Csv('gives offsets that slice the source text, in code points, to exact, prefix and suffix for every row', () => {
  let rows = 0;
  let astralShifted = 0;
  for (const path of ['mentions.csv', 'claims.csv', ...perArticleCsvs]) {
    for (const r of csvRows(path)) {
      const text = sourceText(r['article_id'] ?? '');
      const start = Number(r['start']);
      const end = Number(r['end']);
      assert.is(pySlice(text, start, end), r['exact'], `${path} ${String(r['id'])}`);
      if (r['prefix'] !== undefined && r['prefix'] !== '') assert.is(pySlice(text, start - [...r['prefix']].length, start), r['prefix'], `${path} ${String(r['id'])} prefix`);
      if (r['suffix'] !== undefined && r['suffix'] !== '') assert.is(pySlice(text, end, end + [...r['suffix']].length), r['suffix'], `${path} ${String(r['id'])} suffix`);
      if (text.slice(start, end) !== r['exact']) astralShifted++;
      rows++;
    }
  }
  assert.is(rows, 2 * (allMentions.length + allClaims.length));
  assert.ok(astralShifted > 0, 'some rows follow astral characters, where UTF-16 indices would be wrong');
});

Csv('reads back the mentions and claims of the corpus, offsets and attributes alike', () => {
  const mentions = new Map(csvRows('mentions.csv').map((r) => [r['id'], r]));
  assert.is(mentions.size, allMentions.length);
  for (const m of allMentions) {
    const r = mentions.get(m.id);
    assert.ok(r, m.id);
    assert.equal(
      [r['article_id'], r['entity_id'] || null, r['type'], r['form'], r['refers_to'] || null, Number(r['start']), Number(r['end']), r['exact'], r['prefix'], r['suffix'], r['method'], Number(r['confidence']), r['value'] || null, r['wikidata'] || null],
      [m.articleId, m.entityId, m.type, m.form, m.refersTo, m.start, m.end, m.exact, m.prefix, m.suffix, m.method, m.confidence, m.value, (m.entityId && entityById.get(m.entityId)?.wikidata) || null],
      m.id,
    );
  }
  const claims = new Map(csvRows('claims.csv').map((r) => [r['id'], r]));
  assert.is(claims.size, allClaims.length);
  const unneutralise = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);
  for (const c of allClaims) {
    const r = claims.get(c.id);
    assert.ok(r, c.id);
    assert.equal(
      [r['article_id'], Number(r['start']), Number(r['end']), r['exact'], unneutralise(r['source'] ?? ''), r['source_entity_id'] || null, unneutralise(r['cue'] ?? ''), r['quote'] === 'true', r['polarity'], r['hedged'] === 'true', r['cluster_id'] || null, r['method'], Number(r['confidence'])],
      [c.articleId, c.start, c.end, c.exact, c.source, c.sourceEntityId, c.cue, c.quote, c.polarity, c.hedged, c.clusterId, c.method, c.confidence],
      c.id,
    );
  }
  for (const doc of documents) {
    const rows = csvRows(`articles/${doc.article.id}.csv`);
    assert.equal(rows.filter((r) => r['kind'] === 'mention').map((r) => r['id']).sort(), doc.mentions.map((m) => m.id).sort());
    assert.equal(rows.filter((r) => r['kind'] === 'claim').map((r) => r['id']).sort(), doc.claims.map((c) => c.id).sort());
    const starts = rows.map((r) => Number(r['start']));
    assert.equal(starts, [...starts].sort((a, b) => a - b), `${doc.article.id}: rows in text order`);
  }
});

Csv("gives a date mention its resolved value and an entity mention its entity's Wikidata id", () => {
  const rows = csvRows('mentions.csv');
  const dates = rows.filter((r) => r['type'] === 'date' && r['value']);
  assert.ok(dates.length > 0, 'some dates are resolved');
  for (const r of dates) assert.match(r['value'] ?? '', /^\d{4}(-\d\d){0,2}(\/\d{4}(-\d\d){0,2})?$/, String(r['id']));
  const vladivostok = rows.filter((r) => r['entity_id'] === 'vladivostok');
  assert.ok(vladivostok.length > 0);
  for (const r of vladivostok) assert.is(r['wikidata'], 'Q959', 'Vladivostok is Q959 in the knowledge base');
  for (const r of rows.filter((x) => x['type'] !== 'date')) assert.is(r['value'], '', `${String(r['id'])}: an entity has no value`);
  for (const r of rows.filter((x) => !x['entity_id'])) assert.is(r['wikidata'], '', `${String(r['id'])}: no entity, no QID`);
});

Csv('counts each article, entity and cluster from the rows it summarises', () => {
  const mentions = csvRows('mentions.csv');
  const claims = csvRows('claims.csv');
  for (const r of csvRows('articles.csv')) {
    assert.is(Number(r['mentions']), mentions.filter((m) => m['article_id'] === r['id']).length, `${String(r['id'])} mentions`);
    assert.is(Number(r['claims']), claims.filter((c) => c['article_id'] === r['id']).length, `${String(r['id'])} claims`);
  }
  const entities = csvRows('entities.csv');
  for (const r of entities) {
    const of = mentions.filter((m) => m['entity_id'] === r['id']);
    assert.is(Number(r['mentions']), of.length, `${String(r['id'])} mentions`);
    assert.is(Number(r['articles']), new Set(of.map((m) => m['article_id'])).size, `${String(r['id'])} articles`);
  }
  const cited = new Set([...mentions.flatMap((m) => [m['entity_id'], m['refers_to']]), ...claims.map((c) => c['source_entity_id'])].filter((x) => x));
  for (const r of entities) assert.ok(Number(r['mentions']) >= 1 || cited.has(r['id']), `${String(r['id'])} is neither mentioned nor cited`);
  const knowledgeBase = loadMergedKnowledgeBase(join(input.dir, '_data')).entities;
  assert.ok(entities.length < knowledgeBase.length / 100, `knowledge-base entries nobody mentions are left out (${entities.length} of ${knowledgeBase.length} listed)`);
  const outletOf = new Map(documents.map((d) => [d.article.id, d.article.outlet]));
  for (const r of csvRows('clusters.csv')) {
    const members = claims.filter((c) => c['cluster_id'] === r['id']);
    assert.is(Number(r['claims']), members.length, `${String(r['id'])} claims`);
    assert.is(Number(r['articles']), new Set(members.map((c) => c['article_id'])).size);
    assert.is(Number(r['outlets']), new Set(members.map((c) => outletOf.get(c['article_id'] ?? '')).filter((o) => o)).size);
  }
});

// ---------------------------------------------------------------------------------------------

const DataPackage = suite('writeDataset: datapackage.json');

const addFormats = addFormatsModule.default as unknown as (ajv: Ajv2020) => Ajv2020;
const profileValidator = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'datapackage-profile.schema.json'), 'utf8')) as object);
})();

DataPackage('is valid against the Frictionless Data Package profile, each CSV against the Tabular Data Resource profile', () => {
  const ok = profileValidator(pkg);
  assert.ok(ok, JSON.stringify(profileValidator.errors?.slice(0, 3)));
  assert.equal(pkg.resources.filter((r) => r.profile === 'tabular-data-resource').map((r) => r.path).sort(), [...Object.keys(ISSUE_6_HEADERS), 'article-files.csv'].sort());
});

DataPackage('fails the profile when a resource breaks it, so the check above can fail', () => {
  const broken = structuredClone(pkg);
  const first = broken.resources[0];
  assert.ok(first);
  first.hash = 'sha256 not hex';
  delete first.schema;
  assert.not.ok(profileValidator(broken));
  const paths = (profileValidator.errors ?? []).map((e) => e.instancePath);
  assert.ok(paths.includes('/resources/0/hash'), paths.join(' '));
});

const DOWNLOADS = ['datapackage.json', 'gloss-dataset.zip', 'gloss.sqlite'];
const PER_ARTICLE = /^(sources|articles)\//;

DataPackage("records every other file's size and SHA-256: the per-article files in article-files.csv, the rest as resources", () => {
  assert.equal(pkg.resources.map((r) => r.path).sort(), listFiles().filter((p) => !DOWNLOADS.includes(p) && !PER_ARTICLE.test(p)));
  for (const r of pkg.resources) {
    const bytes = readFileSync(join(DATA, r.path));
    assert.is(r.bytes, bytes.length, r.path);
    assert.is(r.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, r.path);
  }
  const listed = csvRows('article-files.csv');
  assert.equal(listed.map((r) => r['path']), listFiles().filter((p) => PER_ARTICLE.test(p)));
  for (const r of listed) {
    const bytes = readFileSync(join(DATA, r['path'] ?? ''));
    assert.is(Number(r['bytes']), bytes.length, r['path']);
    assert.is(r['sha256'], createHash('sha256').update(bytes).digest('hex'), r['path']);
    assert.ok(r['path']?.includes(`/${r['article_id']}.`), `${String(r['path'])} belongs to ${String(r['article_id'])}`);
  }
});

DataPackage('describes each family of per-article files once, the CSVs with their Table Schema', () => {
  const files = pkg.resources.find((r) => r.path === 'article-files.csv') as unknown as { fileFamilies: Array<{ pathPattern: string; schema?: { fields: Array<{ name: string }> } }> };
  assert.equal(files.fileFamilies.map((f) => f.pathPattern), ['sources/{id}.txt', 'articles/{id}.csv', 'articles/{id}.jsonld']);
  const csvFamily = files.fileFamilies.find((f) => f.pathPattern === 'articles/{id}.csv');
  for (const path of perArticleCsvs) assert.equal(csvFamily?.schema?.fields.map((f) => f.name), csvHeader(path), path);
});

DataPackage('stays small however many articles there are: 10,000 more articles add nothing to it', async () => {
  // The descriptor depends on the articles only through the outlets (its sources): more articles
  // of the same outlets leave it the same size, give or take the digits of the sizes and counts.
  const grown: Corpus = { ...corpus, documents: [...corpus.documents] };
  const template = corpus.documents.find((d) => d.article.id === 'zz-crlf' || d.article.text.includes('\r\n'));
  assert.ok(template);
  for (let i = 0; i < 200; i++) {
    const id = `copy-${i}`;
    const rename = <T extends { id: string; articleId: string }>(x: T, n: number): T => ({ ...x, id: `${x.id.replace(template.article.id, id)}-${n}`, articleId: id });
    grown.documents.push({ article: { ...template.article, id }, mentions: template.mentions.map(rename), claims: template.claims.map((c, n) => ({ ...rename(c, n), clusterId: null })) });
  }
  const dir = join(tempDir('gloss-export-'), 'data');
  await writeDataset(grown, dir, about);
  const before = statSync(join(DATA, 'datapackage.json')).size;
  const after = statSync(join(dir, 'datapackage.json')).size;
  assert.ok(after - before < 200, `datapackage.json grew from ${before} to ${after} bytes with 200 more articles`);
  assert.ok(after < 100_000, `${after} bytes`);
});

DataPackage('describes every CSV column in its Table Schema, with the issue-6 names in order', () => {
  for (const r of pkg.resources.filter((x) => x.schema)) {
    assert.equal(r.schema?.fields.map((f) => f.name), csvHeader(r.path), r.path);
    assert.is(r.schema?.primaryKey, r.path === 'article-files.csv' ? 'path' : 'id', r.path);
  }
});

DataPackage('declares the foreign keys of issue 6, and every one resolves', () => {
  const keys = (path: string): string[] => (pkg.resources.find((r) => r.path === path)?.schema?.foreignKeys ?? []).map((fk) => `${fk.fields}→${fk.reference.resource}.${fk.reference.fields}`);
  for (const k of ['article_id→articles.id', 'entity_id→entities.id']) assert.ok(keys('mentions.csv').includes(k), k);
  for (const k of ['article_id→articles.id', 'source_entity_id→entities.id', 'cluster_id→clusters.id']) assert.ok(keys('claims.csv').includes(k), k);
  let checked = 0;
  for (const r of pkg.resources.filter((x) => x.schema)) {
    const rows = csvRows(r.path);
    const ids = rows.map((row) => row[r.schema?.primaryKey ?? 'id']);
    assert.is(new Set(ids).size, ids.length, `${r.path}: primary key unique`);
    for (const fk of r.schema?.foreignKeys ?? []) {
      const target = pkg.resources.find((x) => x.name === fk.reference.resource);
      assert.ok(target, fk.reference.resource);
      const known = new Set(csvRows(target.path).map((row) => row[fk.reference.fields]));
      for (const row of rows) {
        const v = row[fk.fields] ?? '';
        if (v === '') continue;
        assert.ok(known.has(v), `${r.path} ${String(row['id'])}: ${fk.fields} ${v} is not in ${target.path}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 0);
});

DataPackage('says the annotations are CC-BY-4.0 and the article texts remain their publishers\'', () => {
  assert.is(pkg.licenses[0]?.name, 'CC-BY-4.0');
  assert.is(pkg.licenses[0]?.path, 'https://creativecommons.org/licenses/by/4.0/');
  assert.match(pkg.description, /copyright remains with their publishers/);
  assert.is(pkg.sources?.length, new Set(documents.map((d) => d.article.outlet)).size, 'one source per outlet');
});

DataPackage('marks required columns required, and the nullable ones not', () => {
  const fields = pkg.resources.find((r) => r.path === 'mentions.csv')?.schema?.fields ?? [];
  const required = (name: string): boolean => fields.find((f) => f.name === name)?.constraints?.required === true;
  assert.ok(required('id') && required('start') && required('exact'));
  assert.not.ok(required('entity_id') || required('refers_to'));
  for (const r of csvRows('mentions.csv')) for (const f of fields.filter((x) => x.constraints?.required)) assert.ok(r[f.name] !== '', `${String(r['id'])} ${f.name}`);
});

// ---------------------------------------------------------------------------------------------

const JsonLdSuite = suite('writeDataset: JSON-LD');

const JSONLD_FILES = ['corpus.jsonld', 'annotations.jsonld', ...documents.map((d) => `articles/${d.article.id}.jsonld`)];

JsonLdSuite('expands every JSON-LD file offline, in safe mode, with every key mapped to an IRI and none dropped', async () => {
  for (const path of JSONLD_FILES) {
    const doc = readJson<Node>(path);
    const expanded = await expand(path);
    assert.ok(expanded.length > 0, path);
    for (const key of keysOf(expanded)) assert.ok(key.startsWith('@') || /^https?:\/\//.test(key), `${path}: ${key} did not expand to an IRI`);
    const again = await jsonld.compact(expanded, doc['@context'], { base: SITE + path, documentLoader });
    assert.equal([...keysOf(again)].sort(), [...keysOf(doc)].sort(), `${path}: keys before and after expansion`);
  }
  assert.ok(requested.includes('http://www.w3.org/ns/anno.jsonld'));
});

JsonLdSuite('annotations.jsonld, written an article at a time, is JSON.stringify of the whole collection', () => {
  const sorted = [...corpus.documents].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  for (const docs of [sorted, sorted.slice(0, 1), []]) {
    assert.is([...annotationCollectionPieces(docs, entities)].join(''), `${JSON.stringify(annotationCollection(docs, entities))}\n`, `${docs.length} articles`);
  }
  assert.is(read('annotations.jsonld'), `${JSON.stringify(annotationCollection(sorted, entities))}\n`);
});

JsonLdSuite('references the Web Annotation context by its standard URL', () => {
  for (const path of JSONLD_FILES.filter((p) => p !== 'corpus.jsonld')) {
    const context = readJson<Node>(path)['@context'];
    assert.ok(Array.isArray(context) && context[0] === 'http://www.w3.org/ns/anno.jsonld', path);
  }
});

/** A mention or claim as read back from an expanded annotation. */
function readAnnotation(a: Node): { id: string; article: string; start: unknown; end: unknown; exact: unknown; prefix: unknown; suffix: unknown; body: Node | undefined; node: Node } {
  const target = values(a, `${OA}hasTarget`)[0];
  const selectors = values(target, `${OA}hasSelector`);
  const quote = selectors.find((s) => (s['@type'] as string[]).includes(`${OA}TextQuoteSelector`));
  const position = selectors.find((s) => (s['@type'] as string[]).includes(`${OA}TextPositionSelector`));
  const source = String(idOf(target, `${OA}hasSource`));
  return {
    id: String(a['@id']).split('#')[1] ?? '',
    article: source.replace(`${SITE}sources/`, '').replace(/\.txt$/, ''),
    start: value(position, `${OA}start`),
    end: value(position, `${OA}end`),
    exact: value(quote, `${OA}exact`),
    prefix: value(quote, `${OA}prefix`),
    suffix: value(quote, `${OA}suffix`),
    body: values(a, `${OA}hasBody`)[0],
    node: a,
  };
}

JsonLdSuite('annotates every mention and claim once, targeting sources/ID.txt with a quote and a code-point position', async () => {
  const annotations = nodesOfType(await expand('annotations.jsonld'), `${OA}Annotation`).map(readAnnotation);
  assert.is(annotations.length, allMentions.length + allClaims.length);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const s of [...allMentions, ...allClaims]) {
    const a = byId.get(s.id);
    assert.ok(a, s.id);
    assert.equal([a.article, a.start, a.end, a.exact, a.prefix, a.suffix], [s.articleId, s.start, s.end, s.exact, s.prefix, s.suffix], s.id);
    assert.is(pySlice(sourceText(a.article), Number(a.start), Number(a.end)), a.exact);
    assert.ok(value(a.node, `${GLOSS}confidence`) === s.confidence && value(a.node, `${GLOSS}method`) === s.method, `${s.id} provenance`);
    assert.ok(values(a.node, 'http://purl.org/dc/terms/creator').length === 1 && values(a.node, 'http://www.w3.org/ns/activitystreams#generator').length === 1, `${s.id} creator and generator`);
  }
});

JsonLdSuite('gives a mention its entity as body (motivation identifying) and a claim its attributes (motivation classifying)', async () => {
  const annotations = new Map(nodesOfType(await expand('annotations.jsonld'), `${OA}Annotation`).map((a) => [readAnnotation(a).id, readAnnotation(a)]));
  const entityIri = (id: string): string => `${SITE}corpus.jsonld#entity-${id}`;
  for (const m of allMentions) {
    const a = annotations.get(m.id);
    assert.is(idOf(a?.node, `${OA}motivatedBy`), `${OA}identifying`, m.id);
    if (m.entityId) assert.is(a?.body?.['@id'], entityIri(m.entityId), m.id);
    assert.is(value(a?.node, `${GLOSS}mentionType`), m.type, m.id);
  }
  const russia = corpus.entities.find((e) => e.id === 'russia');
  const russian = [...annotations.values()].find((a) => a.body?.['@id'] === entityIri('russia'));
  assert.is(idOf(russian?.body, `${SCHEMA}sameAs`), `https://www.wikidata.org/wiki/${String(russia?.wikidata)}`);
  for (const c of allClaims) {
    const a = annotations.get(c.id);
    assert.is(idOf(a?.node, `${OA}motivatedBy`), `${OA}classifying`, c.id);
    assert.equal(
      [value(a?.body, `${GLOSS}claimSource`), idOf(a?.body, `${GLOSS}sourceEntity`) ?? null, value(a?.body, `${GLOSS}cue`), value(a?.body, `${GLOSS}quote`), value(a?.body, `${GLOSS}polarity`), value(a?.body, `${GLOSS}hedged`), idOf(a?.body, `${GLOSS}cluster`) ?? null],
      [c.source, c.sourceEntityId ? entityIri(c.sourceEntityId) : null, c.cue, c.quote, c.polarity, c.hedged, c.clusterId ? `${SITE}corpus.jsonld#${c.clusterId}` : null],
      c.id,
    );
  }
});

JsonLdSuite('gives an annotation the same IRI and content in annotations.jsonld and in its article file', async () => {
  const whole = new Map(nodesOfType(await expand('annotations.jsonld'), `${OA}Annotation`).map((a) => [a['@id'], a]));
  for (const doc of documents) {
    const page = nodesOfType(await expand(`articles/${doc.article.id}.jsonld`), `${OA}Annotation`);
    assert.is(page.length, doc.mentions.length + doc.claims.length, doc.article.id);
    for (const a of page) assert.equal(a, whole.get(a['@id']), String(a['@id']));
  }
});

JsonLdSuite('holds one AnnotationPage per article in an AnnotationCollection', async () => {
  const expanded = await expand('annotations.jsonld');
  const AS = 'http://www.w3.org/ns/activitystreams#';
  const collections = nodesOfType(expanded, `${AS}OrderedCollection`);
  assert.is(collections.length, 1);
  assert.is(value(collections[0], `${AS}totalItems`), allMentions.length + allClaims.length);
  const pages = nodesOfType(expanded, `${AS}OrderedCollectionPage`);
  assert.equal(pages.map((p) => p['@id']), documents.map((d) => `${SITE}articles/${d.article.id}.jsonld`));
  for (const p of pages) assert.is(idOf(p, `${AS}partOf`), `${SITE}annotations.jsonld`);
});

JsonLdSuite('describes the Dataset, its downloads, the articles, entities and claims in schema.org terms', async () => {
  const expanded = await expand('corpus.jsonld');
  const dataset = nodesOfType(expanded, `${SCHEMA}Dataset`);
  assert.is(dataset.length, 1);
  const downloads = values(dataset[0], `${SCHEMA}distribution`);
  assert.ok(downloads.length >= 6);
  for (const d of downloads) {
    const url = String(value(d, `${SCHEMA}contentUrl`));
    const sha = value(d, `${SCHEMA}sha256`);
    if (sha !== undefined) assert.is(sha, createHash('sha256').update(readFileSync(join(DATA, url))).digest('hex'), url);
  }
  assert.is(nodesOfType(expanded, `${SCHEMA}NewsArticle`).length, documents.length);
  const claims = nodesOfType(expanded, `${SCHEMA}Claim`);
  assert.is(claims.length, allClaims.length);
  const articleIris = new Set(nodesOfType(expanded, `${SCHEMA}NewsArticle`).map((a) => a['@id']));
  for (const c of claims) {
    assert.ok(articleIris.has(idOf(c, `${SCHEMA}appearance`)), String(c['@id']));
    assert.ok(values(c, `${SCHEMA}author`).length === 1, String(c['@id']));
  }
  const things = ['Person', 'Organization', 'Place', 'Event'].flatMap((t) => nodesOfType(expanded, `${SCHEMA}${t}`).filter((n) => String(n['@id']).includes('#entity-')));
  assert.is(things.length, csvRows('entities.csv').length);
  const linked = things.filter((t) => idOf(t, `${SCHEMA}sameAs`) !== undefined);
  assert.ok(linked.length > 0);
  for (const t of linked) assert.match(String(idOf(t, `${SCHEMA}sameAs`)), /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/);
});

JsonLdSuite('uses only real schema.org terms in corpus.jsonld', async () => {
  const known = new Set(
    'Dataset DataDownload NewsArticle MediaObject Person Organization Place Event Claim name description license isAccessibleForFree distribution hasPart contentUrl encodingFormat contentSize sha256 identifier headline alternativeHeadline author publisher datePublished url inLanguage wordCount encoding isPartOf mentions alternateName sameAs text appearance about'.split(' '),
  );
  const used = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (isNode(x)) {
      for (const [k, v] of Object.entries(x)) {
        if (k.startsWith(SCHEMA)) used.add(k.slice(SCHEMA.length));
        if (k === '@type' && Array.isArray(v)) for (const t of v) if (String(t).startsWith(SCHEMA)) used.add(String(t).slice(SCHEMA.length));
        walk(v);
      }
    }
  };
  walk(await expand('corpus.jsonld'));
  assert.ok(used.size > 10);
  for (const term of used) assert.ok(known.has(term), `schema.org has no term "${term}"`);
});

// ---------------------------------------------------------------------------------------------

const Determinism = suite('writeDataset: determinism');

const snapshot = (dir: string): Map<string, string> =>
  new Map(listFiles(dir).map((p) => [p, createHash('sha256').update(readFileSync(join(dir, p))).digest('hex')]));

Determinism('writes byte-identical files for the same corpus, whatever the order of its documents', async () => {
  const again = join(tempDir('gloss-export-'), 'data');
  const shuffled: Corpus = { ...corpus, documents: [...corpus.documents].reverse(), entities: [...corpus.entities].reverse(), clusters: [...corpus.clusters].reverse() };
  await writeDataset(shuffled, again, about);
  assert.equal(snapshot(again), snapshot(DATA));
});

Determinism('links the files a previous dataset has byte for byte, writes the others, and gives the same files as a fresh write', async () => {
  // The previous dataset: the corpus with one article's text changed, so its files and the corpus-wide ones differ.
  const changed = documents[0]!.article.id;
  const before: Corpus = { ...corpus, documents: corpus.documents.map((d) => (d.article.id === changed ? { ...d, article: { ...d.article, text: `${d.article.text} ` } } : d)) };
  const previous = join(tempDir('gloss-export-'), 'data');
  await writeDataset(before, previous, about);
  const previousBytes = readFileSync(join(previous, 'sources', `${changed}.txt`));
  const dir = join(tempDir('gloss-export-'), 'data');
  await writeDataset(corpus, dir, about, previous);
  assert.equal(snapshot(dir), snapshot(DATA), 'the same files as written without a previous dataset');
  const inode = (root: string, path: string): number => statSync(join(root, path)).ino;
  const unchanged = documents[1]!.article.id;
  for (const path of [`sources/${unchanged}.txt`, `articles/${unchanged}.csv`, `articles/${unchanged}.jsonld`]) assert.is(inode(dir, path), inode(previous, path), `${path} is linked`);
  assert.is.not(inode(dir, `sources/${changed}.txt`), inode(previous, `sources/${changed}.txt`), 'the changed article is written anew');
  assert.ok(readFileSync(join(previous, 'sources', `${changed}.txt`)).equals(previousBytes), 'the previous dataset is left as it was');
  assert.is.not(inode(dir, 'gloss-dataset.zip'), inode(previous, 'gloss-dataset.zip'));
});

Determinism('records no machine path and no time of writing', () => {
  const paths = [DATA, input.dir, ROOT.replace(/\/$/, ''), join(tmpdir(), 'gloss-')];
  for (const path of listFiles()) {
    const text = read(path);
    for (const p of paths) assert.not.ok(text.includes(p), `${path} names the machine path ${p}`);
    assert.not.match(text, /\d{4}-\d\d-\d\dT\d\d:\d\d/, `${path} holds a timestamp`);
  }
});

Determinism('removes the files of an article that has left the corpus', async () => {
  const dir = join(tempDir('gloss-export-'), 'data');
  await writeDataset(corpus, dir, about);
  const gone = documents[0]?.article.id ?? '';
  const documentsLeft = corpus.documents.filter((d) => d.article.id !== gone);
  const claimsLeft = new Set(documentsLeft.flatMap((d) => d.claims.map((c) => c.id)));
  const clusters = corpus.clusters.map((k) => ({ ...k, claimIds: k.claimIds.filter((id) => claimsLeft.has(id)) })).filter((k) => k.claimIds.length > 0);
  await writeDataset({ ...corpus, documents: documentsLeft, clusters }, dir, about);
  for (const path of [`sources/${gone}.txt`, `articles/${gone}.csv`, `articles/${gone}.jsonld`]) assert.not.ok(existsSync(join(dir, path)), path);
  assert.ok(existsSync(join(dir, 'articles.csv')));
});

Determinism('leaves files in the data folder that the dataset does not own', async () => {
  const dir = join(tempDir('gloss-export-'), 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), 'the data page');
  await writeDataset(corpus, dir, about);
  assert.is(readFileSync(join(dir, 'index.html'), 'utf8'), 'the data page');
});

// ---------------------------------------------------------------------------------------------

const Errors = suite('writeDataset: a corpus it cannot publish');

function withDocument(change: (doc: AnnotationDocument) => AnnotationDocument): Corpus {
  const [first, ...rest] = documents;
  if (!first) throw new Error('the corpus is empty');
  return { ...corpus, documents: [change(structuredClone(first)), ...rest] };
}

Errors('in a worker thread: the same files byte for byte, and the same refusal', async () => {
  const dir = join(tempDir('gloss-export-bg-'), 'data');
  await writeDatasetInBackground(corpus, dir);
  const here = readdirSync(DATA, { recursive: true, encoding: 'utf8' }).sort();
  assert.equal(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort(), here);
  const differing = here.filter((f) => statSync(join(DATA, f)).isFile() && !readFileSync(join(DATA, f)).equals(readFileSync(join(dir, f))));
  assert.equal(differing, []);
  const bad = withDocument((doc) => {
    const m = doc.mentions[0];
    if (m) m.start += 1;
    return doc;
  });
  const badDir = join(tempDir('gloss-export-bg-'), 'data');
  try {
    await writeDatasetInBackground(bad, badDir);
    assert.unreachable('writeDatasetInBackground should have rejected');
  } catch (e) {
    assert.instance(e, DatasetExportError);
    assert.ok((e as DatasetExportError).problems.length > 0);
    assert.match((e as Error).message, `article ${String(documents[0]?.article.id)}, ${String(documents[0]?.mentions[0]?.id)}: exact is`);
  }
  assert.not.ok(existsSync(badDir));
  assert.equal(readdirSync(join(badDir, '..')), [], 'nothing is left beside it either (the database is written on another thread)');
});

/** The error a promise rejects with (fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  assert.unreachable('writeDataset should have rejected');
  throw new Error('unreachable');
}

Errors('refuses an offset that does not give the exact text, naming the article and the mention, and writes nothing', async () => {
  const bad = withDocument((doc) => {
    const m = doc.mentions[0];
    if (m) m.start += 1;
    return doc;
  });
  const first = documents[0];
  const dir = join(tempDir('gloss-export-'), 'data');
  const e = await rejection(writeDataset(bad, dir, about));
  assert.instance(e, DatasetExportError);
  assert.match(e.message, `article ${String(first?.article.id)}, ${String(first?.mentions[0]?.id)}: exact is`);
  assert.not.ok(existsSync(dir));
});

Errors('refuses an article id that cannot be a file name', async () => {
  const bad = withDocument((doc) => ({ ...doc, article: { ...doc.article, id: '../escape' } }));
  assert.match((await rejection(writeDataset(bad, join(tempDir('gloss-export-'), 'data'), about))).message, /"\.\.\/escape".*not a slug/);
});

Errors('refuses a claim that cites a cluster the corpus lacks', async () => {
  const bad = withDocument((doc) => {
    const c = doc.claims[0];
    if (c) c.clusterId = 'k-nowhere';
    return doc;
  });
  assert.match((await rejection(writeDataset(bad, join(tempDir('gloss-export-'), 'data'), about))).message, /cites cluster "k-nowhere", which the corpus lacks/);
});

// ---------------------------------------------------------------------------------------------

const Describe = suite('datasetFiles');

Describe('describes every CSV column with a name, a Table Schema type and a description', () => {
  const types = new Set(['string', 'integer', 'number', 'boolean', 'date']);
  const csvs = datasetFiles().filter((f) => f.path.endsWith('.csv'));
  assert.is(csvs.length, 7);
  for (const f of csvs) {
    assert.ok(f.columns && f.columns.length > 0, f.path);
    for (const c of f.columns) {
      assert.ok(types.has(c.type), `${f.path} ${c.name}: ${c.type}`);
      assert.ok(c.description.length > 10, `${f.path} ${c.name}`);
    }
  }
});

Describe('gives every file a path, a unique resource name, a title and a description', () => {
  const files = datasetFiles();
  assert.is(new Set(files.map((f) => f.path)).size, files.length);
  assert.is(new Set(files.map((f) => f.name)).size, files.length);
  for (const f of files) assert.ok(f.title && f.description.length > 20, f.path);
  assert.ok(files.some((f) => f.path === 'datapackage.json'));
});

// ---------------------------------------------------------------------------------------------

const Neutralised = suite('NEUTRALISED_COLUMNS');

Neutralised('names only free-text columns of the CSVs, never an offset or a quote of the source', () => {
  const columns = new Map(datasetFiles().flatMap((f) => (f.columns ?? []).map((c) => [c.name, c] as const)));
  for (const name of NEUTRALISED_COLUMNS) assert.is(columns.get(name)?.type, 'string', name);
  for (const name of ['exact', 'prefix', 'suffix', 'start', 'end', 'id']) assert.not.ok(NEUTRALISED_COLUMNS.includes(name), name);
  for (const name of ['title', 'label', 'description', 'source', 'author', 'outlet', 'cue']) assert.ok(NEUTRALISED_COLUMNS.includes(name), name);
});

Neutralised('neutralises every OWASP trigger and a leading apostrophe, and nothing else, reversibly', () => {
  const values = ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', '\0x', "'quoted", 'plain', ' =spaced', ''];
  const text = toCsv(['title', 'exact'], values.map((v) => ({ title: v, exact: v })));
  const rows = parse(text, { columns: true }) as CsvRecord[];
  assert.equal(rows.map((r) => r['exact']), values);
  assert.equal(rows.map((r) => r['title']), ["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", "'\rx", "'\0x", "''quoted", 'plain', ' =spaced', '']);
  assert.equal(rows.map((r) => (r['title']?.startsWith("'") ? r['title'].slice(1) : r['title'])), values);
});

Neutralised('refuses a row whose columns do not match the header', () => {
  assert.throws(() => toCsv(['id'], [{ id: 'a', extra: 'b' }]), /extra extra, missing none/);
});

Files.run();
Csv.run();
DataPackage.run();
JsonLdSuite.run();
Determinism.run();
Errors.run();
Describe.run();
Neutralised.run();

// ---------------------------------------------------------------------------------------------

const Figures = suite('the data page: sizes and SHA-256 of the downloads');

Figures('fills the placeholders, and figures an earlier build filled in, with the new ones; the file is replaced, not written over', () => {
  const written = (bytes: number, hex: string): Written => ({ bytes, sha256: hex.repeat(64) });
  const page = `<p>${figuresPlaceholder('gloss-dataset.zip')} and ${figuresPlaceholder('gloss.sqlite')}</p>`;
  const once = fillFigures(page, { zip: written(1_234_567, 'a'), sqlite: written(2048, 'b') });
  assert.match(once, '1.2 MB, 1,234,567 bytes; SHA-256 <code class="hash">' + 'a'.repeat(64));
  assert.match(once, '2.0 kB, 2,048 bytes; SHA-256 <code class="hash">' + 'b'.repeat(64));
  assert.not.match(once, 'filled in by the build');
  const again = fillFigures(once, { zip: written(99, 'c'), sqlite: written(2048, 'b') });
  assert.match(again, '99 bytes; SHA-256 <code class="hash">' + 'c'.repeat(64));
  assert.not.match(again, 'a'.repeat(64));
  assert.is(again.match(/data-figures=/g)!.length, 2);
  const site = tempDir('gloss-figures-');
  mkdirSync(join(site, 'data'));
  writeFileSync(join(site, 'data', 'index.html'), once);
  const previous = join(site, 'previous.html');
  linkSync(join(site, 'data', 'index.html'), previous);
  fillDataPage(site, { zip: written(99, 'c'), sqlite: written(2048, 'b') });
  assert.is(readFileSync(join(site, 'data', 'index.html'), 'utf8'), again);
  assert.is(readFileSync(previous, 'utf8'), once, "the previous site's page, linked, is untouched");
});

Figures.run();

const ZipSuite = suite('writeDataset: gloss-dataset.zip');

/**
 * The entries of a zip archive, read with Node's zlib alone (not the library that wrote it): the
 * central directory, then each entry's local header and data, checked against its CRC-32.
 */
function unzip(archive: Buffer): Map<string, { data: Buffer; date: number; time: number }> {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'an end of central directory record');
  const count = archive.readUInt16LE(eocd + 10);
  let at = archive.readUInt32LE(eocd + 16);
  const entries = new Map<string, { data: Buffer; date: number; time: number }>();
  for (let i = 0; i < count; i++) {
    assert.is(archive.readUInt32LE(at), 0x02014b50, 'a central directory header');
    const method = archive.readUInt16LE(at + 10);
    const time = archive.readUInt16LE(at + 12);
    const date = archive.readUInt16LE(at + 14);
    const crc = archive.readUInt32LE(at + 16);
    const compressed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const raw = archive.subarray(dataAt, dataAt + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.is(crc32(data) >>> 0, crc, `${name}: CRC-32`);
    entries.set(name, { data, date, time });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

ZipSuite('holds every file of the dataset byte for byte under gloss-dataset/, sorted, and no other', () => {
  const entries = unzip(readFileSync(join(DATA, 'gloss-dataset.zip')));
  const expected = listFiles().filter((p) => p !== 'gloss-dataset.zip' && p !== 'gloss.sqlite');
  assert.equal([...entries.keys()], expected.map((p) => `gloss-dataset/${p}`), 'the same files, in sorted order');
  for (const path of expected) assert.ok(entries.get(`gloss-dataset/${path}`)?.data.equals(readFileSync(join(DATA, path))), path);
  for (const needed of ['README.md', 'datapackage.json', 'corpus.jsonld', 'annotations.jsonld', 'mentions.csv', 'article-files.csv']) assert.ok(entries.has(`gloss-dataset/${needed}`), needed);
  assert.ok([...entries.keys()].some((p) => p.startsWith('gloss-dataset/sources/')) && [...entries.keys()].some((p) => p.startsWith('gloss-dataset/schemas/')));
});

ZipSuite('dates every entry 1980-01-01 00:00, whatever the time and time zone of the build', () => {
  const dosDate = ((1980 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, e] of unzip(readFileSync(join(DATA, 'gloss-dataset.zip')))) assert.equal([e.date, e.time], [dosDate, 0], name);
});

ZipSuite('is byte-identical when written in another time zone', () => {
  const dir = join(tempDir('gloss-export-'), 'data');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    import { writeZip } from ${JSON.stringify(join(ROOT, 'src', 'export', 'zip.ts'))};
    import { mkdirSync } from 'node:fs';
    mkdirSync(${JSON.stringify(dir)}, { recursive: true });
    const entries = ${JSON.stringify(listFiles().filter((p) => p !== 'gloss-dataset.zip' && p !== 'gloss.sqlite').map((p) => ({ name: `gloss-dataset/${p}`, file: join(DATA, p) })))};
    await writeZip(${JSON.stringify(join(dir, 'gloss-dataset.zip'))}, entries);
  `], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Kiritimati' } });
  assert.is(r.status, 0, r.stderr);
  assert.ok(readFileSync(join(dir, 'gloss-dataset.zip')).equals(readFileSync(join(DATA, 'gloss-dataset.zip'))), 'UTC+14 gives the same bytes');
});

ZipSuite("has a README that says what each file holds, how to cite it, the licences, and the annotator's version and accuracy", () => {
  const readme = read('README.md');
  for (const f of datasetFiles().filter((x) => x.path !== 'gloss-dataset.zip')) assert.ok(readme.includes(`### ${f.path}`), f.path);
  assert.match(readme, /## How to cite it/);
  assert.match(readme, /copyright remains with their publishers/);
  assert.match(readme, /CC-BY-4\.0/);
  assert.ok(readme.includes(`Gloss ${about.gloss}`) && readme.includes(about.annotator), 'versions');
  assert.ok(about.accuracy && about.accuracy.length > 0, 'docs/accuracy.json is read');
  for (const set of about.accuracy ?? []) {
    const row = readme.split('\n').find((l) => l.startsWith(`| ${set.name} (${set.files} articles)`));
    assert.ok(row, `a row for ${set.name}`);
    assert.ok(row.includes(` ${(set.entities.named.f1 * 100).toFixed(1)} `) && row.includes(` ${(set.claims.detection.f1 * 100).toFixed(1)} `), row);
  }
  assert.ok(readme.includes('| `value` | string |'), 'the columns are described');
});

ZipSuite.run();

// ---------------------------------------------------------------------------------------------

const Sqlite = suite('writeDataset: gloss.sqlite');

const SQL = await (createRequire(import.meta.url)('sql.js') as (c?: object) => Promise<SqlJsStatic>)();
const db = new SQL.Database(readFileSync(join(DATA, 'gloss.sqlite')));
const query = (sql: string, params: SqlValue[] = []): Array<Record<string, SqlValue>> => {
  const statement = db.prepare(sql);
  const rows: Array<Record<string, SqlValue>> = [];
  statement.bind(params);
  while (statement.step()) rows.push(statement.getAsObject());
  statement.free();
  return rows;
};

/** A CSV cell as the database stores it: typed, null for empty, without the formula guard. */
function asStored(column: string, type: string, cell: string): SqlValue {
  if (cell === '' && !['exact', 'prefix', 'suffix'].includes(column)) return null;
  if (type === 'integer') return Number(cell);
  if (type === 'number') return Number(cell);
  if (type === 'boolean') return cell === 'true' ? 1 : 0;
  return NEUTRALISED_COLUMNS.includes(column) && cell.startsWith("'") ? cell.slice(1) : cell;
}

Sqlite('holds every row of each CSV table, cell for cell', () => {
  for (const path of Object.keys(ISSUE_6_HEADERS)) {
    const table = path.replace('.csv', '');
    const file = datasetFiles().find((f) => f.path === path)!;
    const columns = file.columns ?? [];
    const fromCsv = csvRows(path).map((r) => columns.map((c) => asStored(c.name, c.type, r[c.name] ?? '')));
    const fromDb = query(`SELECT * FROM "${table}" ORDER BY rowid`).map((r) => columns.map((c) => r[c.name] ?? null));
    assert.equal(fromDb, fromCsv, table);
  }
});

Sqlite('answers SQL as the CSVs do: mentions per entity, and the articles that mention Vladivostok however spelled', () => {
  const perEntity = query('SELECT entity_id, COUNT(*) AS n FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY entity_id');
  const counted = new Map<string, number>();
  for (const r of csvRows('mentions.csv')) if (r['entity_id']) counted.set(r['entity_id'], (counted.get(r['entity_id']) ?? 0) + 1);
  assert.equal(perEntity.map((r) => [r['entity_id'], r['n']]), [...counted.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const spellings = query("SELECT DISTINCT m.exact FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.label = 'Vladivostok' ORDER BY m.exact").map((r) => r['exact']);
  assert.ok(spellings.includes('Vladivostock') && spellings.includes('Vladivostok'), spellings.join(', '));
  const joined = query("SELECT a.title, m.exact, m.wikidata FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = 'vladivostok'");
  assert.ok(joined.length > 0 && joined.every((r) => r['wikidata'] === 'Q959'));
});

Sqlite('declares primary and foreign keys and indexes, and every key holds', () => {
  assert.equal(query('PRAGMA integrity_check').map((r) => r['integrity_check']), ['ok']);
  assert.equal(query('PRAGMA foreign_key_check'), []);
  const keys = (table: string): string[] => query(`PRAGMA foreign_key_list("${table}")`).map((r) => `${String(r['from'])}→${String(r['table'])}.${String(r['to'])}`).sort();
  assert.equal(keys('mentions'), ['article_id→articles.id', 'entity_id→entities.id', 'refers_to→entities.id']);
  assert.equal(keys('claims'), ['article_id→articles.id', 'cluster_id→clusters.id', 'source_entity_id→entities.id']);
  for (const table of ['articles', 'entities', 'mentions', 'claims', 'clusters']) assert.equal(query(`PRAGMA table_info("${table}")`).filter((c) => c['pk']).map((c) => c['name']), ['id'], table);
  const indexes = query("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").map((r) => r['name']);
  for (const name of ['mentions_article_id', 'mentions_entity_id', 'claims_article_id', 'claims_cluster_id']) assert.ok(indexes.includes(name), name);
  const plan = query("EXPLAIN QUERY PLAN SELECT * FROM mentions WHERE entity_id = 'vladivostok'").map((r) => String(r['detail'])).join(' ');
  assert.match(plan, /USING INDEX mentions_entity_id/);
});

Sqlite('searches the article texts in full (FTS4, external content on sources, as Datasette detects it)', () => {
  const ddl = String(query("SELECT sql FROM sqlite_master WHERE name = 'sources_fts'")[0]?.['sql']);
  assert.match(ddl, /USING fts4\(text, content="sources"/);
  const hits = query("SELECT s.article_id FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid WHERE sources_fts MATCH 'vladivostok' ORDER BY s.article_id").map((r) => r['article_id']);
  const expected = documents.filter((d) => /\bVladivostok\b/i.test(d.article.text)).map((d) => d.article.id);
  assert.ok(expected.length > 0);
  assert.equal(hits, expected);
  assert.equal(query('SELECT article_id, text FROM sources ORDER BY article_id').map((r) => [r['article_id'], r['text']]), documents.map((d) => [d.article.id, d.article.text]));
});

Sqlite('lists every name of an entity in aliases', () => {
  const names = query("SELECT alias, kind FROM aliases WHERE entity_id = 'kim-jong-un' ORDER BY alias").map((r) => `${String(r['alias'])}:${String(r['kind'])}`);
  assert.ok(names.includes('Kim Jong-un:label') && names.includes('Kim Jong Un:alias'), names.join(', '));
});

Sqlite('holds copies whose first, in path order, sorts after them by id (duplicate_of is a key into articles)', async () => {
  // b.txt copies a.txt, whose sidecar gives it an id that sorts after b's.
  const text = 'Dockers walk out\n\nDockers in Gdansk walked out on Tuesday.\n';
  const input = fixtureInput({ 'a.txt': text, 'a.meta.json': '{ "id": "zz-first" }', 'b.txt': text });
  const built = await runPipeline({ root: input.dir, workers: 1 });
  assert.ok(built.corpus, JSON.stringify(built.problems));
  assert.equal(built.corpus!.documents.map((d) => [d.article.id, d.article.duplicateOf]).sort(), [['b', 'zz-first'], ['zz-first', null]]);
  const copy = await buildDatabase(built.corpus!);
  try {
    assert.equal(copy.exec('SELECT id, duplicate_of FROM articles ORDER BY id')[0]!.values, [['b', 'zz-first'], ['zz-first', null]]);
    assert.equal(copy.exec("PRAGMA foreign_key_list('articles')")[0]!.values.map((r) => `${String(r[3])}→${String(r[2])}.${String(r[4])}`), ['duplicate_of→articles.id']);
  } finally {
    copy.close();
  }
});

Sqlite.after(() => db.close());
Sqlite.run();
