import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleWorker } from '../worker-bundle.ts';
import { ShardIndexer, type Indexer, type ShardEntry, type ShardOutcome } from './index.ts';
import { shardOf, type Shard } from './shards.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Age (ms) past which a progress report is dropped. */
const STALE_MS = 500;

/** What the main thread tells an index worker (worker.ts). */
export type ToIndexer =
  | { type: 'expect'; entries: ShardEntry[]; site: string | null; previous: Record<string, string> | null }
  | { type: 'page'; path: string; html: string }
  | { type: 'finish'; id: number; site: string }
  | { type: 'update'; id: number; pages: Array<{ path: string; html: string | null }>; site: string }
  | { type: 'abort'; id: number };
/** What an index worker reports: progress now and then, the end of `finish`, `update` or `abort`. */
export type FromIndexer =
  | { type: 'progress'; done: number; total: number; at: number }
  | { type: 'end'; id: number; ok: true; outcome: ShardOutcome | null }
  | { type: 'end'; id: number; ok: false; message: string; stack?: string };

/** What the worker is started with. */
export interface IndexerData {
  shard: Shard;
  keep: boolean;
}

/** An indexer of every shard, with `update` for the shards kept alive between builds (`npm start`). */
export interface LiveIndexer extends Indexer {
  /** The bundles it builds. */
  shards: readonly Shard[];
  /** Hands each shard its pages rendered again (null for a page gone) and writes what changed of its bundle. */
  update(pages: Array<{ path: string; html: string | null }>, site: string): Promise<ShardOutcome[]>;
}

/** One shard's indexer: in a worker thread when esbuild can bundle it, else in this thread. */
interface ShardHandle {
  expect(entries: ShardEntry[], site: string | null, previous: Record<string, string> | null): void;
  page(path: string, html: string): void;
  finish(site: string): Promise<ShardOutcome>;
  update(pages: Array<{ path: string; html: string | null }>, site: string): Promise<ShardOutcome>;
  abort(): Promise<void>;
}

/**
 * Indexers for every shard (shards.ts), started now, each in its own worker thread with its own
 * Pagefind process: Pagefind starts while the pages are listed, and is fed while they render, the
 * two shards on the two cores. With `keep`, the indexers stay alive after `finish` for `update`
 * (watch mode); otherwise they stop after `finish`. Progress sums the shards'.
 */
export async function startIndexer(shards: readonly Shard[], options: { keep?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<LiveIndexer> {
  const progress = new Map<string, { done: number; total: number }>();
  const onShardProgress = (shard: Shard, done: number, total: number): void => {
    progress.set(shard.name, { done, total });
    let d = 0;
    let t = 0;
    for (const p of progress.values()) {
      d += p.done;
      t += p.total;
    }
    options.onProgress?.(d, t);
  };
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  // The bundle is removed once every worker has stopped.
  let running = shards.length;
  const stopped = (): void => {
    if (--running === 0) bundle?.remove();
  };
  const handles = await Promise.all(shards.map((shard) => (bundle ? inWorker(bundle.url, shard, options.keep ?? false, onShardProgress, stopped) : inThread(shard, options.keep ?? false, onShardProgress))));
  const byShard = new Map(shards.map((s, i) => [s.name, handles[i]!]));
  const handleOf = (path: string): ShardHandle => byShard.get(shardOf(path, shards).name)!;
  // Only HTML pages are searched: the search's name files (JSON) are rendered with them.
  const searched = (path: string): boolean => path.endsWith('.html');
  return {
    shards,
    expect: (entries, previous, site) => {
      for (const shard of shards) {
        const mine = entries.filter((e) => searched(e.path) && shardOf(e.path, shards) === shard);
        progress.set(shard.name, { done: 0, total: mine.length });
        byShard.get(shard.name)!.expect(mine, site ?? null, previous?.[shard.name] ?? null);
      }
    },
    page: (path, html) => {
      if (searched(path)) handleOf(path).page(path, html);
    },
    finish: async (site) => {
      const outcomes = await settleAll(handles.map((h) => h.finish(site)), handles);
      for (const shard of shards) {
        const p = progress.get(shard.name);
        if (p) onShardProgress(shard, p.total, p.total);
      }
      return outcomes;
    },
    update: (pages, site) => settleAll(shards.map((shard) => byShard.get(shard.name)!.update(pages.filter((p) => searched(p.path) && shardOf(p.path, shards) === shard), site)), handles),
    abort: async () => {
      await Promise.all(handles.map((h) => h.abort().catch(() => undefined)));
    },
  };
}

/** Waits for every shard; when one fails, stops the others and throws its error. */
async function settleAll<T>(work: Array<Promise<T>>, handles: ShardHandle[]): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(handles.map((h) => h.abort().catch(() => undefined)));
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function inThread(shard: Shard, keep: boolean, onProgress: (shard: Shard, done: number, total: number) => void): Promise<ShardHandle> {
  const indexer = new ShardIndexer(shard, { keep, onProgress: (d, t) => onProgress(shard, d, t) });
  await indexer.start();
  return {
    expect: (entries, site, previous) => indexer.expect(entries, site, previous),
    page: (path, html) => indexer.page(path, html),
    finish: (site) => indexer.finish(site),
    update: (pages, site) => indexer.update(pages, site),
    abort: () => indexer.abort(),
  };
}

async function inWorker(url: URL, shard: Shard, keep: boolean, onProgress: (shard: Shard, done: number, total: number) => void, onExit: () => void): Promise<ShardHandle> {
  const worker = new Worker(url, { workerData: { shard, keep } satisfies IndexerData });
  worker.once('exit', onExit);
  const pending = new Map<number, { resolve: (o: ShardOutcome | null) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;
  const fail = (error: Error): void => {
    stopped ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (message: FromIndexer) => {
    if (message.type === 'progress') {
      // Reports queue up while this thread renders; passed on late, they would tell of thousands of
      // pages a second. Only fresh ones, and the last, are passed on.
      if (Date.now() - message.at < STALE_MS || message.done === message.total) onProgress(shard, message.done, message.total);
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (!waiting) return;
    if (message.ok) waiting.resolve(message.outcome);
    else {
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      waiting.reject(error);
    }
  });
  worker.once('error', (e) => fail(e));
  worker.once('exit', (code) => fail(new Error(`the ${shard.name} index worker stopped (exit code ${code}) before it wrote its index`)));
  const ask = (message: (id: number) => ToIndexer): Promise<ShardOutcome | null> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    const answer = new Promise<ShardOutcome | null>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage(message(id));
    return answer;
  };
  let ended = false;
  const end = async (message: { type: 'finish'; site: string } | { type: 'abort' }): Promise<ShardOutcome | null> => {
    if (ended) return null;
    ended = !keep || message.type === 'abort';
    try {
      return await ask((id) => ({ ...message, id }));
    } finally {
      if (ended) await worker.terminate();
    }
  };
  return {
    expect: (entries, site, previous) => worker.postMessage({ type: 'expect', entries, site, previous } satisfies ToIndexer),
    page: (path, html) => worker.postMessage({ type: 'page', path, html } satisfies ToIndexer),
    // After abort (a failed build), finish does nothing.
    finish: async (site) => (await end({ type: 'finish', site })) ?? { shard: shard.name, built: false, hashes: {}, files: null, sorts: null, written: [], removed: [] },
    update: async (pages, site) => (await ask((id) => ({ type: 'update', id, pages, site })))!,
    abort: async () => {
      await end({ type: 'abort' }).catch(() => undefined);
    },
  };
}
