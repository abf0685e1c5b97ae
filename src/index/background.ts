import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleWorker } from '../worker-bundle.ts';
import { SiteIndexer, type Indexer } from './index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Age (ms) past which a progress report is dropped. */
const STALE_MS = 500;

/** What the main thread tells the index worker (worker.ts). */
export type ToIndexer = { type: 'expect'; paths: string[] } | { type: 'page'; path: string; html: string } | { type: 'finish'; site: string } | { type: 'abort' };
/** What the index worker reports: progress now and then, and the end of `finish` or `abort`. */
export type FromIndexer =
  | { type: 'progress'; done: number; total: number; at: number }
  | { type: 'end'; ok: true }
  | { type: 'end'; ok: false; message: string; stack?: string };

/**
 * An indexer in a worker thread, started now: Pagefind starts while Eleventy prepares the pages,
 * and is fed while Eleventy renders them. Without esbuild, an indexer in this thread, which can
 * only feed Pagefind once the rendering is done.
 */
export async function startIndexer(onProgress?: (done: number, total: number) => void): Promise<Indexer> {
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  if (!bundle) {
    const indexer = new SiteIndexer(onProgress);
    await indexer.start();
    return indexer;
  }
  const worker = new Worker(bundle.url);
  const answer = new Promise<FromIndexer & { type: 'end' }>((resolve, reject) => {
    worker.on('message', (message: FromIndexer) => {
      if (message.type === 'end') resolve(message);
      // Reports queue up while Eleventy keeps this thread busy; passed on late, they would tell of
      // thousands of pages a second. Only fresh ones, and the last, are passed on.
      else if (Date.now() - message.at < STALE_MS || message.done === message.total) onProgress?.(message.done, message.total);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index worker stopped (exit code ${code}) before it wrote the index`)));
  });
  answer.catch(() => undefined);
  let ended = false;
  const end = async (message: ToIndexer): Promise<void> => {
    if (ended) return;
    ended = true;
    worker.postMessage(message);
    try {
      const outcome = await answer;
      if (!outcome.ok) {
        const error = new Error(outcome.message);
        if (outcome.stack) error.stack = outcome.stack;
        throw error;
      }
    } finally {
      await worker.terminate();
      bundle.remove();
    }
  };
  return {
    expect: (paths) => worker.postMessage({ type: 'expect', paths } satisfies ToIndexer),
    page: (path, html) => worker.postMessage({ type: 'page', path, html } satisfies ToIndexer),
    finish: (site) => end({ type: 'finish', site }),
    abort: () => end({ type: 'abort' }).catch(() => undefined),
  };
}
