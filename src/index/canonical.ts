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
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** A filter file: its name and, per value, the pages that carry it. */
type FilterFile = [string, Array<[string, number[]]>];

function unpack(file: string): unknown {
  const raw = readFileSync(file);
  const bytes = raw.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])) ? gunzipSync(raw) : raw;
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file (no "pagefind_dcd" signature)`);
  const body = bytes.subarray(SIGNATURE.length);
  const value: unknown = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) throw new Error(`${file}: this Pagefind version writes data Gloss cannot re-encode exactly; pin the Pagefind version in package.json`);
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

/** Rewrite the Pagefind index in `folder` (the `pagefind/` output) in a fixed order. */
export function canonicalisePagefind(folder: string): void {
  const entryPath = join(folder, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const filterDir = join(folder, 'filter');
  const renamed = new Map<string, string>();
  for (const name of readdirSync(filterDir).sort()) {
    const match = /^(.+)_([0-9a-f]+)\.pf_filter$/.exec(name);
    if (!match) continue;
    const path = join(filterDir, name);
    const value = unpack(path);
    if (!isFilterFile(value)) throw new Error(`${path}: unexpected Pagefind filter layout`);
    value[1].sort((a, b) => byText(a[0], b[0]));
    const bytes = pack(value);
    const hash = `${match[1]}_${digest(bytes, match[2]!.length)}`;
    renamed.set(`${match[1]}_${match[2]}`, hash);
    rmSync(path);
    writeFileSync(join(filterDir, `${hash}.pf_filter`), bytes);
  }
  for (const [language, info] of Object.entries(entry.languages).sort(([a], [b]) => byText(a, b))) {
    const oldPath = join(folder, `pagefind.${info.hash}.pf_meta`);
    const meta = unpack(oldPath);
    const swapped = swapHashes(meta, renamed);
    const bytes = pack(swapped);
    const prefix = info.hash.slice(0, info.hash.lastIndexOf('_') + 1);
    const hash = `${prefix}${digest(bytes, info.hash.length - prefix.length)}`;
    rmSync(oldPath);
    writeFileSync(join(folder, `pagefind.${hash}.pf_meta`), bytes);
    entry.languages[language]!.hash = hash;
  }
  const temp = `${entryPath}.tmp`;
  writeFileSync(temp, JSON.stringify(entry));
  renameSync(temp, entryPath);
}

/**
 * Replace old filter file hashes by new ones wherever they appear in the metadata, and put every
 * list of [filter name, filter file] pairs in name order.
 */
function swapHashes(value: unknown, renamed: Map<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (!Array.isArray(value)) return value;
  const items = value.map((item) => swapHashes(item, renamed));
  const isFilterList =
    items.length > 0 &&
    items.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string' && [...renamed.values()].includes(item[1]));
  if (isFilterList) (items as Array<[string, string]>).sort((a, b) => byText(a[0], b[0]));
  return items;
}
