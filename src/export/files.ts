/**
 * What the dataset holds: every published file and every CSV column, described once.
 * The reader's /data/ page and `datapackage.json` both read this list, so a column is named,
 * typed and explained in one place (Frictionless Table Schema types:
 * https://specs.frictionlessdata.io/table-schema/#types-and-formats).
 */

/** Frictionless Table Schema field types that Gloss's CSV columns use. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** One CSV column. */
export interface DatasetColumn {
  /** Header cell, exactly as in the file. */
  name: string;
  /** Table Schema type of its cells. */
  type: ColumnType;
  /** What the column holds, for a person. */
  description: string;
  /** Whether every row has a value (an empty cell is null, so this column has none). */
  required?: boolean;
  /** Whether no two rows share a value. */
  unique?: boolean;
  /** The only values the column takes. */
  enum?: string[];
  /** A regular expression every value matches. */
  pattern?: string;
  /** Smallest value of a number or integer column. */
  minimum?: number;
  /** Largest value of a number or integer column. */
  maximum?: number;
}

/** A column of this file whose values are ids of another file's rows. */
export interface DatasetForeignKey {
  /** Column of this file. */
  field: string;
  /** Resource name (in `datapackage.json`) of the file it points into. */
  resource: string;
  /** Column of that file. */
  reference: string;
}

/** One published file, or a family of files when `path` holds a `{id}` or `{name}` placeholder. */
export interface DatasetFile {
  /**
   * Path inside `data/`. `{id}` stands for an article id (one file per article); `{name}` for a
   * schema name (one file per schema of `schemas/`).
   */
  path: string;
  /** Resource name in `datapackage.json`, with the same placeholder as `path`. */
  name: string;
  /** Short title. */
  title: string;
  /** What the file holds and how to read it. */
  description: string;
  /** File format, as a file extension (`csv`, `jsonld`, `json`, `txt`, `md`, `zip`, `sqlite`). */
  format: string;
  /** IANA media type. */
  mediatype: string;
  /** For a CSV: its columns, in order. */
  columns?: DatasetColumn[];
  /** For a CSV: the column that identifies a row. */
  primaryKey?: string;
  /** For a CSV: columns that hold ids of other files' rows. */
  foreignKeys?: DatasetForeignKey[];
  /**
   * How datapackage.json lists the file: `resource` (its own resource, the default), `listed` (a
   * per-article file, listed with its size and SHA-256 as a row of files.csv, so that the
   * descriptor does not grow with the corpus), or `none` (the descriptor itself, and the
   * downloads made from the package: the zip and the database).
   */
  packaged?: 'resource' | 'listed' | 'none';
}

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const ENTITY_TYPES = ['person', 'organization', 'place', 'event'];
const MENTION_TYPES = [...ENTITY_TYPES, 'date'];

const NEUTRALISED_NOTE =
  "A value that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab, a carriage return or a NUL), or that begins with an apostrophe, is written with an apostrophe (') before it; remove one leading apostrophe to get the value.";

const VERBATIM_NOTE = 'Verbatim from the source text, never altered, so that the offsets hold; import it into a spreadsheet as text.';

/** Columns that several files share, each written once. */
const col = {
  articleId: (required = true): DatasetColumn => ({ name: 'article_id', type: 'string', required, pattern: ID_PATTERN, description: 'Id of the article (articles.csv) the annotation is in.' }),
  start: (required = true): DatasetColumn => ({ name: 'start', type: 'integer', required, minimum: 0, description: "First character of the span: a count of Unicode code points into sources/{article_id}.txt (Python's text[start:end])." }),
  end: (required = true): DatasetColumn => ({ name: 'end', type: 'integer', required, minimum: 0, description: 'Code point just past the span (end exclusive).' }),
  exact: (required = true): DatasetColumn => ({ name: 'exact', type: 'string', required, description: `The marked text: text[start:end]. ${VERBATIM_NOTE}` }),
  // Not required: a span at the very start (end) of the text has an empty prefix (suffix), which a CSV cannot tell from null.
  prefix: (): DatasetColumn => ({ name: 'prefix', type: 'string', description: `Up to 32 code points before the span (W3C TextQuoteSelector prefix); empty when the span starts the text. ${VERBATIM_NOTE}` }),
  suffix: (): DatasetColumn => ({ name: 'suffix', type: 'string', description: `Up to 32 code points after the span (W3C TextQuoteSelector suffix); empty when the span ends the text. ${VERBATIM_NOTE}` }),
  entityId: (): DatasetColumn => ({ name: 'entity_id', type: 'string', pattern: ID_PATTERN, description: 'Entity (entities.csv) the mention refers to; empty for a date.' }),
  mentionType: (required = true): DatasetColumn => ({ name: 'type', type: 'string', required, enum: MENTION_TYPES, description: 'Type of the mention: person, organization, place, event or date.' }),
  form: (required = true): DatasetColumn => ({ name: 'form', type: 'string', required, enum: ['name', 'adjectival'], description: 'How the mention names its entity: by name, or by an adjectival form ("North Korean").' }),
  refersTo: (): DatasetColumn => ({ name: 'refers_to', type: 'string', pattern: ID_PATTERN, description: 'For a capital standing for its government ("Moscow said"), the country entity it stands for; else empty.' }),
  source: (required = true): DatasetColumn => ({ name: 'source', type: 'string', required, description: `Who makes the claim, as written ("US officials"). ${NEUTRALISED_NOTE}` }),
  sourceEntityId: (): DatasetColumn => ({ name: 'source_entity_id', type: 'string', pattern: ID_PATTERN, description: 'Entity (entities.csv) of the source, when it is a named entity; else empty.' }),
  cue: (required = true): DatasetColumn => ({ name: 'cue', type: 'string', required, description: `Reporting cue as written ("said", "according to", "quotation"). ${NEUTRALISED_NOTE}` }),
  quote: (required = true): DatasetColumn => ({ name: 'quote', type: 'boolean', required, description: 'true when the claim is a direct quotation, else false.' }),
  polarity: (required = true): DatasetColumn => ({ name: 'polarity', type: 'string', required, enum: ['affirm', 'deny'], description: 'affirm, or deny when the source denies or negates the proposition.' }),
  hedged: (required = true): DatasetColumn => ({ name: 'hedged', type: 'boolean', required, description: 'true when the reported proposition is modal or speculative (may, could, likely), else false.' }),
  clusterId: (): DatasetColumn => ({ name: 'cluster_id', type: 'string', description: 'Cluster (clusters.csv) of the proposition the claim shares with claims in other articles; empty when none.' }),
  method: (): DatasetColumn => ({ name: 'method', type: 'string', required: true, description: 'How the annotation was made: gazetteer (a hand-written name of the knowledge base), ner (a name the recogniser found), ner:linked (a name the recogniser found, linked to the knowledge base in context), rule:surname, rule:short-name, rule:date, a claim rule (rule:quotation, rule:reporting-verb, …), or curated (an editor\'s correction).' }),
  confidence: (): DatasetColumn => ({ name: 'confidence', type: 'number', required: true, minimum: 0, maximum: 1, description: 'Confidence of the annotation, from 0 to 1.' }),
  value: (): DatasetColumn => ({ name: 'value', type: 'string', description: 'For a date, its resolved ISO 8601 value ("2023-09-13", "2020-01", "2023", or an interval "2022/2023"); empty for an entity, or for a date that could not be resolved.' }),
  wikidata: (): DatasetColumn => ({ name: 'wikidata', type: 'string', pattern: '^Q[1-9][0-9]*$', description: "Wikidata QID of the mention's entity (as in entities.csv), only where certain; else empty." }),
  count: (name: string, what: string): DatasetColumn => ({ name, type: 'integer', required: true, minimum: 0, description: what }),
};

const OFFSETS_NOTE =
  "Offsets count Unicode code points into sources/{article_id}.txt: in Python, open(path, encoding='utf-8', newline='').read()[start:end] == exact for every row (newline='' keeps line endings as they are).";

const csv = { format: 'csv', mediatype: 'text/csv' };
const jsonld = { format: 'jsonld', mediatype: 'application/ld+json' };

const FILES: DatasetFile[] = [
  {
    path: 'gloss-dataset.zip',
    name: 'dataset-zip',
    title: 'The whole dataset in one file',
    description:
      'Every file below in one zip archive, in a folder gloss-dataset/, with a README.md that says what each file holds, how to cite the dataset, the licences, and the version and measured accuracy of the annotator that made it. The same corpus always gives the same archive, byte for byte.',
    format: 'zip',
    mediatype: 'application/zip',
    packaged: 'none',
  },
  {
    path: 'gloss.sqlite',
    name: 'database',
    title: 'The tables as an SQLite database',
    description:
      'articles, entities, aliases, mentions, claims, clusters and the article texts (sources) as SQLite tables with primary keys, foreign keys and indexes, and a full-text index of the texts (sources_fts, FTS4, configured as Datasette expects). Open it with sqlite3, Datasette, DB Browser for SQLite, or any SQLite library.',
    format: 'sqlite',
    mediatype: 'application/vnd.sqlite3',
    packaged: 'none',
  },
  {
    path: 'README.md',
    name: 'readme',
    title: 'README',
    description: 'What each file holds, how to cite the dataset, the licences, and the version and measured accuracy of the annotator.',
    format: 'md',
    mediatype: 'text/markdown',
  },
  {
    path: 'articles.csv',
    name: 'articles',
    title: 'Articles',
    description: 'One row per article, sorted by id, with its metadata and annotation counts.',
    ...csv,
    primaryKey: 'id',
    foreignKeys: [{ field: 'duplicate_of', resource: 'articles', reference: 'id' }],
    columns: [
      { name: 'id', type: 'string', required: true, unique: true, pattern: ID_PATTERN, description: "The article's id, as in the reader's URL /articles/{id}/ and in sources/{id}.txt." },
      { name: 'title', type: 'string', required: true, description: `Headline. ${NEUTRALISED_NOTE}` },
      { name: 'outlet', type: 'string', description: `Publication that ran the article; empty when unknown. ${NEUTRALISED_NOTE}` },
      { name: 'author', type: 'string', description: `Author's name; empty when unknown. ${NEUTRALISED_NOTE}` },
      { name: 'published', type: 'date', description: 'Publication date (YYYY-MM-DD); empty when unknown.' },
      { name: 'source_file', type: 'string', required: true, description: `Path of the file the article was read from, under the seeds folder, folders separated by / (business/001.txt). ${NEUTRALISED_NOTE}` },
      { name: 'sha256', type: 'string', required: true, pattern: '^[0-9a-f]{64}$', description: "SHA-256 of that file's bytes (lower-case hex). sources/{id}.txt holds its decoded text as UTF-8, which differs in bytes when the file had a byte-order mark or was in another encoding (declared in its sidecar)." },
      col.count('word_count', 'Words in the annotated blocks (title, standfirst, body).'),
      col.count('mentions', 'Entity and date mentions in the article (rows of mentions.csv).'),
      col.count('claims', 'Claims in the article (rows of claims.csv).'),
      { name: 'section', type: 'string', description: `The folder of the seeds folder the article's file is in (its top-level folder, as written), such as business; empty for a file directly in the seeds folder. ${NEUTRALISED_NOTE}` },
      { name: 'duplicate_of', type: 'string', pattern: ID_PATTERN, description: 'When the text of this article is identical to that of another, the id of the first of them in path order (source_file, folder by folder); else empty. Both are annotated, so counts across articles count them both.' },
    ],
  },
  {
    path: 'entities.csv',
    name: 'entities',
    title: 'Entities',
    description:
      'One row per entity that the corpus mentions (or that a mention or claim links to as refers_to or source_entity_id), sorted by id.',
    ...csv,
    primaryKey: 'id',
    columns: [
      { name: 'id', type: 'string', required: true, unique: true, pattern: ID_PATTERN, description: "The entity's id. The reader gives it a page, /entities/{id}/, when the knowledge base has it or at least two articles name it; a name found in a single article has no page (its mark and card are on that article's page)." },
      { name: 'type', type: 'string', required: true, enum: ENTITY_TYPES, description: 'person, organization, place or event.' },
      { name: 'label', type: 'string', required: true, description: `Canonical name. ${NEUTRALISED_NOTE}` },
      { name: 'wikidata', type: 'string', pattern: '^Q[1-9][0-9]*$', description: 'Wikidata QID (https://www.wikidata.org/wiki/{wikidata}), only where certain; else empty.' },
      { name: 'description', type: 'string', required: true, description: `One neutral line. ${NEUTRALISED_NOTE}` },
      col.count('mentions', 'Mentions of the entity across the corpus.'),
      col.count('articles', 'Articles that mention the entity.'),
    ],
  },
  {
    path: 'mentions.csv',
    name: 'mentions',
    title: 'Mentions',
    description: `One row per entity or date mention, sorted by article id, then by position in the text. ${OFFSETS_NOTE}`,
    ...csv,
    primaryKey: 'id',
    foreignKeys: [
      { field: 'article_id', resource: 'articles', reference: 'id' },
      { field: 'entity_id', resource: 'entities', reference: 'id' },
      { field: 'refers_to', resource: 'entities', reference: 'id' },
    ],
    columns: [
      { name: 'id', type: 'string', required: true, unique: true, description: "The mention's id (m-{article_id}-N), the anchor of its mark in the reader (/articles/{article_id}/#{id})." },
      col.articleId(),
      col.entityId(),
      col.mentionType(),
      col.form(),
      col.refersTo(),
      col.start(),
      col.end(),
      col.exact(),
      col.prefix(),
      col.suffix(),
      col.method(),
      col.confidence(),
      col.value(),
      col.wikidata(),
    ],
  },
  {
    path: 'claims.csv',
    name: 'claims',
    title: 'Claims',
    description: `One row per claim (a proposition the article attributes to a source other than its author), sorted by article id, then by position in the text. ${OFFSETS_NOTE}`,
    ...csv,
    primaryKey: 'id',
    foreignKeys: [
      { field: 'article_id', resource: 'articles', reference: 'id' },
      { field: 'source_entity_id', resource: 'entities', reference: 'id' },
      { field: 'cluster_id', resource: 'clusters', reference: 'id' },
    ],
    columns: [
      { name: 'id', type: 'string', required: true, unique: true, description: "The claim's id (c-{article_id}-N), the anchor of its mark in the reader." },
      col.articleId(),
      col.start(),
      col.end(),
      col.exact(),
      col.source(),
      col.sourceEntityId(),
      col.cue(),
      col.quote(),
      col.polarity(),
      col.hedged(),
      col.clusterId(),
      col.method(),
      col.confidence(),
    ],
  },
  {
    path: 'clusters.csv',
    name: 'clusters',
    title: 'Claim clusters',
    description: 'One row per cluster: claims from different articles that state the same proposition, sorted by id.',
    ...csv,
    primaryKey: 'id',
    columns: [
      { name: 'id', type: 'string', required: true, unique: true, description: "The cluster's id (k-…)." },
      { name: 'label', type: 'string', required: true, description: `Readable statement of the proposition. ${NEUTRALISED_NOTE}` },
      col.count('claims', 'Claims in the cluster.'),
      col.count('articles', 'Articles those claims are in.'),
      col.count('outlets', 'Distinct known outlets of those articles (articles with no known outlet are not counted).'),
    ],
  },
  {
    path: 'article-files.csv',
    name: 'article-files',
    title: 'Per-article files',
    description:
      "One row per file of an article (its source text sources/{id}.txt, and its annotations as articles/{id}.csv and articles/{id}.jsonld), sorted by path, with the file's size and SHA-256. datapackage.json describes these families once, here, rather than as one resource per file, so that it stays small for any number of articles.",
    ...csv,
    primaryKey: 'path',
    foreignKeys: [{ field: 'article_id', resource: 'articles', reference: 'id' }],
    columns: [
      { name: 'path', type: 'string', required: true, unique: true, description: 'Path of the file in the dataset (sources/{id}.txt, articles/{id}.csv or articles/{id}.jsonld).' },
      col.articleId(),
      { name: 'format', type: 'string', required: true, enum: ['txt', 'csv', 'jsonld'], description: 'txt (the source text), csv or jsonld (its annotations).' },
      col.count('bytes', 'Size of the file in bytes.'),
      { name: 'sha256', type: 'string', required: true, pattern: '^[0-9a-f]{64}$', description: "SHA-256 of the file's bytes (lower-case hex)." },
    ],
  },
  {
    path: 'datapackage.json',
    name: 'datapackage',
    title: 'Data Package descriptor',
    description:
      "Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing every file here: each CSV's Table Schema with its types, primary and foreign keys, and each file's size and SHA-256 (the per-article files through article-files.csv).",
    format: 'json',
    mediatype: 'application/json',
    packaged: 'none',
  },
  {
    path: 'corpus.jsonld',
    name: 'corpus',
    title: 'Corpus as schema.org JSON-LD',
    description:
      'The dataset as linked data in schema.org terms: a Dataset with its DataDownloads, the NewsArticles with the entities they mention, the entities as Person, Organization, Place or Event (sameAs their Wikidata page), the claims as Claim (author: the source; appearance: the article), and the claim clusters.',
    ...jsonld,
  },
  {
    path: 'annotations.jsonld',
    name: 'annotations',
    title: 'Annotations as W3C Web Annotations',
    description:
      'Every mention and claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): an AnnotationCollection with one AnnotationPage per article. Each annotation targets sources/{id}.txt with a TextQuoteSelector and a TextPositionSelector (code points); its body is the entity (motivation identifying) or the claim and its attributes (motivation classifying); creator, generator, method and confidence record its provenance.',
    ...jsonld,
  },
  {
    path: 'sources/{id}.txt',
    name: 'source-{id}',
    title: 'Article source text',
    description:
      "An article's source text, exactly as annotated: its file decoded (as UTF-8, or as the encoding its sidecar declares), the byte-order mark removed, line endings as they are, written as UTF-8 whatever the file's encoding. Every offset counts code points into it. The article texts are not covered by the dataset's licence: their copyright remains with their publishers.",
    format: 'txt',
    mediatype: 'text/plain',
    packaged: 'listed',
  },
  {
    path: 'articles/{id}.csv',
    name: 'article-{id}-csv',
    title: "One article's annotations as CSV",
    description: `One article's mentions and claims in one table, sorted by position in the text: kind says which a row is, and the columns are the union of mentions.csv's and claims.csv's (a column that does not apply to the row's kind is empty). ${OFFSETS_NOTE}`,
    ...csv,
    primaryKey: 'id',
    foreignKeys: [
      { field: 'article_id', resource: 'articles', reference: 'id' },
      { field: 'entity_id', resource: 'entities', reference: 'id' },
      { field: 'refers_to', resource: 'entities', reference: 'id' },
      { field: 'source_entity_id', resource: 'entities', reference: 'id' },
      { field: 'cluster_id', resource: 'clusters', reference: 'id' },
    ],
    packaged: 'listed',
    columns: [
      { name: 'kind', type: 'string', required: true, enum: ['mention', 'claim'], description: 'mention (a row of mentions.csv) or claim (a row of claims.csv).' },
      { name: 'id', type: 'string', required: true, unique: true, description: 'The mention or claim id.' },
      col.articleId(),
      col.start(),
      col.end(),
      col.exact(),
      col.prefix(),
      col.suffix(),
      col.entityId(),
      col.mentionType(false),
      col.form(false),
      col.refersTo(),
      col.source(false),
      col.sourceEntityId(),
      col.cue(false),
      col.quote(false),
      col.polarity(false),
      col.hedged(false),
      col.clusterId(),
      col.method(),
      col.confidence(),
      col.value(),
      col.wikidata(),
    ],
  },
  {
    path: 'articles/{id}.jsonld',
    name: 'article-{id}-jsonld',
    title: "One article's annotations as JSON-LD",
    description: "The article's AnnotationPage of annotations.jsonld on its own: the same annotations, with the same ids.",
    ...jsonld,
    packaged: 'listed',
  },
  {
    path: 'contexts/anno.jsonld',
    name: 'context-anno',
    title: 'W3C Web Annotation JSON-LD context',
    description:
      'Copy of http://www.w3.org/ns/anno.jsonld (W3C, w3c/web-annotation repository, jsonld/anno.jsonld; W3C Document License), for expanding annotations.jsonld with no network.',
    ...jsonld,
  },
  {
    path: 'contexts/schema.jsonld',
    name: 'context-schema',
    title: 'schema.org JSON-LD context',
    description: 'A local context mapping every term to schema.org ({"@vocab": "https://schema.org/"}), the one corpus.jsonld embeds.',
    ...jsonld,
  },
  {
    path: 'schemas/{name}.schema.json',
    name: 'schema-{name}',
    title: 'JSON Schema',
    description: "Copy of one of Gloss's JSON Schemas (2020-12, $id https://schemas.gloss.example/v1/{name}.schema.json), which describe the records the annotations come from.",
    format: 'json',
    mediatype: 'application/schema+json',
  },
];

/**
 * Every file of the published dataset (`data/`), with every CSV column described.
 * Paths with `{id}` are one file per article, `{name}` one per schema.
 */
export function datasetFiles(): DatasetFile[] {
  return structuredClone(FILES);
}

/** The description of one file, by path; throws when the list lacks it (a programmer error). */
export function datasetFile(path: string): DatasetFile {
  return structuredClone(described(path));
}

const byPath = new Map(FILES.map((f) => [f.path, f]));

/** The description of one file, shared and not to be changed (a copy per file of thousands cost seconds). */
export function described(path: string): Readonly<DatasetFile> {
  const file = byPath.get(path);
  if (!file) throw new Error(`datasetFiles() lacks "${path}"; describe the file in src/export/files.ts`);
  return file;
}

const columns = new Map<string, readonly string[]>();

/** The header row of a CSV of the dataset, in order. */
export function columnNames(path: string): string[] {
  let names = columns.get(path);
  if (!names) columns.set(path, (names = (described(path).columns ?? []).map((c) => c.name)));
  return [...names];
}
