import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A worker's code as one JavaScript file, and a function that removes it. */
export interface WorkerBundle {
  url: URL;
  remove: () => void;
}

/**
 * A worker thread's TypeScript entry bundled by esbuild into one JavaScript file in the system's
 * temporary folder: a worker that loads TypeScript through tsx takes seconds to start, the bundle
 * a fraction of one. Bundled afresh for each run (about 0.3 s), so it is never older than the
 * code. Null when esbuild cannot run; the caller then has a slower way.
 *
 * In the bundle `import.meta.url` is the entry's own URL, so a module that finds a project file
 * relative to itself (`new URL('../../schemas/', import.meta.url)`) must sit, like every such
 * module in `src/`, one folder below `src/`, as the entries do.
 */
export async function bundleWorker(entry: string): Promise<WorkerBundle | null> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-worker-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const { build } = await import('esbuild');
    const outfile = join(dir, 'worker.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
      // Bundled CommonJS packages (yaml, csv-stringify) require Node's built-in modules.
      banner: { js: "import { createRequire as glossRequire } from 'node:module'; const require = glossRequire(import.meta.url);" },
    });
    return { url: pathToFileURL(outfile), remove };
  } catch {
    remove();
    return null;
  }
}
