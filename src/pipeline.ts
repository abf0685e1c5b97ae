import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileAnnotator, modelProblem, type Annotator } from './annotate/annotator.ts';
import type { ArticleAnnotation } from './annotate/index.ts';
import { annotateAll, knowledgeBaseHash } from './annotate/parallel.ts';
import { loadMergedKnowledgeBase } from './kb/index.ts';
import type { KnowledgeBase } from './annotate/knowledge-base.ts';
import { applyCuration, loadCuration } from './annotate/curation.ts';
import { clusterClaims } from './annotate/clusters.ts';
import { ingest } from './ingest/index.ts';
import { validateCorpus } from './validate/index.ts';
import type { AnnotationDocument, Article, ContentProblem, Corpus, Entity } from './types.ts';

/** Where the pipeline reads from. */
export interface PipelineOptions {
  /** Project folder holding `seeds/` and `_data/`. */
  root: string;
  /** Article folder; `seeds/` under the root when absent. */
  seeds?: string;
  /** Folder of entities.json and curation/; `_data/` under the root when absent. */
  data?: string;
  /** Turn warnings (orphaned curation anchors) into errors. */
  strict?: boolean;
  /** Called when a stage starts and ends, for progress reports. */
  onStage?: (stage: string, event: 'start' | 'end', detail: { count: number; ms: number }) => void;
  /** Called as articles are annotated. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Worker threads for annotation (1: serial); by default the machine's cores when there is enough work. */
  workers?: number;
  /** Folder of cached annotations (content hash + annotator version); no cache when absent. */
  cacheDir?: string;
  /** Annotations kept in memory between runs in one process (`npm start`): only new or changed articles are annotated. */
  memo?: AnnotationMemo;
}

/**
 * Annotations a long-running process keeps between runs, by article record (its text, structure
 * and metadata), for one knowledge base: a run annotates only the articles it does not hold.
 */
export interface AnnotationMemo {
  /** A hash of the knowledge base the annotations were made with. */
  kb: string;
  byArticle: Map<string, ArticleAnnotation>;
  /** The annotator compiled from that knowledge base, once an article needed it (compiling takes seconds). */
  annotator: Annotator | null;
  /** The knowledge base as last read, with what its files were then (knowledgeBaseStamp) and its hash once made. */
  knowledgeBase: { stamp: string; read: KnowledgeBase; hash: string | null } | null;
}

/** An empty memo for `PipelineOptions.memo`. */
export function annotationMemo(): AnnotationMemo {
  return { kb: '', byArticle: new Map(), annotator: null, knowledgeBase: null };
}

/** What the knowledge base's files are now: each one's path, size and modification time. */
function knowledgeBaseStamp(dir: string): string {
  const kb = join(dir, 'kb');
  const derived = existsSync(kb) ? readdirSync(kb).filter((f) => f.endsWith('.json')).sort().map((f) => join(kb, f)) : [];
  return [join(dir, 'entities.json'), ...derived]
    .map((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return `${file} ${stat?.size} ${stat?.mtimeMs}`;
    })
    .join('\n');
}

/** The knowledge base, read again only when one of its files changed since the memo's reading (a second on each save otherwise). */
function readKnowledgeBase(dir: string, memo: AnnotationMemo | undefined): KnowledgeBase {
  if (!memo) return loadMergedKnowledgeBase(dir);
  const stamp = knowledgeBaseStamp(dir);
  if (memo.knowledgeBase?.stamp !== stamp) memo.knowledgeBase = { stamp, read: loadMergedKnowledgeBase(dir), hash: null };
  return memo.knowledgeBase.read;
}

/** The annotated corpus, or null when a stage found errors; problems hold errors and warnings. */
export interface PipelineResult {
  corpus: Corpus | null;
  problems: ContentProblem[];
  timings: Array<{ stage: string; ms: number; count: number }>;
}

interface State {
  options: PipelineOptions;
  articles: Article[];
  knowledgeBase: Entity[];
  documents: AnnotationDocument[];
  generated: Entity[];
  corpus: Corpus | null;
  problems: ContentProblem[];
}

type Stage = (state: State) => State | Promise<State>;

function dataDir(options: PipelineOptions): string {
  return options.data ?? join(options.root, '_data');
}

const ingestStage: Stage = (state) => {
  const { options } = state;
  const seeds = options.seeds ?? join(options.root, 'seeds');
  const result = ingest(seeds);
  const kb = readKnowledgeBase(dataDir(options), options.memo);
  const model = modelProblem();
  return { ...state, articles: result.articles, knowledgeBase: kb.entities, problems: [...state.problems, ...result.problems, ...kb.problems, ...(model ? [model] : [])] };
};

const annotateStage: Stage = async (state) => {
  const byId = new Map(state.knowledgeBase.map((e) => [e.id, e]));
  const { options } = state;
  const held = options.memo?.knowledgeBase;
  const kbHash = held?.read.entities === state.knowledgeBase ? (held.hash ??= knowledgeBaseHash(state.knowledgeBase)) : knowledgeBaseHash(state.knowledgeBase);
  const annotateSome = (articles: Article[]): Promise<ArticleAnnotation[]> =>
    annotateAll(articles, state.knowledgeBase, {
      workers: options.workers,
      cacheDir: options.cacheDir,
      onProgress: (done, total) => options.onProgress?.('annotate', done, total),
      kbHash,
      // A long-running process compiles the annotator once per knowledge base, not once per save.
      compiled: options.memo && (() => (options.memo!.annotator ??= compileAnnotator(state.knowledgeBase))),
    });
  const results = options.memo ? await remembered(options.memo, state.articles, kbHash, annotateSome) : await annotateSome(state.articles);
  const documents: AnnotationDocument[] = results.map((r) => r.document);
  const generated: Entity[] = results.flatMap((r) => r.generated);
  const curation = loadCuration(join(dataDir(state.options), 'curation'), state.articles, state.knowledgeBase);
  const curated = applyCuration(documents, curation, byId);
  const problems = [...state.problems, ...curation.problems, ...curated.problems];
  const clustered = clusterClaims(curated.documents, curation.clusterLabels, byId);
  const entities = mergeEntities(state.knowledgeBase, generated, clustered.documents);
  const corpus: Corpus = { documents: clustered.documents, entities, clusters: clustered.clusters, warnings: problems.filter((p) => p.severity === 'warning') };
  return { ...state, documents: clustered.documents, generated, corpus, problems };
};

/** Annotations of `articles` in order: those the memo holds, the others annotated now (and remembered). */
async function remembered(memo: AnnotationMemo, articles: Article[], kb: string, annotateSome: (articles: Article[]) => Promise<ArticleAnnotation[]>): Promise<ArticleAnnotation[]> {
  if (memo.kb !== kb) {
    memo.kb = kb;
    memo.byArticle.clear();
    memo.annotator = null;
  }
  const keys = articles.map((a) => JSON.stringify(a));
  const missing = articles.filter((_, i) => !memo.byArticle.has(keys[i]!));
  const fresh = await annotateSome(missing);
  const made = new Map(missing.map((a, i) => [JSON.stringify(a), fresh[i]!]));
  const results = keys.map((k) => memo.byArticle.get(k) ?? made.get(k)!);
  memo.byArticle = new Map(keys.map((k, i) => [k, results[i]!]));
  return results;
}

const validateStage: Stage = (state) => (state.corpus ? { ...state, problems: [...state.problems, ...validateCorpus(state.corpus)] } : state);

/** Gloss's stages before rendering, in order: the data flow reads top to bottom here. */
export const STAGES: Array<[string, Stage]> = [
  ['ingest', ingestStage],
  ['annotate', annotateStage],
  ['validate', validateStage],
];

/**
 * The entities the corpus refers to: those its mentions and claims name (or a capital stands for),
 * those offered as alternatives to an uncertain link, and the generated ones (first label wins
 * for a shared id); sorted by id. The rest of the knowledge base stays out of the site and dataset.
 */
function mergeEntities(knowledgeBase: Entity[], generated: Entity[], documents: AnnotationDocument[]): Entity[] {
  const used = new Set<string>();
  for (const d of documents) {
    for (const m of d.mentions) {
      if (m.entityId) used.add(m.entityId);
      if (m.refersTo) used.add(m.refersTo);
      for (const a of m.alternatives ?? []) used.add(a);
    }
    for (const c of d.claims) {
      if (c.sourceEntityId) used.add(c.sourceEntityId);
      for (const id of c.entityIds) used.add(id);
    }
  }
  const byId = new Map<string, Entity>();
  for (const e of knowledgeBase) if (used.has(e.id)) byId.set(e.id, e);
  for (const e of generated) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function isFatal(problem: ContentProblem, strict: boolean): boolean {
  return problem.severity === 'error' || strict;
}

/** Runs ingest, annotate and validate; stops after the first stage that found errors. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  let state: State = { options, articles: [], knowledgeBase: [], documents: [], generated: [], corpus: null, problems: [] };
  const timings: PipelineResult['timings'] = [];
  for (const [name, stage] of STAGES) {
    const started = performance.now();
    options.onStage?.(name, 'start', { count: state.articles.length, ms: 0 });
    state = await stage(state);
    const ms = performance.now() - started;
    timings.push({ stage: name, ms, count: state.articles.length });
    options.onStage?.(name, 'end', { count: state.articles.length, ms });
    if (state.problems.some((p) => isFatal(p, options.strict ?? false))) return { corpus: null, problems: state.problems, timings };
  }
  return { corpus: state.corpus, problems: state.problems, timings };
}
