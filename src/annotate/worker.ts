import { parentPort, workerData } from 'node:worker_threads';
import type { Article, Entity } from '../types.ts';
import { annotate, compileAnnotator } from './index.ts';

/** A worker thread of the annotate stage: compiles the knowledge base and loads the recogniser once, then annotates batches. */
const annotator = compileAnnotator((workerData as { knowledgeBase: Entity[] }).knowledgeBase);
parentPort!.on('message', (batch: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: batch.id, results: batch.articles.map((a) => annotate(a, annotator)) });
});
