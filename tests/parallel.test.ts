import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { annotateAll } from '../src/annotate/parallel.ts';
import { ingest } from '../src/ingest/index.ts';
import type { Entity } from '../src/types.ts';
import { bundleWorker } from '../src/worker-bundle.ts';
import { ROOT, tempDir } from './helpers.ts';

const knowledgeBase = JSON.parse(readFileSync(join(ROOT, '_data', 'entities.json'), 'utf8')) as Entity[];
const seeds = ingest(join(ROOT, 'seeds')).articles;
const unseen = readdirSync(join(ROOT, 'tests', 'gold', 'unseen')).filter((f) => f.endsWith('.txt'));
// A corpus big enough to spread over threads: the seeds and gold articles, repeated with distinct ids.
const articles = Array.from({ length: 12 }, (_, k) => [...seeds, ...ingest(join(ROOT, 'tests', 'gold', 'unseen')).articles.filter((a) => unseen.includes(a.sourceFile))].map((a) => ({ ...a, id: `${a.id}-${k}` }))).flat();

const Parallel = suite('annotateAll');

Parallel('worker threads give exactly the serial annotations, in order', async () => {
  const serial = await annotateAll(articles, knowledgeBase, { workers: 1 });
  // 2: this thread and one worker; 3: two workers beside it, taking batches in turn.
  for (const workers of [2, 3]) {
    const parallel = await annotateAll(articles, knowledgeBase, { workers });
    assert.is(parallel.length, articles.length);
    assert.equal(parallel, serial, `${workers} threads`);
  }
});

Parallel('the cache returns the cold annotations, and redoes a changed article only', async () => {
  const cacheDir = tempDir('gloss-cache-');
  const cold = await annotateAll(articles, knowledgeBase, { workers: 1 });
  const first = await annotateAll(articles, knowledgeBase, { workers: 2, cacheDir });
  assert.equal(first, cold);
  let annotated = 0;
  const changed = articles.map((a, i) => (i === 3 ? { ...a, text: `${a.text} ` } : a));
  const warm = await annotateAll(changed, knowledgeBase, { workers: 1, cacheDir, onProgress: () => annotated++ });
  assert.is(annotated, 1, 'only the changed article is annotated again');
  assert.equal(warm.filter((_, i) => i !== 3), cold.filter((_, i) => i !== 3));
});

Parallel('a different knowledge base misses the cache', async () => {
  const cacheDir = tempDir('gloss-cache-');
  const few = articles.slice(0, 4);
  await annotateAll(few, knowledgeBase, { workers: 1, cacheDir });
  let annotated = 0;
  await annotateAll(few, knowledgeBase.slice(1), { workers: 1, cacheDir, onProgress: () => annotated++ });
  assert.is(annotated, 4);
});

Parallel('the workers run as esbuild bundles, not through the slow tsx fallback', async () => {
  for (const entry of ['src/annotate/worker.ts', 'src/export/worker.ts']) {
    const bundle = await bundleWorker(join(ROOT, entry));
    assert.ok(bundle, `${entry} bundles`);
    const code = readFileSync(bundle!.url, 'utf8');
    bundle!.remove();
    assert.ok(code.length > 10_000, `${entry}: one file with its dependencies (${code.length} characters)`);
    assert.not.match(code, /from ['"]\.\.?\//, `${entry}: no relative import left`);
    assert.not.ok(existsSync(bundle!.url), 'removed');
  }
});

Parallel.run();
