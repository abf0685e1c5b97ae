import { parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '../types.ts';
import type { DatasetAbout } from './about.ts';
import type { Outcome } from './background.ts';
import { writeDatabase } from './database.ts';
import { DatasetExportError, writeDatasetFiles } from './index.ts';

/** What a worker is asked to write: the dataset's files and archive, or its database. */
export type ExportTask =
  | { task: 'files'; corpus: Corpus; dataDir: string; about: DatasetAbout; previous: string | null }
  | { task: 'database'; corpus: Corpus; target: string };

/** A worker thread that writes part of the dataset while the main thread renders and indexes the site. */
const job = workerData as ExportTask;
try {
  const written = job.task === 'files' ? await writeDatasetFiles(job.corpus, job.dataDir, job.about, job.previous) : await writeDatabase(job.corpus, job.target);
  parentPort!.postMessage({ ok: true, written } satisfies Outcome);
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  const outcome: Outcome = { ok: false, name: error.name, message: error.message, stack: error.stack, problems: e instanceof DatasetExportError ? e.problems : null };
  parentPort!.postMessage(outcome);
}
