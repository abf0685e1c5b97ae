import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../types.ts';
import { bundleWorker } from '../worker-bundle.ts';
import { datasetAbout } from './about.ts';
import { DatasetExportError } from './check.ts';
import { DATABASE_FILE, writeDataset, type DatasetDownloads } from './index.ts';
import type { ExportTask } from './worker.ts';
import type { Written } from './zip.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** What an export worker (worker.ts) reports. */
export type Outcome = { ok: true; written: Written } | { ok: false; name: string; message: string; stack?: string; problems: string[] | null };

/**
 * Starts writing the dataset in two worker threads, so that it is written while this thread
 * renders the site and Pagefind indexes it: one writes the files and the archive
 * (writeDatasetFiles), the other the database, which needs only the corpus. Resolves once the
 * workers have their own copies of the corpus (the caller may let go of it then) with `finished`,
 * which resolves when every file is written and rejects with the error writeDataset() would have
 * thrown (a DatasetExportError stays one), and gives the downloads' sizes and checksums. Without
 * esbuild it writes in this thread before it resolves. `previous`: the dataset the site has now,
 * whose unchanged files are linked (see writeDataset).
 */
export async function startDatasetExport(corpus: Corpus, dataDir: string, previous: string | null = null): Promise<{ finished: Promise<DatasetDownloads> }> {
  const about = datasetAbout();
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  if (!bundle) {
    const downloads = await writeDataset(corpus, dataDir, about, previous);
    return { finished: Promise.resolve(downloads) };
  }
  // The database is written beside the data folder, which is made only by the files' worker (not at
  // all for a corpus it refuses), and moved into it once both are done.
  mkdirSync(dirname(dataDir), { recursive: true });
  const part = `${dataDir}.${DATABASE_FILE}.part`;
  const files = new Worker(bundle.url, { workerData: { task: 'files', corpus, dataDir, about, previous } satisfies ExportTask });
  const database = new Worker(bundle.url, { workerData: { task: 'database', corpus, target: part } satisfies ExportTask });
  const finished = (async (): Promise<DatasetDownloads> => {
    const sqlite = outcomeOf(database);
    sqlite.catch(() => undefined);
    try {
      // The files' outcome first: a corpus the dataset cannot publish is reported as such, whatever the database did.
      const zip = await outcomeOf(files);
      const written = await sqlite;
      renameSync(part, join(dataDir, DATABASE_FILE));
      return { zip, sqlite: written };
    } catch (e) {
      await database.terminate();
      await sqlite.catch(() => undefined);
      rmSync(part, { force: true });
      throw e;
    }
  })().finally(() => bundle.remove());
  finished.catch(() => undefined);
  return { finished };
}

/** The dataset a site has now (its `data/`), whose unchanged files a new export links; null when it has none. */
export function currentDataset(site: string): string | null {
  const data = join(site, 'data');
  return existsSync(join(data, 'datapackage.json')) ? data : null;
}

/** writeDataset() in worker threads: resolves when every file is written (see startDatasetExport). */
export async function writeDatasetInBackground(corpus: Corpus, dataDir: string, previous: string | null = null): Promise<DatasetDownloads> {
  const { finished } = await startDatasetExport(corpus, dataDir, previous);
  return finished;
}

/** Waits for an export worker's outcome; in a scope of its own, which holds no corpus. */
async function outcomeOf(worker: Worker): Promise<Written> {
  const outcome = await new Promise<Outcome>((resolve, reject) => {
    worker.once('message', (message: Outcome) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an export worker stopped (exit code ${code}) before it wrote its part of the dataset`)));
  });
  if (!outcome.ok) {
    if (outcome.problems) throw new DatasetExportError(outcome.problems);
    const error = new Error(outcome.message);
    error.name = outcome.name;
    if (outcome.stack) error.stack = outcome.stack;
    throw error;
  }
  return outcome.written;
}
