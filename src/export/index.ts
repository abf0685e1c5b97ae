import { createHash } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMA_DIR } from '../validate/schemas.ts';
import type { Corpus } from '../types.ts';
import { annotationCollectionPieces, articleAnnotations } from './annotations.ts';
import { checkCorpus } from './check.ts';
import { toCsv, type Row } from './csv.ts';
import type { DatasetAbout } from './about.ts';
import { writeDatabase } from './database.ts';
import { dataPackage, type WrittenFile } from './datapackage.ts';
import { columnNames, datasetFile, datasetFiles, described, type DatasetFile } from './files.ts';
import { corpusGraph, type Download } from './schema-org.ts';
import { datasetReadme } from './readme.ts';
import { articleAnnotationRows, articleRows, byString, claimRows, clusterRows, entityRows, mentionRows, publishedEntities, sortedDocuments, wikidataById } from './tables.ts';
import { writeZip, type Written } from './zip.ts';
import { ANNO_CONTEXT_FILE, SCHEMA_ORG_CONTEXT } from './vocabulary.ts';

export { DatasetExportError } from './check.ts';
export { NEUTRALISED_COLUMNS } from './csv.ts';
export type { DatasetAbout } from './about.ts';
export { datasetFiles, type DatasetColumn, type DatasetFile, type DatasetForeignKey } from './files.ts';

/** JSON as the dataset writes it: two-space indent, a final newline, keys in the order built. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** JSON-LD as the dataset writes it: one line (these files grow with the corpus), a final newline. */
function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** A description with its `{id}` or `{name}` placeholder filled in. */
function instance(template: string, key: string | undefined): DatasetFile {
  if (key === undefined) return datasetFile(template);
  // A shallow copy of the shared description: it is made for each of thousands of per-article files, and only read.
  const file = described(template);
  const fill = (s: string): string => s.replace(/\{(id|name)\}/g, () => key);
  return { ...file, path: fill(file.path), name: fill(file.name), title: `${file.title}: ${key}` };
}

/** Writes files under the data folder and keeps each one's size and SHA-256 for the package. */
class Output {
  private readonly files: Array<WrittenFile & { rank: number }> = [];
  private readonly order = datasetFiles().map((f) => f.path);

  /** `previous`: the folder of a dataset written before, whose files may be linked rather than written again. */
  constructor(
    private readonly dir: string,
    private readonly previous: string | null = null,
  ) {}

  /**
   * Writes the file that `template` describes (with `key` for its placeholder). When the previous
   * dataset has a file at the same path with the same bytes, it is linked instead: on a rebuild
   * most of the thousands of per-article files are unchanged, and making a file costs far more
   * than reading one (about 1 ms against 0.03 ms on the project's machine).
   */
  write(template: string, content: string | Buffer, key?: string): void {
    const file = instance(template, key);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (this.previous && this.linked(file.path, bytes)) {
      this.record(template, file, bytes.length, createHash('sha256').update(bytes).digest('hex'));
      return;
    }
    this.writePieces(template, [bytes], key);
  }

  /** Links `path` to the previous dataset's file if that has exactly `bytes`; false when it does not or cannot. */
  private linked(path: string, bytes: Buffer): boolean {
    const source = join(this.previous!, ...path.split('/'));
    let before: Buffer;
    try {
      before = readFileSync(source);
    } catch {
      return false;
    }
    if (!before.equals(bytes)) return false;
    const target = join(this.dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(source, target);
      return true;
    } catch {
      return false;
    }
  }

  /** Writes a file piece by piece, so that a file too large for one string never becomes one. */
  writePieces(template: string, pieces: Iterable<string | Buffer>, key?: string): void {
    const file = instance(template, key);
    const target = join(this.dir, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let bytes = 0;
    const fd = openSync(target, 'w');
    try {
      for (const piece of pieces) {
        const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        writeSync(fd, buffer);
        hash.update(buffer);
        bytes += buffer.length;
      }
    } finally {
      closeSync(fd);
    }
    this.record(template, file, bytes, hash.digest('hex'));
  }

  /** Keeps a written (or linked) file's size and SHA-256, ranked by its template, for the package. */
  private record(template: string, file: DatasetFile, bytes: number, sha256: string): void {
    this.files.push({ file, bytes, sha256, rank: this.order.indexOf(template) });
  }

  csv(template: string, rows: Row[], key?: string): void {
    this.write(template, toCsv(columnNames(template), rows), key);
  }

  /** The files written so far, in the order of datasetFiles(), each family in the order written. */
  get written(): WrittenFile[] {
    return this.files
      .map((f, i) => ({ f, i }))
      .sort((a, b) => a.f.rank - b.f.rank || a.i - b.i)
      .map(({ f: { rank, ...w } }) => w);
  }
}

/** Removes what an earlier export left, and only that: the files and folders of datasetFiles(). */
function clear(dataDir: string): void {
  for (const { path } of datasetFiles()) {
    const owned = path.includes('{') ? path.slice(0, path.indexOf('/')) : path;
    rmSync(join(dataDir, owned), { recursive: true, force: true });
  }
}

/** The downloads made from the dataset: each one's size and SHA-256, for the /data/ page. */
export interface DatasetDownloads {
  zip: Written;
  sqlite: Written;
}

/** The one-download archive's folder: unzipping it makes one folder, not a heap of files. */
export const ZIP_FOLDER = 'gloss-dataset';

/**
 * Publishes the corpus as a research dataset in `dataDir` (the build passes `<site>/data`): the
 * CSV tables, schema.org and W3C Web Annotation JSON-LD, each article's source text and
 * annotations, the JSON Schemas and contexts, a README, and datapackage.json describing them all
 * with their checksums; then the same in one zip archive, and the tables as an SQLite database.
 * datasetFiles() lists and describes every file. `about` (Gloss's and the annotator's versions,
 * the measured accuracy: datasetAbout() in about.ts, called in the main thread) goes into the README.
 *
 * The same corpus always gives byte-identical files: everything is sorted, and nothing records a
 * time, a machine path or a random id. `previous` is the folder of a dataset written before (the
 * site's current `data/`, never `dataDir` itself): its files that come out the same are linked, not
 * written again. Throws DatasetExportError, before writing, when the corpus
 * breaks a promise of the dataset (an offset that does not give its exact text, a dangling id).
 */
export async function writeDataset(corpus: Corpus, dataDir: string, about: DatasetAbout, previous: string | null = null): Promise<DatasetDownloads> {
  const zip = await writeDatasetFiles(corpus, dataDir, about, previous);
  const sqlite = await writeDatabase(corpus, join(dataDir, DATABASE_FILE));
  return { zip, sqlite };
}

/** The database's file in the data folder. */
export const DATABASE_FILE = 'gloss.sqlite';

/**
 * Everything writeDataset writes but the database, which needs only the corpus and so can be
 * written at the same time on another thread (background.ts); returns the archive's size and SHA-256.
 */
export async function writeDatasetFiles(corpus: Corpus, dataDir: string, about: DatasetAbout, previous: string | null = null): Promise<Written> {
  checkCorpus(corpus);
  clear(dataDir);
  const out = new Output(dataDir, previous);
  const documents = sortedDocuments(corpus);
  const entities = publishedEntities(corpus);
  const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
  const wikidata = wikidataById(corpus);

  out.write('README.md', datasetReadme(corpus, datasetFiles(), about));
  out.csv('articles.csv', articleRows(corpus));
  out.csv('entities.csv', entityRows(corpus));
  out.csv('mentions.csv', mentionRows(corpus));
  out.csv('claims.csv', claimRows(corpus));
  out.csv('clusters.csv', clusterRows(corpus));
  out.writePieces('annotations.jsonld', annotationCollectionPieces(documents, entityById));
  const perArticle = new Map(articleAnnotations(documents, entityById).map((a) => [a.articleId, a.json]));
  for (const doc of documents) {
    const id = doc.article.id;
    out.write('sources/{id}.txt', doc.article.text, id);
    out.csv('articles/{id}.csv', articleAnnotationRows(doc, wikidata), id);
    out.write('articles/{id}.jsonld', jsonLine(perArticle.get(id)), id);
  }
  out.write('contexts/anno.jsonld', readFileSync(ANNO_CONTEXT_FILE));
  out.write('contexts/schema.jsonld', json({ '@context': SCHEMA_ORG_CONTEXT }));
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    out.write('schemas/{name}.schema.json', readFileSync(join(SCHEMA_DIR, name)), name.slice(0, -'.schema.json'.length));
  }
  const listed = out.written.filter((w) => w.file.packaged === 'listed');
  out.csv(
    'article-files.csv',
    listed
      .map((w) => ({ path: w.file.path, article_id: w.file.path.replace(/^(sources|articles)\/|\.[a-z]+$/g, ''), format: w.file.format, bytes: w.bytes, sha256: w.sha256 }))
      .sort((a, b) => byString(a.path, b.path)),
  );

  // corpus.jsonld lists the main files with their checksums, so it is written after them;
  // datapackage.json lists every file, so it comes last and is the one file without a checksum.
  const main = ['articles.csv', 'entities.csv', 'mentions.csv', 'claims.csv', 'clusters.csv', 'annotations.jsonld'];
  const downloads: Download[] = [
    ...out.written.filter((w) => main.includes(w.file.path)).map((w) => ({ ...w.file, written: w })),
    ...['datapackage.json', 'gloss-dataset.zip', 'gloss.sqlite'].map(datasetFile),
  ];
  const clusters = [...corpus.clusters].sort((a, b) => byString(a.id, b.id));
  out.write('corpus.jsonld', jsonLine(corpusGraph({ documents, entities, clusters, downloads })));
  const families = datasetFiles().filter((f) => f.packaged === 'listed');
  out.write('datapackage.json', json(dataPackage(documents, out.written, families)));

  const entries = out.written.map((w) => w.file.path).sort(byString).map((path) => ({ name: `${ZIP_FOLDER}/${path}`, file: join(dataDir, ...path.split('/')) }));
  return writeZip(join(dataDir, 'gloss-dataset.zip'), entries);
}
