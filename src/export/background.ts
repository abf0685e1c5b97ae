import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../types.ts';
import { bundleWorker } from '../worker-bundle.ts';
import { DatasetExportError } from './check.ts';
import { writeDataset } from './index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** What the export worker (worker.ts) reports. */
export type Outcome = { ok: true } | { ok: false; name: string; message: string; stack?: string; problems: string[] | null };

/**
 * writeDataset() in a worker thread, so that the dataset is written while this thread renders the
 * site and Pagefind indexes it. Resolves when every file is written; rejects with the error
 * writeDataset() threw (a DatasetExportError stays one). Without esbuild it writes in this thread.
 */
export async function writeDatasetInBackground(corpus: Corpus, dataDir: string): Promise<void> {
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  if (!bundle) {
    writeDataset(corpus, dataDir);
    return;
  }
  try {
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const worker = new Worker(bundle.url, { workerData: { corpus, dataDir } });
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
  } finally {
    bundle.remove();
  }
}
