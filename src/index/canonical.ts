/**
 * Make a Pagefind index byte-identical from build to build.
 *
 * Pagefind writes each filter's values in the order of a Rust hash map, which changes from run
 * to run, and names its files after their content; so the filter files, the language metadata
 * that lists them and the entry file that names that metadata differ between two builds of the
 * same pages (Pagefind issue #638: fragments are stable since 1.3, filter indexes are not). This
 * module rewrites those three in a fixed order and renames them after their new content. It
 * refuses a file it cannot re-encode exactly, so a future Pagefind format change fails the build
 * loudly instead of shipping a broken index.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** A filter file: its name and, per value, the pages that carry it. */
type FilterFile = [string, Array<[string, number[]]>];

function unpack(name: string, raw: Buffer): unknown {
  const bytes = raw.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])) ? gunzipSync(raw) : raw;
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${name}: not a Pagefind data file (no "pagefind_dcd" signature)`);
  const body = bytes.subarray(SIGNATURE.length);
  const value: unknown = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) throw new Error(`${name}: this Pagefind version writes data Gloss cannot re-encode exactly; pin the Pagefind version in package.json`);
  return value;
}

function pack(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]), { level: 9 });
}

function digest(bytes: Buffer, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isFilterFile(value: unknown): value is FilterFile {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    value[1].every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]))
  );
}

/** One file of a Pagefind index: its path inside the index folder, and its bytes. */
export interface IndexFile {
  path: string;
  content: Buffer;
}

/**
 * The files of a Pagefind index (from `index.getFiles()`) with the filter files, the language
 * metadata and the entry file rewritten in a fixed order and renamed after their new content;
 * every other file as it was. Sorted by path.
 */
export function canonicalIndexFiles(input: IndexFile[]): IndexFile[] {
  const files = new Map(input.map((f) => [f.path.split('\\').join('/'), f.content]));
  const entryBytes = files.get('pagefind-entry.json');
  if (!entryBytes) throw new Error('Pagefind wrote no pagefind-entry.json');
  const entry = JSON.parse(entryBytes.toString('utf8')) as { languages: Record<string, { hash: string }> };
  const renamed = new Map<string, string>();
  for (const path of [...files.keys()].sort()) {
    const match = /^filter\/(.+)_([0-9a-f]+)\.pf_filter$/.exec(path);
    if (!match) continue;
    const value = unpack(path, files.get(path)!);
    if (!isFilterFile(value)) throw new Error(`${path}: unexpected Pagefind filter layout`);
    value[1].sort((a, b) => byText(a[0], b[0]));
    const bytes = pack(value);
    const hash = `${match[1]}_${digest(bytes, match[2]!.length)}`;
    renamed.set(`${match[1]}_${match[2]}`, hash);
    files.delete(path);
    files.set(`filter/${hash}.pf_filter`, bytes);
  }
  for (const [language, info] of Object.entries(entry.languages).sort(([a], [b]) => byText(a, b))) {
    const oldPath = `pagefind.${info.hash}.pf_meta`;
    const raw = files.get(oldPath);
    if (!raw) throw new Error(`Pagefind wrote no ${oldPath}`);
    const bytes = pack(swapHashes(unpack(oldPath, raw), renamed));
    const prefix = info.hash.slice(0, info.hash.lastIndexOf('_') + 1);
    const hash = `${prefix}${digest(bytes, info.hash.length - prefix.length)}`;
    files.delete(oldPath);
    files.set(`pagefind.${hash}.pf_meta`, bytes);
    entry.languages[language]!.hash = hash;
  }
  files.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry), 'utf8'));
  return [...files.entries()].sort(([a], [b]) => byText(a, b)).map(([path, content]) => ({ path, content }));
}

/** Writes index files under a folder. */
export function writeIndexFiles(folder: string, files: IndexFile[]): void {
  const made = new Set<string>();
  for (const { path, content } of files) {
    const target = join(folder, ...path.split('/'));
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, content);
  }
}

/**
 * Replace old filter file hashes by new ones wherever they appear in the metadata, and put every
 * list of [filter name, filter file] pairs in name order.
 */
function swapHashes(value: unknown, renamed: Map<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (!Array.isArray(value)) return value;
  const items = value.map((item) => swapHashes(item, renamed));
  const filterFiles = new Set(renamed.values());
  const isFilterList =
    items.length > 0 &&
    items.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string' && filterFiles.has(item[1]));
  if (isFilterList) (items as Array<[string, string]>).sort((a, b) => byText(a[0], b[0]));
  return items;
}

/** The JSON a Pagefind fragment holds (a page's URL, content, filters, meta). */
export function fragmentData(path: string, raw: Buffer): { url: string } {
  const bytes = gunzipSync(raw);
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind data file (no "pagefind_dcd" signature)`);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as { url: string };
}

/** The metadata of a bundle, by language, as decoded from its files. */
function metadataOf(files: Map<string, Buffer>): Array<{ language: string; path: string; value: unknown[] }> {
  const entry = JSON.parse(files.get('pagefind-entry.json')!.toString('utf8')) as { languages: Record<string, { hash: string }> };
  return Object.entries(entry.languages)
    .sort(([a], [b]) => byText(a, b))
    .map(([language, info]) => {
      const path = `pagefind.${info.hash}.pf_meta`;
      const raw = files.get(path);
      if (!raw) throw new Error(`Pagefind wrote no ${path}`);
      const value = unpack(path, raw);
      if (!Array.isArray(value) || value.length < 5 || !Array.isArray(value[1]) || !Array.isArray(value[4])) throw new Error(`${path}: unexpected Pagefind metadata layout`);
      return { language, path, value };
    });
}

/**
 * Per sort key, a built bundle's pages in Pagefind's sorted order: their page numbers and their
 * paths (from their fragments' URLs, `/a/b/` → `a/b/index.html`).
 */
export function bundleSortOrder(input: IndexFile[]): Record<string, Array<{ page: number; path: string }>> {
  const files = new Map(input.map((f) => [f.path, f.content]));
  const order: Record<string, Array<{ page: number; path: string }>> = {};
  for (const { value } of metadataOf(files)) {
    const pages = value[1] as Array<[string, number]>;
    for (const [key, list] of value[4] as Array<[string, number[]]>) {
      order[key] = list.map((page) => {
        const hash = pages[page]?.[0];
        const fragment = hash === undefined ? undefined : files.get(`fragment/${hash}.pf_fragment`);
        if (!fragment) throw new Error(`Pagefind's sorted list for "${key}" names page ${page}, which has no fragment`);
        const url = fragmentData(`fragment/${hash}.pf_fragment`, fragment).url;
        return { page, path: `${url.replace(/^\/+/, '')}${url.endsWith('/') || url === '' ? 'index.html' : ''}` };
      });
    }
  }
  return order;
}

/**
 * Gives a bundle written in `dir` the sorted lists `sorts` (see ranks.ts): its metadata is written
 * afresh under a name after its new content, then its entry file, and the old metadata file is
 * removed. Files are replaced by new ones, never written into, as they may be links to a previous
 * site's. Does nothing when the lists are already those. Returns the bundle's files and hashes.
 */
export function rewriteSorts(dir: string, files: Record<string, string>, sorts: Record<string, number[]>): Record<string, string> {
  const read = new Map<string, Buffer>();
  read.set('pagefind-entry.json', readFileSync(join(dir, 'pagefind-entry.json')));
  const entry = JSON.parse(read.get('pagefind-entry.json')!.toString('utf8')) as { languages: Record<string, { hash: string }> };
  for (const info of Object.values(entry.languages)) read.set(`pagefind.${info.hash}.pf_meta`, readFileSync(join(dir, `pagefind.${info.hash}.pf_meta`)));
  const wanted = Object.entries(sorts).sort(([a], [b]) => byText(a, b));
  const next = { ...files };
  let changed = false;
  for (const { language, path, value } of metadataOf(read)) {
    if (JSON.stringify(value[4]) === JSON.stringify(wanted)) continue;
    changed = true;
    const bytes = pack([...value.slice(0, 4), wanted, ...value.slice(5)]);
    const info = entry.languages[language]!;
    const prefix = info.hash.slice(0, info.hash.lastIndexOf('_') + 1);
    info.hash = `${prefix}${digest(bytes, info.hash.length - prefix.length)}`;
    writeFileSync(join(dir, `pagefind.${info.hash}.pf_meta`), bytes);
    next[`pagefind.${info.hash}.pf_meta`] = createHash('sha1').update(bytes).digest('base64');
    delete next[path];
    rmSync(join(dir, path));
  }
  if (!changed) return files;
  const entryBytes = Buffer.from(JSON.stringify(entry), 'utf8');
  rmSync(join(dir, 'pagefind-entry.json'));
  writeFileSync(join(dir, 'pagefind-entry.json'), entryBytes);
  next['pagefind-entry.json'] = createHash('sha1').update(entryBytes).digest('base64');
  return next;
}
