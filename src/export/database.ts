import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { Corpus } from '../types.ts';
import type { Cell, Row } from './csv.ts';
import { datasetFile, type DatasetColumn, type DatasetFile } from './files.ts';
import { articleRows, byString, claimRows, clusterRows, entityRows, mentionRows, publishedEntities, sortedDocuments } from './tables.ts';

/**
 * gloss.sqlite: the dataset's tables in one SQLite database, for sqlite3, Datasette and any SQLite
 * library. Written by sql.js (SQLite compiled to WebAssembly; its .wasm ships in the package, so
 * nothing is built natively). The tables are the CSVs' own, column for column, declared from the
 * same descriptions (src/export/files.ts) with their primary and foreign keys; text values are
 * stored as they are, without the apostrophe that guards the CSVs against spreadsheet formulas.
 * The article texts are in `sources`, indexed for full-text search by `sources_fts` (FTS4: this
 * build of SQLite lacks FTS5), an external-content table as Datasette detects it.
 *
 * The same corpus always gives the same bytes: rows go in sorted, in one transaction, and the file
 * holds no time or path (SQLite's header records only counters and its own version).
 */

/** The CSV tables the database holds, in the order they are created (referenced tables first). */
const TABLES = ['articles.csv', 'entities.csv', 'clusters.csv', 'mentions.csv', 'claims.csv'] as const;

/** Columns indexed beyond the primary keys: the foreign keys, and what queries filter by. */
const INDEXES: Array<[table: string, column: string]> = [
  ['mentions', 'article_id'],
  ['mentions', 'entity_id'],
  ['mentions', 'type'],
  ['claims', 'article_id'],
  ['claims', 'source_entity_id'],
  ['claims', 'cluster_id'],
  ['entities', 'type'],
  ['entities', 'wikidata'],
  ['aliases', 'alias'],
];

const load = createRequire(import.meta.url);

/** Table name of a CSV: its file name without `.csv`. */
function tableName(file: DatasetFile): string {
  return file.path.replace(/\.csv$/, '');
}

/** SQL identifiers are quoted, since CSV column names such as `end` are SQL keywords. */
function id(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnSql(file: DatasetFile, c: DatasetColumn): string {
  const type = c.type === 'integer' || c.type === 'boolean' ? 'INTEGER' : c.type === 'number' ? 'REAL' : 'TEXT';
  const parts = [id(c.name), type];
  if (file.primaryKey === c.name) parts.push('PRIMARY KEY');
  else if (c.required) parts.push('NOT NULL');
  if (c.type === 'boolean') parts.push(`CHECK (${id(c.name)} IN (0, 1))`);
  if (c.enum) parts.push(`CHECK (${id(c.name)} IN (${c.enum.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}))`);
  const fk = file.foreignKeys?.find((k) => k.field === c.name);
  if (fk) parts.push(`REFERENCES ${id(datasetFile(`${fk.resource}.csv`).path.replace(/\.csv$/, ''))}(${id(fk.reference)})`);
  return parts.join(' ');
}

/** CREATE TABLE for a CSV of the dataset, from its description. */
export function createTableSql(file: DatasetFile): string {
  return `CREATE TABLE ${id(tableName(file))} (\n  ${(file.columns ?? []).map((c) => columnSql(file, c)).join(',\n  ')}\n)`;
}

function sqlValue(value: Cell): SqlValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function insert(db: Database, table: string, columns: string[], rows: Array<Record<string, Cell>>): void {
  const statement = db.prepare(`INSERT INTO ${id(table)} (${columns.map(id).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  try {
    for (const row of rows) statement.run(columns.map((c) => sqlValue(row[c] ?? null)));
  } finally {
    statement.free();
  }
}

/** Every name of each published entity (label, aliases, adjectival forms), sorted. */
function aliasRows(corpus: Corpus): Row[] {
  const rows: Row[] = [];
  for (const e of publishedEntities(corpus)) {
    const seen = new Set<string>();
    const add = (alias: string, kind: string): void => {
      if (seen.has(alias)) return;
      seen.add(alias);
      rows.push({ entity_id: e.id, alias, kind });
    };
    add(e.label, 'label');
    for (const a of [...e.aliases].sort(byString)) add(a, 'alias');
    for (const a of [...e.adjectivals].sort(byString)) add(a, 'adjectival');
  }
  return rows;
}

let sqlJs: Promise<SqlJsStatic> | null = null;

/** sql.js, loaded once, with its WebAssembly read from the package (the worker bundle does not hold it). */
function sqlite(): Promise<SqlJsStatic> {
  sqlJs ??= (async () => {
    const initSqlJs = load('sql.js') as (config: { wasmBinary: ArrayBuffer }) => Promise<SqlJsStatic>;
    const wasm = readFileSync(load.resolve('sql.js/dist/sql-wasm.wasm'));
    return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  })();
  return sqlJs;
}

/** The corpus as an SQLite database in memory; the caller closes it. */
export async function buildDatabase(corpus: Corpus): Promise<Database> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA foreign_keys = ON');
    db.run('BEGIN');
    // Keys are checked at COMMIT, not row by row: a copy's duplicate_of names the first of its
    // copies in path order, which may sort after it by id and so go in later.
    db.run('PRAGMA defer_foreign_keys = ON');
    const rows: Record<(typeof TABLES)[number], Row[]> = {
      'articles.csv': articleRows(corpus),
      'entities.csv': entityRows(corpus),
      'clusters.csv': clusterRows(corpus),
      'mentions.csv': mentionRows(corpus),
      'claims.csv': claimRows(corpus),
    };
    for (const path of TABLES) {
      const file = datasetFile(path);
      db.run(createTableSql(file));
      insert(db, tableName(file), (file.columns ?? []).map((c) => c.name), rows[path]);
    }
    db.run(`CREATE TABLE aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id),
  alias TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('label', 'alias', 'adjectival')),
  PRIMARY KEY (entity_id, alias)
)`);
    insert(db, 'aliases', ['entity_id', 'alias', 'kind'], aliasRows(corpus));
    db.run('CREATE TABLE sources (article_id TEXT PRIMARY KEY REFERENCES articles(id), text TEXT NOT NULL)');
    insert(db, 'sources', ['article_id', 'text'], sortedDocuments(corpus).map((d) => ({ article_id: d.article.id, text: d.article.text })));
    // Datasette finds full-text search through an FTS table whose content= names the table.
    db.run('CREATE VIRTUAL TABLE sources_fts USING fts4(text, content="sources", tokenize=unicode61)');
    db.run('INSERT INTO sources_fts (rowid, text) SELECT rowid, text FROM sources');
    for (const [table, column] of INDEXES) db.run(`CREATE INDEX ${id(`${table}_${column}`)} ON ${id(table)} (${id(column)})`);
    db.run('COMMIT');
    const broken = db.exec('PRAGMA foreign_key_check');
    if (broken.length) throw new Error(`gloss.sqlite: ${broken[0]!.values.length} rows break a foreign key, first ${JSON.stringify(broken[0]!.values[0])}; the export's checks should have refused this corpus`);
    // No VACUUM: the rows went in sorted, in one transaction, so the file is already compact (1%
    // larger than vacuumed on the BBC archive, for a third less time and memory).
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Writes gloss.sqlite; returns its size and SHA-256. */
export async function writeDatabase(corpus: Corpus, target: string): Promise<{ bytes: number; sha256: string }> {
  const db = await buildDatabase(corpus);
  let bytes: Uint8Array;
  try {
    bytes = db.export();
  } finally {
    db.close();
  }
  writeFileSync(target, bytes);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
