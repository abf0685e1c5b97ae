import { parentPort, workerData } from 'node:worker_threads';
import type { Article, Entity } from '../types.ts';
import { annotate, compileGazetteer } from './index.ts';

/** A worker thread of the annotate stage: compiles the knowledge base once, then annotates batches. */
const gazetteer = compileGazetteer((workerData as { knowledgeBase: Entity[] }).knowledgeBase);
parentPort!.on('message', (batch: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: batch.id, results: batch.articles.map((a) => annotate(a, gazetteer)) });
});
