import { parentPort, workerData } from 'node:worker_threads';
import type { FromIndexer, IndexerData, ToIndexer } from './background.ts';
import { ShardIndexer, type ShardOutcome } from './index.ts';

/**
 * A worker thread that feeds one shard's Pagefind process: its event loop keeps Pagefind fed
 * while the main thread renders, and it works out what Pagefind reads of each page off the main
 * thread.
 */
const { shard, keep } = workerData as IndexerData;
const indexer = new ShardIndexer(shard, { keep, onProgress: (done, total) => parentPort!.postMessage({ type: 'progress', done, total, at: Date.now() } satisfies FromIndexer) });
const started = indexer.start();
started.catch(() => undefined);

const failed = (id: number, e: unknown): FromIndexer => {
  const error = e instanceof Error ? e : new Error(String(e));
  return { type: 'end', id, ok: false, message: error.message, stack: error.stack };
};

parentPort!.on('message', (message: ToIndexer) => {
  if (message.type === 'expect') indexer.expect(message.entries, message.site, message.previous);
  else if (message.type === 'page') indexer.page(message.path, message.html);
  else {
    const work: Promise<ShardOutcome | null> =
      message.type === 'finish'
        ? started.then(() => indexer.finish(message.site))
        : message.type === 'update'
          ? started.then(() => indexer.update(message.pages, message.site))
          : indexer.abort().then(() => null);
    work.then(
      (outcome) => parentPort!.postMessage({ type: 'end', id: message.id, ok: true, outcome } satisfies FromIndexer),
      (e: unknown) => {
        // Pagefind's process must not outlive a failed start, finish or update.
        void indexer.abort().finally(() => parentPort!.postMessage(failed(message.id, e)));
      },
    );
  }
});
