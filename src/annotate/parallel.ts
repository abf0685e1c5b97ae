import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, Entity } from '../types.ts';
import { bundleWorker } from '../worker-bundle.ts';
import { MODEL_DIR } from './annotator.ts';
import { annotate, compileAnnotator, type Annotator, type ArticleAnnotation } from './index.ts';

/** How the annotate stage runs. */
export interface AnnotateOptions {
  /** Worker threads; 1 annotates in this thread. Default: the machine's cores, when there is enough work. */
  workers?: number;
  /** Folder of cached annotations, keyed by content hash and annotator version; none when absent. */
  cacheDir?: string;
  /** Called as articles finish, for progress. */
  onProgress?: (done: number, total: number) => void;
  /** The knowledge base's hash (knowledgeBaseHash), when the caller has it already. */
  kbHash?: string;
  /** The annotator for this knowledge base, when the caller keeps one compiled: used when annotating in this thread. */
  compiled?: () => Annotator;
}

/** A hash of a knowledge base's entries, for the annotation caches (hashing 100,000 entries takes a while: once per run). */
export function knowledgeBaseHash(knowledgeBase: Entity[]): string {
  return createHash('sha256').update(JSON.stringify(knowledgeBase)).digest('hex');
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** Below this many articles to annotate, threads cost more than they save. */
const PARALLEL_FROM = 64;
const BATCH = 32;

let version: string | null = null;
/**
 * A hash of the annotator's own source code (src/annotate, src/text, src/types.ts) and of the
 * recogniser's weights (_data/model/): cached annotations are reused only by what made them.
 */
export function annotatorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const under = (dir: string, ext: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));
  const files = [...under(HERE, '.ts'), ...under(join(HERE, '..', 'text'), '.ts'), join(HERE, '..', 'types.ts'), ...under(MODEL_DIR, '')];
  for (const f of files) hash.update(f.slice(HERE.length)).update(readFileSync(f));
  version = hash.digest('hex').slice(0, 16);
  return version;
}

/** The cache key of one article: its record (text, structure, metadata), the knowledge base and the annotator. */
function cacheKey(article: Article, kbHash: string): string {
  return createHash('sha256').update(annotatorVersion()).update(kbHash).update(JSON.stringify(article)).digest('hex');
}

function readCache(dir: string, key: string): ArticleAnnotation | null {
  try {
    return JSON.parse(readFileSync(join(dir, key.slice(0, 2), `${key}.json`), 'utf8')) as ArticleAnnotation;
  } catch {
    return null;
  }
}

function writeCache(dir: string, key: string, value: ArticleAnnotation): void {
  const folder = join(dir, key.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${key}.json`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, path);
}

async function inWorkers(articles: Article[], knowledgeBase: Entity[], workers: number, onDone: (n: number) => void): Promise<ArticleAnnotation[]> {
  const results: ArticleAnnotation[] = new Array(articles.length);
  const batches: Array<{ id: number; articles: Article[] }> = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push({ id: i, articles: articles.slice(i, i + BATCH) });
  const bundle = await bundleWorker(join(HERE, 'worker.ts'));
  const url = bundle?.url ?? new URL('./worker-entry.mjs', import.meta.url);
  // This thread is one of the workers: it starts at once while the others load, and yields
  // between batches so that their results are taken in.
  const pool = Array.from({ length: Math.min(workers - 1, batches.length) }, () => new Worker(url, { workerData: { knowledgeBase } }));
  const here = async (): Promise<void> => {
    const annotator = compileAnnotator(knowledgeBase);
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      batch.articles.forEach((a, k) => (results[batch!.id + k] = annotate(a, annotator)));
      onDone(batch.articles.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      here(),
      ...pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const batch = batches.shift();
              if (!batch) return resolve();
              worker.postMessage(batch);
            };
            worker.on('message', (msg: { id: number; results: ArticleAnnotation[] }) => {
              msg.results.forEach((r, k) => (results[msg.id + k] = r));
              onDone(msg.results.length);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    ]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    bundle?.remove();
  }
  return results;
}

/**
 * Annotates every article, reusing cached annotations of unchanged articles and spreading the
 * rest over worker threads. The result is the same, in the same order, as annotating serially.
 */
export async function annotateAll(articles: Article[], knowledgeBase: Entity[], options: AnnotateOptions = {}): Promise<ArticleAnnotation[]> {
  const kbHash = options.kbHash ?? knowledgeBaseHash(knowledgeBase);
  const results: Array<ArticleAnnotation | null> = articles.map(() => null);
  const keys = options.cacheDir ? articles.map((a) => cacheKey(a, kbHash)) : [];
  if (options.cacheDir) articles.forEach((_, i) => (results[i] = readCache(options.cacheDir!, keys[i]!)));
  const todo = articles.map((a, i) => ({ a, i })).filter(({ i }) => results[i] === null);
  let done = articles.length - todo.length;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, articles.length);
  };
  const workers = options.workers ?? (todo.length >= PARALLEL_FROM ? availableParallelism() : 1);
  let fresh: ArticleAnnotation[];
  if (workers > 1 && todo.length > 1) fresh = await inWorkers(todo.map((t) => t.a), knowledgeBase, workers, progress);
  else {
    // Compiled when the first article needs it: with every article cached, not at all.
    let annotator: Annotator | undefined;
    fresh = todo.map(({ a }) => {
      annotator ??= options.compiled?.() ?? compileAnnotator(knowledgeBase);
      const r = annotate(a, annotator);
      progress(1);
      return r;
    });
  }
  todo.forEach(({ i }, k) => {
    results[i] = fresh[k]!;
    if (options.cacheDir) writeCache(options.cacheDir, keys[i]!, fresh[k]!);
  });
  return results as ArticleAnnotation[];
}
