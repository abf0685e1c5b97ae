import { parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '../types.ts';
import type { DatasetAbout } from './about.ts';
import type { Outcome } from './background.ts';
import { DatasetExportError, writeDataset } from './index.ts';

/** A worker thread that writes the dataset while the main thread renders and indexes the site. */
const { corpus, dataDir, about } = workerData as { corpus: Corpus; dataDir: string; about: DatasetAbout };
try {
  const downloads = await writeDataset(corpus, dataDir, about);
  parentPort!.postMessage({ ok: true, downloads } satisfies Outcome);
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  const outcome: Outcome = { ok: false, name: error.name, message: error.message, stack: error.stack, problems: e instanceof DatasetExportError ? e.problems : null };
  parentPort!.postMessage(outcome);
}
