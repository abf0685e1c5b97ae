/**
 * The benchmark's corpora: the BBC News articles at ../shared/corpora/bbc-news/ as a user drops
 * them into seeds/ (issue 13: the five topic folders copied as they are, with the one sidecar the
 * file that is not UTF-8 needs), or repeated with distinct ids to reach a size (issue 8), written as
 * Gloss seeds (`NNNNN-topic-file.txt` with a `NNNNN-topic-file.meta.json` sidecar); and either as a
 * plain Eleventy + Markdown baseline project.
 * The corpus is read from where it lies and written only into temporary folders: never into the project.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { decodeWindows1252 } from '../src/ingest/decode.ts';
import { idFromPath } from '../src/ingest/index.ts';

/** Where the BBC corpus lies, relative to the project root. */
export const BBC_RELATIVE = '../shared/corpora/bbc-news';

/** One usable source article. */
export interface SourceArticle {
  /** Topic folder, e.g. `business`. */
  topic: string;
  /** File name without extension, e.g. `001`. */
  file: string;
  /** Path inside the corpus, e.g. `business/001.txt`. */
  path: string;
  /** The decoded text. */
  text: string;
  /** Its size in UTF-8 bytes. */
  bytes: number;
}

/** A source file left out, and why. */
export interface Skipped {
  file: string;
  reason: string;
}

/** The readable articles of the corpus, topics interleaved, and the files left out. */
export interface SourceCorpus {
  dir: string;
  articles: SourceArticle[];
  skipped: Skipped[];
  /** Files that are not UTF-8, read as windows-1252 (when `readSource` was asked to), by path. */
  windows1252: string[];
}

/** A corpus written as Gloss seeds. */
export interface PreparedCorpus {
  seeds: string;
  /** Article files written (`.txt`), in order. */
  files: string[];
  /** Sidecar files written (`.meta.json`), in order. */
  sidecars: string[];
  /** The ids given in the sidecars, in order. */
  ids: string[];
  /** UTF-8 bytes of article text written. */
  bytes: number;
}

/** The BBC corpus folder of a project, or an error that says where it was looked for and what to do. */
export function corpusDir(root: string): string {
  const dir = resolve(root, BBC_RELATIVE);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `npm run bench: the BBC News corpus is missing: no folder ${dir} (${BBC_RELATIVE} from the project root). ` +
        'Put the corpus there (five topic folders of .txt articles: business, entertainment, politics, sport, tech); it is never copied into the project.',
    );
  }
  return dir;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every `TOPIC/NAME.txt` of the corpus. A file that is not valid UTF-8 (the corpus has one:
 * a Latin-1 pound sign) is read as windows-1252 when `windows1252` is set, as Gloss reads it with
 * the sidecar `{"encoding": "windows-1252"}`; otherwise it is reported through `log` as
 * `skipped FILE: REASON` and left out, as an empty file always is.
 * The articles come topic by topic in turn (business 001, entertainment 001, …) so that any prefix
 * of the list mixes the topics.
 */
export function readSource(dir: string, log: (line: string) => void = () => undefined, options: { windows1252?: boolean } = {}): SourceCorpus {
  if (!existsSync(dir)) throw new Error(`npm run bench: the corpus folder ${dir} does not exist`);
  const topics = readdirSync(dir)
    .filter((t) => !t.startsWith('.') && statSync(join(dir, t)).isDirectory())
    .sort();
  const skipped: Skipped[] = [];
  const windows1252: string[] = [];
  const byTopic: SourceArticle[][] = [];
  for (const topic of topics) {
    const list: SourceArticle[] = [];
    const names = readdirSync(join(dir, topic))
      .filter((n) => n.endsWith('.txt') && !n.startsWith('.'))
      .sort();
    for (const name of names) {
      const path = `${topic}/${name}`;
      const raw = readFileSync(join(dir, topic, name));
      let text: string;
      try {
        text = strictUtf8.decode(raw);
      } catch {
        if (!options.windows1252) {
          skipped.push({ file: path, reason: 'not valid UTF-8' });
          log(`skipped ${path}: not valid UTF-8`);
          continue;
        }
        text = decodeWindows1252(raw);
        windows1252.push(path);
        log(`${path} is not valid UTF-8: read as windows-1252, with a sidecar that says so`);
      }
      if (text.trim() === '') {
        skipped.push({ file: path, reason: 'empty' });
        log(`skipped ${path}: empty`);
        continue;
      }
      list.push({ topic, file: basename(name, extname(name)), path, text, bytes: Buffer.byteLength(text) });
    }
    byTopic.push(list);
  }
  const articles: SourceArticle[] = [];
  const longest = Math.max(0, ...byTopic.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of byTopic) {
      const article = list[i];
      if (article) articles.push(article);
    }
  }
  if (articles.length === 0) throw new Error(`npm run bench: no readable .txt articles in the topic folders of ${dir}`);
  return { dir, articles, skipped, windows1252 };
}

/** The zero-padded serial number of the i-th article of a corpus (five digits up to 99,999 articles). */
export function serial(i: number, size: number): string {
  return String(i).padStart(Math.max(5, String(size - 1).length), '0');
}

/** The file stem and id of the i-th article of a corpus (the source articles again and again): `NNNNN-topic-file` and `bbc-NNNNN`. */
export function articleName(source: SourceCorpus, i: number, size: number): { stem: string; id: string; article: SourceArticle } {
  const article = source.articles[i % source.articles.length]!;
  const n = serial(i, size);
  return { stem: `${n}-${article.topic}-${article.file}`, id: `bbc-${n}`, article };
}

/**
 * Writes `size` articles into `seedsDir` (created if needed) as `NNNNN-topic-file.txt`, each with a
 * sidecar `NNNNN-topic-file.meta.json` `{"id": "bbc-NNNNN", "outlet": "BBC News"}`: headlines repeat
 * once the corpus is used up, so the ids come from the serial number, not the title.
 */
export function prepareCorpus(source: SourceCorpus, seedsDir: string, size: number): PreparedCorpus {
  mkdirSync(seedsDir, { recursive: true });
  const files: string[] = [];
  const sidecars: string[] = [];
  const ids: string[] = [];
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const { stem, id, article } = articleName(source, i, size);
    writeFileSync(join(seedsDir, `${stem}.txt`), article.text);
    writeFileSync(join(seedsDir, `${stem}.meta.json`), `${JSON.stringify({ id, outlet: 'BBC News' })}\n`);
    files.push(`${stem}.txt`);
    sidecars.push(`${stem}.meta.json`);
    ids.push(id);
    bytes += article.bytes;
  }
  return { seeds: seedsDir, files, sidecars, ids, bytes };
}

/**
 * Writes the archive as a user drops it into seeds/ (issue 13): every source article copied byte
 * for byte to `seedsDir/TOPIC/NAME.txt`, its id coming from that path (`business-001`), and beside
 * each file read as windows-1252 the sidecar `{"encoding": "windows-1252"}` it needs. The files are
 * listed in path order.
 */
export function prepareArchive(source: SourceCorpus, seedsDir: string): PreparedCorpus {
  const files = source.articles.map((a) => a.path).sort();
  const sidecars: string[] = [];
  let bytes = 0;
  for (const path of files) {
    mkdirSync(dirname(join(seedsDir, path)), { recursive: true });
    copyFileSync(join(source.dir, path), join(seedsDir, path));
  }
  for (const path of source.windows1252) {
    const sidecar = path.replace(/\.txt$/, '.meta.json');
    writeFileSync(join(seedsDir, sidecar), `${JSON.stringify({ encoding: 'windows-1252' })}\n`);
    sidecars.push(sidecar);
  }
  for (const a of source.articles) bytes += a.bytes;
  return { seeds: seedsDir, files, sidecars, ids: files.map(idFromPath), bytes };
}

/** Splits a BBC article into its headline (first line) and body (the rest). */
export function headlineAndBody(text: string): { title: string; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = (lines[first] ?? '').trim();
  const body = lines.slice(first + 1).join('\n').trim();
  return { title, body };
}

/**
 * Writes the baseline project: the same `size` articles as plain Markdown pages with front matter
 * `title` and `layout`, one Nunjucks layout, and an Eleventy config file (Markdown not run through
 * a template engine, as Gloss does not template article text). Returns the input folder and config.
 */
export function prepareBaseline(source: SourceCorpus, dir: string, size: number): { input: string; config: string; pages: number } {
  const input = join(dir, 'src');
  mkdirSync(join(input, '_includes'), { recursive: true });
  mkdirSync(join(input, 'articles'), { recursive: true });
  writeFileSync(
    join(input, '_includes', 'article.njk'),
    [
      '<!doctype html>',
      '<html lang="en">',
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>',
      '<body>',
      '<header><a href="/">Baseline</a></header>',
      '<main data-pagefind-body><article><h1>{{ title }}</h1>',
      '{{ content | safe }}',
      '</article></main>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  );
  const config = join(dir, 'eleventy.config.mjs');
  writeFileSync(
    config,
    "export default function () {\n  return { dir: { includes: '_includes' }, markdownTemplateEngine: false, templateFormats: ['md'] };\n}\n",
  );
  for (let i = 0; i < size; i++) {
    const { stem, article } = articleName(source, i, size);
    const { title, body } = headlineAndBody(article.text);
    writeFileSync(join(input, 'articles', `${stem}.md`), `---\ntitle: ${JSON.stringify(title)}\nlayout: article.njk\n---\n\n${body}\n`);
  }
  return { input, config, pages: size };
}
