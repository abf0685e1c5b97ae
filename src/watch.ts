/**
 * `npm start`'s builds: the first builds the site as `npm run build` does and keeps the search
 * index alive; each later one, after a save, updates the site in place with only what changed.
 *
 * An update runs the pipeline with the annotations of unchanged articles held in memory (only a
 * new or changed article is annotated), renders only the pages whose data changed (see
 * render/incremental.ts), writes only the pages whose bytes changed, removes the pages no longer
 * made, and gives Pagefind only the changed pages: each shard replaces them in its live index and
 * writes the files of its bundle that changed. The dataset is written afterwards, in the
 * background, into a folder that replaces `data/`'s files once whole. Content problems stop an
 * update before it writes anything, and the site stays as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, type BuildOptions, type BuildResult, type LiveSite } from './build.ts';
import { annotationMemo, runPipeline } from './pipeline.ts';
import { formatProblem } from './problems.ts';
import { Fingerprints } from './render/deps.ts';
import { clearSite, setSite } from './render/eleventy.ts';
import { pagesToRender, renderPages } from './render/incremental.ts';
import { listPages } from './render/runner.ts';
import { siteData } from './render/site.ts';
import { saveState } from './state.ts';
import type { ContentProblem, Corpus } from './types.ts';
import { settleSorts, type ShardOutcome } from './index/index.ts';
import { siteShards, type Shard } from './index/shards.ts';

/** What an update did. */
export interface UpdateResult {
  ok: boolean;
  problems: ContentProblem[];
  /** Pages rendered again, of all the site's pages. */
  rendered: number;
  total: number;
  /** Pages written (their bytes changed, or they are new) and removed, as paths under the site. */
  written: string[];
  removed: string[];
  /** Pages handed to Pagefind, and what each shard did. */
  indexed: string[];
  shards: ShardOutcome[];
  /** Milliseconds: the pipeline, rendering, writing, indexing, and the whole update up to the index. */
  ms: { pipeline: number; render: number; write: number; index: number; total: number };
  /** Resolves when the dataset is written (or rejects with why it could not be). */
  exported: Promise<void>;
}

/** A site kept up to date in place between saves. */
export class WatchSession {
  private readonly memo = annotationMemo();
  private exporting: Promise<void> = Promise.resolve();
  /** Set when the next update must build everything (a rebuild that failed). */
  private whole = false;

  private constructor(
    private readonly options: BuildOptions & { output: string },
    private live: LiveSite,
  ) {}

  /** Builds the site as `npm run build` does, keeping its search index alive; null with the problems when it could not. */
  static async start(options: BuildOptions): Promise<{ session: WatchSession | null; result: BuildResult }> {
    const output = resolve(options.output ?? join(options.root, '_site'));
    const memo = annotationMemo();
    const result = await build({ ...options, output, keep: true, memo });
    if (!result.ok || !result.live) return { session: null, result };
    const session = new WatchSession({ ...options, output }, result.live);
    Object.assign(session.memo, memo);
    return { session, result };
  }

  /** Brings the site up to date with the seeds, the knowledge base and the curation files. */
  async update(): Promise<UpdateResult> {
    const started = performance.now();
    const log = this.options.log ?? ((): void => undefined);
    // One dataset export at a time: the previous one finishes (or fails) first.
    await this.exporting.catch(() => undefined);
    const root = resolve(this.options.root);
    const output = this.options.output;
    const pipeline = await runPipeline({
      root,
      seeds: this.options.seeds,
      data: this.options.data,
      strict: this.options.strict,
      workers: this.options.workers,
      cacheDir: this.options.cache === false ? undefined : (this.options.cacheDir ?? join(root, '.cache', 'annotations')),
      memo: this.memo,
    });
    const pipelineMs = performance.now() - started;
    for (const p of pipeline.problems) if (p.severity === 'warning' && !this.options.strict) log(`warning: ${formatProblem(p)}`);
    const none = { rendered: 0, total: 0, written: [], removed: [], indexed: [], shards: [], exported: Promise.resolve() };
    const corpus: Corpus | null = pipeline.corpus;
    if (!corpus) return { ok: false, problems: pipeline.problems, ...none, ms: { pipeline: pipelineMs, render: 0, write: 0, index: 0, total: pipelineMs } };
    const site = siteData(corpus);
    // New search bundles (the corpus crossed a bundle's size), or a live index lost: a whole build.
    const indexer = this.live.indexer;
    if (this.whole || (indexer && !sameShards(siteShards(site), indexer.shards))) return this.rebuild(started, pipelineMs, pipeline.problems);
    const { templates, state } = this.live;
    setSite(site);
    const changed = new Map<string, string>();
    let rendered;
    let dirty: Set<string>;
    const renderStarted = performance.now();
    try {
      const pages = await listPages(templates);
      const fingerprints = new Fingerprints(site);
      dirty = pagesToRender(pages, state.render, fingerprints);
      rendered = await renderPages({
        templates,
        site,
        pages,
        dirty,
        previous: state.render,
        fingerprints,
        onPage: (path, html, isNew) => {
          if (isNew) changed.set(path, html);
        },
      });
    } finally {
      clearSite();
    }
    const renderMs = performance.now() - renderStarted;
    const writeStarted = performance.now();
    const made = new Set<string>();
    for (const [path, html] of changed) writeInPlace(output, path, html, made);
    for (const path of rendered.removed) rmSync(join(output, ...path.split('/')), { force: true });
    const writeMs = performance.now() - writeStarted;
    const indexStarted = performance.now();
    const handed = [...[...changed].map(([path, html]) => ({ path, html: html as string | null })), ...rendered.removed.map((path) => ({ path, html: null }))];
    const shards = indexer ? await indexer.update(handed, output) : [];
    const bundles = indexer ? settleSorts(output, indexer.shards, shards, state) : { bundles: state.bundles, sorts: state.sorts };
    const indexMs = performance.now() - indexStarted;
    this.live = {
      ...this.live,
      state: {
        ...state,
        render: rendered.state,
        index: { ...state.index, ...Object.fromEntries(shards.map((o) => [o.shard, o.hashes])) },
        ...bundles,
      },
    };
    const total = performance.now() - started;
    if (this.options.cache !== false) saveState(join(this.options.stateDir ?? join(root, '.cache', 'site'), 'state.json'), this.live.state, output);
    this.exporting = exportInPlace(corpus, output);
    this.exporting.catch(() => undefined);
    return {
      ok: true,
      problems: pipeline.problems,
      rendered: dirty.size,
      total: rendered.state.pages.size,
      written: [...changed.keys()],
      removed: rendered.removed,
      indexed: handed.map((h) => h.path),
      shards,
      ms: { pipeline: pipelineMs, render: renderMs, write: writeMs, index: indexMs, total },
      exported: this.exporting,
    };
  }

  /**
   * A whole build as the first one (with the annotations in memory and the previous build's state,
   * every search bundle built afresh), keeping the new live index: for a change the in-place
   * update cannot make (a new set of search bundles).
   */
  private async rebuild(started: number, pipelineMs: number, problems: ContentProblem[]): Promise<UpdateResult> {
    clearSite();
    await this.live.indexer?.abort();
    this.whole = true;
    const result = await build({ ...this.options, keep: true, memo: this.memo });
    const ms = { pipeline: pipelineMs, render: 0, write: 0, index: 0, total: performance.now() - started };
    if (!result.ok || !result.live) return { ok: false, problems: result.problems, rendered: 0, total: 0, written: [], removed: [], indexed: [], shards: [], ms, exported: Promise.resolve() };
    this.whole = false;
    this.live = result.live;
    const pages = result.pages!;
    return { ok: true, problems: problems.length ? problems : result.problems, rendered: pages.rendered, total: pages.total, written: [], removed: [], indexed: [], shards: [], ms, exported: Promise.resolve() };
  }

  /** Waits for the dataset being written, and stops the search index. */
  async close(): Promise<void> {
    await this.exporting.catch(() => undefined);
    await this.live.indexer?.abort();
  }
}

/** Whether two lists of search bundles are the same bundles. */
function sameShards(a: readonly Shard[], b: readonly Shard[]): boolean {
  return a.length === b.length && a.every((shard, i) => shard.bundle === b[i]!.bundle);
}

/** Writes a page in place: whole into a file beside it, then renamed over it, so a server never sends half a page. */
function writeInPlace(site: string, path: string, html: string, made: Set<string>): void {
  const target = join(site, ...path.split('/'));
  const dir = dirname(target);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, html);
  renameSync(temp, target);
}

/**
 * Writes the dataset into a folder beside the site, then moves its files into the site's `data/`,
 * leaving the data page (`data/index.html`) and removing dataset files no longer made.
 */
async function exportInPlace(corpus: Corpus, output: string): Promise<void> {
  const { writeDatasetInBackground } = await import('./export/background.ts');
  const temp = mkdtempSync(join(dirname(output), '.gloss-data-'));
  try {
    await writeDatasetInBackground(corpus, temp);
    const data = join(output, 'data');
    mkdirSync(data, { recursive: true });
    const fresh = new Set(readdirSync(temp));
    for (const name of readdirSync(data)) if (!fresh.has(name) && name !== 'index.html') rmSync(join(data, name), { recursive: true, force: true });
    for (const name of fresh) {
      const target = join(data, name);
      if (existsSync(target)) {
        const old = `${target}.${process.pid}.old`;
        renameSync(target, old);
        renameSync(join(temp, name), target);
        rmSync(old, { recursive: true, force: true });
      } else renameSync(join(temp, name), target);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
