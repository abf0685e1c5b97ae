import { parentPort } from 'node:worker_threads';
import type { FromIndexer, ToIndexer } from './background.ts';
import { SiteIndexer } from './index.ts';

/**
 * A worker thread that hands the pages the main thread renders to Pagefind: its event loop keeps
 * Pagefind fed while Eleventy keeps the main thread's busy.
 */
const indexer = new SiteIndexer((done, total) => parentPort!.postMessage({ type: 'progress', done, total, at: Date.now() } satisfies FromIndexer));
const started = indexer.start();
started.catch(() => undefined);

const report = (e: unknown): FromIndexer => {
  const error = e instanceof Error ? e : new Error(String(e));
  return { type: 'end', ok: false, message: error.message, stack: error.stack };
};

parentPort!.on('message', (message: ToIndexer) => {
  if (message.type === 'expect') indexer.expect(message.paths);
  else if (message.type === 'page') indexer.page(message.path, message.html);
  else {
    const done = message.type === 'finish' ? started.then(() => indexer.finish(message.site)) : indexer.abort();
    done.then(
      () => parentPort!.postMessage({ type: 'end', ok: true } satisfies FromIndexer),
      (e: unknown) => {
        // Pagefind's process must not outlive a failed start or finish.
        void indexer.abort().finally(() => parentPort!.postMessage(report(e)));
      },
    );
  }
});
