import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../types.ts';
import { bundleWorker } from '../worker-bundle.ts';
import { datasetAbout } from './about.ts';
import { DatasetExportError } from './check.ts';
import { writeDataset, type DatasetDownloads } from './index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** What the export worker (worker.ts) reports. */
export type Outcome = { ok: true; downloads: DatasetDownloads } | { ok: false; name: string; message: string; stack?: string; problems: string[] | null };

/**
 * Starts writeDataset() in a worker thread, so that the dataset is written while this thread
 * renders the site and Pagefind indexes it. Resolves once the worker has its own copy of the corpus (the
 * caller may let go of it then) with `finished`, which resolves when every file is written and
 * rejects with the error writeDataset() threw (a DatasetExportError stays one), and gives the
 * downloads' sizes and checksums. Without esbuild it writes in this thread before it resolves.
 */
export async function startDatasetExport(corpus: Corpus, dataDir: string): Promise<{ finished: Promise<DatasetDownloads> }> {
  const about = datasetAbout();
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  if (!bundle) {
    const downloads = await writeDataset(corpus, dataDir, about);
    return { finished: Promise.resolve(downloads) };
  }
  const worker = new Worker(bundle.url, { workerData: { corpus, dataDir, about } });
  const finished = outcomeOf(worker).finally(() => bundle.remove());
  finished.catch(() => undefined);
  return { finished };
}

/** writeDataset() in a worker thread: resolves when every file is written (see startDatasetExport). */
export async function writeDatasetInBackground(corpus: Corpus, dataDir: string): Promise<DatasetDownloads> {
  const { finished } = await startDatasetExport(corpus, dataDir);
  return finished;
}

/** Waits for the export worker's outcome; in a scope of its own, which holds no corpus. */
async function outcomeOf(worker: Worker): Promise<DatasetDownloads> {
  const outcome = await new Promise<Outcome>((resolve, reject) => {
    worker.once('message', (message: Outcome) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the export worker stopped (exit code ${code}) before it wrote the dataset`)));
  });
  if (!outcome.ok) {
    if (outcome.problems) throw new DatasetExportError(outcome.problems);
    const error = new Error(outcome.message);
    error.name = outcome.name;
    if (outcome.stack) error.stack = outcome.stack;
    throw error;
  }
  return outcome.downloads;
}
