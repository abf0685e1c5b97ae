import type { AnnotationDocument } from '../types.ts';
import type { DatasetColumn, DatasetFile } from './files.ts';
import { LICENSE, LICENSE_NOTE } from './vocabulary.ts';

/**
 * datapackage.json: a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * whose resources are every other file of the dataset, each CSV a Tabular Data Resource with its
 * Table Schema (https://specs.frictionlessdata.io/table-schema/).
 */

type Json = Record<string, unknown>;

/** A file as written: its description (placeholders filled in), size and SHA-256. */
export interface WrittenFile {
  file: DatasetFile;
  bytes: number;
  sha256: string;
}

/** The dialect every CSV of the dataset is written in (RFC 4180). */
const CSV_DIALECT = { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true } as const;

/** A field with its name, type and constraints only: per-article tables repeat the main tables' descriptions. */
function briefField(c: DatasetColumn): Json {
  const { description: _description, ...rest } = field(c);
  return rest;
}

function field(c: DatasetColumn): Json {
  const constraints: Json = {};
  if (c.required) constraints['required'] = true;
  if (c.unique) constraints['unique'] = true;
  if (c.enum) constraints['enum'] = c.enum;
  if (c.pattern) constraints['pattern'] = c.pattern;
  if (c.minimum !== undefined) constraints['minimum'] = c.minimum;
  if (c.maximum !== undefined) constraints['maximum'] = c.maximum;
  return {
    name: c.name,
    type: c.type,
    description: c.description,
    ...(c.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Table Schema of a CSV's description: its fields, null as the empty cell, and its keys. */
export function tableSchema(file: DatasetFile, brief = false): Json {
  return {
    fields: (file.columns ?? []).map(brief ? briefField : field),
    missingValues: [''],
    ...(file.primaryKey ? { primaryKey: file.primaryKey } : {}),
    ...(file.foreignKeys?.length
      ? { foreignKeys: file.foreignKeys.map((fk) => ({ fields: fk.field, reference: { resource: fk.resource, fields: fk.reference } })) }
      : {}),
  };
}

function resource({ file, bytes, sha256 }: WrittenFile): Json {
  const tabular = Boolean(file.columns);
  return {
    profile: tabular ? 'tabular-data-resource' : 'data-resource',
    name: file.name,
    path: file.path,
    title: file.title,
    description: file.description,
    format: file.format,
    mediatype: file.mediatype,
    encoding: 'utf-8',
    bytes,
    hash: `sha256:${sha256}`,
    ...(tabular ? { dialect: CSV_DIALECT, schema: tableSchema(file) } : {}),
  };
}

/**
 * A family of per-article files (`sources/{id}.txt`…) described once: the Data Package
 * specification has no path patterns, and one resource per file made the descriptor grow with the
 * corpus (14 MB for 2,225 articles). Each file is a row of article-files.csv, with its size and
 * SHA-256; this description, a property of that resource, gives the family's format and, for
 * a CSV, its Table Schema.
 */
function family(file: DatasetFile): Json {
  const tabular = Boolean(file.columns);
  return {
    pathPattern: file.path,
    title: file.title,
    description: file.description,
    format: file.format,
    mediatype: file.mediatype,
    encoding: 'utf-8',
    ...(tabular ? { dialect: CSV_DIALECT, schema: tableSchema(file, true) } : {}),
  };
}

/** Where the articles come from: one source per outlet (each article's URL is in corpus.jsonld). */
function sources(documents: AnnotationDocument[]): Json[] {
  const counts = new Map<string, number>();
  for (const { article } of documents) counts.set(article.outlet ?? '', (counts.get(article.outlet ?? '') ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([outlet, n]) => ({ title: `${outlet || 'Unknown outlet'}: ${n} article${n === 1 ? '' : 's'}` }));
}

/**
 * The package descriptor: what the dataset is, its licence and sources, and one resource per
 * written file, except the per-article files, which article-files.csv lists (see family()).
 */
export function dataPackage(documents: AnnotationDocument[], written: WrittenFile[], families: DatasetFile[]): Json {
  const listed = written.filter((w) => (w.file.packaged ?? 'resource') === 'resource');
  const found = sources(documents);
  return {
    profile: 'data-package',
    name: 'gloss-corpus',
    title: 'Gloss annotated news corpus',
    description: `News articles annotated with the people, organisations, places, events and dates they mention and the claims they attribute to sources. Every offset counts Unicode code points into sources/{id}.txt. ${LICENSE_NOTE}`,
    keywords: ['news', 'annotation', 'named entities', 'entity linking', 'attributed claims', 'W3C Web Annotation'],
    licenses: [{ name: LICENSE.name, path: LICENSE.url, title: `${LICENSE.title}, for the annotations and metadata; the article texts remain their publishers'` }],
    ...(found.length ? { sources: found } : {}),
    resources: listed.map((w) => (w.file.name === 'article-files' ? { ...resource(w), fileFamilies: families.map(family) } : resource(w))),
  };
}
