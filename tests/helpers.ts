import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A fresh temporary folder. */
export function tempDir(prefix = 'gloss-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Copies the project's _data/ to `dest` for a test to change, except the Wikidata-derived
 * knowledge base `_data/kb/` (20 MB, read only), which is linked rather than copied: a test must
 * not write into `dest/kb/`.
 */
export function copyProjectData(dest: string): void {
  const kb = join(ROOT, '_data', 'kb');
  cpSync(join(ROOT, '_data'), dest, { recursive: true, filter: (src) => src !== kb });
  if (existsSync(kb)) symlinkSync(kb, join(dest, 'kb'), 'dir');
}

/** A temporary project input: a seeds folder with the given files (`folder/name.txt` makes the folder), and a copy of _data/. */
export function fixtureInput(files: Record<string, string | Uint8Array>, options: { withSeeds?: boolean } = {}): { dir: string; seeds: string; data: string } {
  const dir = tempDir();
  const seeds = join(dir, 'seeds');
  const data = join(dir, '_data');
  mkdirSync(seeds);
  if (options.withSeeds) cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
  copyProjectData(data);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(seeds, name)), { recursive: true });
    writeFileSync(join(seeds, name), content);
  }
  return { dir, seeds, data };
}

/** Runs `npm run build` (the script itself) on a fixture input; returns exit code and output. */
export function runBuild(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The ids of the article pages a built site holds: the folders under articles/ with an index.html
 * (the articles index's own pages, articles/by/… and articles/page/…, are not articles).
 */
export function builtArticleIds(site: string): string[] {
  return readdirSync(join(site, 'articles'))
    .filter((name) => existsSync(join(site, 'articles', name, 'index.html')))
    .sort();
}
