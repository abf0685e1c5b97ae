/**
 * What a build leaves for the next one in `.cache/site/state.json`: for each page a hash of its
 * bytes and the site data it read, for each search bundle what Pagefind read of each page and the
 * bundle's files, and which output folder they describe. With it, `npm run build` after a change
 * renders only the pages whose data changed, takes the others from the previous site, and keeps a
 * search bundle none of whose pages changed.
 *
 * A state is used only by the same code (a hash of src/ and package-lock.json) for the same output
 * folder, still the one that build wrote (its device and inode: every build renames a new folder
 * into place, and `npm start` saves the state after each change it writes in place).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BundleSorts } from './index/ranks.ts';
import type { PageRecord, RenderState } from './render/incremental.ts';

/** Everything a build remembers. */
export interface BuildState {
  version: string;
  output: { path: string; dev: number; ino: number };
  render: RenderState;
  /** Per shard, what Pagefind read of each indexed page (its hash). */
  index: Record<string, Record<string, string>>;
  /** Per shard, the files of its bundle and their hashes. */
  bundles: Record<string, Record<string, string>>;
  /** Per shard, its pages' sort values in Pagefind's order (see index/ranks.ts). */
  sorts: Record<string, BundleSorts>;
}

interface StateFile {
  version: string;
  output: BuildState['output'];
  keys: string[];
  fingerprints: string[];
  pages: Array<[path: string, hash: string, deps: number[] | null]>;
  index: BuildState['index'];
  bundles: BuildState['bundles'];
  sorts: BuildState['sorts'];
}

let cachedVersion: { root: string; version: string } | null = null;

/** A hash of the code that makes the site: every file under src/, and the locked dependency versions. */
export function codeVersion(root: string): string {
  if (cachedVersion?.root === root) return cachedVersion.version;
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const f of files) {
    const path = join(src, f);
    if (!statSync(path).isFile()) continue;
    hash.update(f).update('\0').update(readFileSync(path));
  }
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    // A project without a lock file: the code alone.
  }
  const version = hash.digest('hex').slice(0, 24);
  cachedVersion = { root, version };
  return version;
}

/** The identity of a folder (device and inode), or null when it does not exist. */
export function folderIdentity(path: string): { dev: number; ino: number } | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? { dev: s.dev, ino: s.ino } : null;
  } catch {
    return null;
  }
}

/** The state in `file` when it describes `output` as it is now, for this code; otherwise null. */
export function loadState(file: string, output: string, version: string): BuildState | null {
  let saved: StateFile;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  } catch {
    return null;
  }
  const here = folderIdentity(output);
  if (saved.version !== version || saved.output?.path !== output || !here || here.dev !== saved.output.dev || here.ino !== saved.output.ino) return null;
  const pages = new Map<string, PageRecord>(saved.pages.map(([path, hash, deps]) => [path, { hash, deps }]));
  return { version, output: saved.output, render: { pages, keys: saved.keys, fingerprints: saved.fingerprints }, index: saved.index, bundles: saved.bundles, sorts: saved.sorts ?? {} };
}

/** Writes the state for the build that wrote `output` (whole, then renamed into place). */
export function saveState(file: string, state: Omit<BuildState, 'output'>, output: string): void {
  const here = folderIdentity(output);
  if (!here) return;
  const saved: StateFile = {
    version: state.version,
    output: { path: output, ...here },
    keys: state.render.keys,
    fingerprints: state.render.fingerprints,
    pages: [...state.render.pages].map(([path, r]) => [path, r.hash, r.deps]),
    index: state.index,
    bundles: state.bundles,
    sorts: state.sorts,
  };
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(saved));
  renameSync(temp, file);
}
