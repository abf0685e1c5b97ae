/**
 * `npm start`'s builds: the first builds the site as `npm run build` does and keeps the search
 * index alive; each later one, after a save, updates the site in place with only what changed.
 *
 * An update runs the pipeline with the annotations of unchanged articles held in memory (only a
 * new or changed article is annotated), renders only the pages whose data changed (see
 * render/incremental.ts), writes only the pages whose bytes changed, removes the pages no longer
 * made, and gives Pagefind only the changed pages: each shard replaces them in its live index and
 * writes the files of its bundle that changed. Article, entity and claim pages come first; the
 * list pages made from the whole corpus (home, lists, timeline…), which search does not index, are
 * rendered and written right after, in the background, so that the changed article is served and
 * found sooner. The dataset is written after them, in the background too, into a folder that
 * replaces `data/`'s files once whole; the next update waits for both. Content problems stop an
 * update before it writes anything, and the site stays as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, fileUnder, type BuildOptions, type BuildResult, type LiveSite } from './build.ts';
import { annotationMemo, runPipeline } from './pipeline.ts';
import { compileAnnotator } from './annotate/annotator.ts';
import { formatProblem } from './problems.ts';
import { Fingerprints } from './render/deps.ts';
import { clearSite, setSite } from './render/eleventy.ts';
import { isTracked, pagesToRender, renderPages, type RenderOutcome, type RenderState } from './render/incremental.ts';
import { listPages, type PageSpec } from './render/runner.ts';
import { siteData, type SiteData } from './render/site.ts';
import { saveState } from './state.ts';
import type { ContentProblem, Corpus } from './types.ts';
import { settleSorts, type ShardOutcome } from './index/index.ts';
import { setBundleSizes, siteShards, type Shard } from './index/shards.ts';

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
  /** Resolves with the list pages written after the others (home, lists, timeline…: made from the whole corpus, they come second). */
  lists: Promise<string[]>;
  /**
   * Resolves when the list pages and then the dataset are written (true), or when a later update
   * took over the dataset before it was started (false); rejects with why they could not be written.
   */
  exported: Promise<boolean>;
}

/** A site kept up to date in place between saves. */
export class WatchSession {
  private readonly memo = annotationMemo();
  private exporting: Promise<boolean> = Promise.resolve(true);
  /** The dataset export waiting for its turn (EXPORT_DELAY_MS), which a new update may take over. */
  private pending: { timer: NodeJS.Timeout; settle: (written: boolean) => void } | null = null;
  /** The corpus of the last update whose dataset export has not started; and a count of updates. */
  private unwritten: Corpus | null = null;
  private generation = 0;
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
    // The first build annotated in worker threads: compile this thread's annotator now, before the
    // first save needs it (seconds the save would otherwise wait; this process only builds).
    setImmediate(() => session.prepare());
    return { session, result };
  }

  /** Compiles the annotator for the knowledge base the memo holds, unless it is compiled already. */
  private prepare(): void {
    const kb = this.memo.knowledgeBase?.read;
    if (kb && kb.problems.length === 0) this.memo.annotator ??= compileAnnotator(kb.entities);
  }

  /**
   * Brings the site up to date with the seeds, the knowledge base and the curation files. When it
   * throws (not a content problem: a page that cannot render, a search bundle that failed), the
   * next update runs a whole build.
   */
  async update(): Promise<UpdateResult> {
    try {
      const result = await this.updateInPlace();
      // The list pages failed after the update returned: the state no longer describes the site.
      result.lists.catch(() => {
        this.whole = true;
      });
      return result;
    } catch (e) {
      this.whole = true;
      clearSite();
      throw e;
    }
  }

  private async updateInPlace(): Promise<UpdateResult> {
    const started = performance.now();
    const log = this.options.log ?? ((): void => undefined);
    // One dataset export at a time: the previous one finishes (or fails) first.
    // A dataset export not started yet is taken over by this update (started again if it fails).
    const superseded = this.takeOverExport();
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
    if (process.env['GLOSS_DEBUG']) console.log(`[debug] pipeline ${pipeline.timings.map((t) => `${t.stage} ${t.ms.toFixed(0)} ms`).join(', ')}`);
    for (const p of pipeline.problems) if (p.severity === 'warning' && !this.options.strict) log(`warning: ${formatProblem(p)}`);
    const none = { rendered: 0, total: 0, written: [], removed: [], indexed: [], shards: [], lists: Promise.resolve([]), exported: Promise.resolve(false) };
    const corpus: Corpus | null = pipeline.corpus;
    if (!corpus) {
      if (superseded) this.exporting = exportInPlace(superseded, this.options.output).then(() => true);
      this.exporting.catch(() => undefined);
      return { ok: false, problems: pipeline.problems, ...none, ms: { pipeline: pipelineMs, render: 0, write: 0, index: 0, total: pipelineMs } };
    }
    const siteStarted = performance.now();
    const site = siteData(corpus);
    setBundleSizes(site, this.options.bundleSizes);
    if (process.env['GLOSS_DEBUG']) console.log(`[debug] site data ${(performance.now() - siteStarted).toFixed(0)} ms`);
    // New search bundles (the corpus crossed a bundle's size), or a live index lost: a whole build.
    const indexer = this.live.indexer;
    if (this.whole || (indexer && !sameShards(siteShards(site), indexer.shards))) return this.rebuild(started, pipelineMs, pipeline.problems, superseded);
    const { templates, state } = this.live;
    setSite(site);
    const renderStarted = performance.now();
    let pages: PageSpec[];
    let fingerprints: Fingerprints;
    let first: { dirty: Set<string>; outcome: RenderOutcome; changed: Map<string, string> };
    let later: Set<string>;
    try {
      pages = await listPages(templates);
      fingerprints = new Fingerprints(site);
      const listed = performance.now();
      const dirty = pagesToRender(pages, state.render, fingerprints);
      if (process.env['GLOSS_DEBUG']) console.log(`[debug] site data and list ${(listed - renderStarted).toFixed(0)} ms, plan ${(performance.now() - listed).toFixed(0)} ms`);
      // First the article, entity and claim pages that show the change (the pages search finds),
      // then, once they are written and indexed, the list pages made from the whole corpus.
      const byPath = new Map(pages.map((page) => [page.path, page]));
      const now = new Set([...dirty].filter((path) => isTracked(byPath.get(path)!)));
      later = new Set([...dirty].filter((path) => !now.has(path)));
      const known = pages.filter((page) => isTracked(page) || state.render.pages.has(page.path));
      first = { dirty: now, ...(await this.render(templates, site, known, now, state.render, fingerprints)) };
    } catch (e) {
      clearSite();
      throw e;
    }
    const renderMs = performance.now() - renderStarted;
    const writeStarted = performance.now();
    this.write(first.changed, first.outcome.removed);
    const writeMs = performance.now() - writeStarted;
    const indexStarted = performance.now();
    const handed = [...[...first.changed].map(([path, html]) => ({ path, html: html as string | null })), ...first.outcome.removed.map((path) => ({ path, html: null }))];
    const shards = await this.index(handed, first.outcome.state);
    const indexMs = performance.now() - indexStarted;
    const total = performance.now() - started;
    this.saveState();
    // The list pages, then the dataset, in the background: the next update waits for both.
    const lists = this.lists(templates, site, pages, later, fingerprints).finally(() => clearSite());
    lists.catch(() => undefined);
    this.unwritten = corpus;
    const generation = this.generation;
    this.exporting = lists.then(() => this.exportLater(corpus, generation));
    this.exporting.catch(() => undefined);
    return {
      ok: true,
      problems: pipeline.problems,
      rendered: first.dirty.size + later.size,
      total: pages.length,
      written: [...first.changed.keys()],
      removed: first.outcome.removed,
      indexed: handed.map((h) => h.path),
      shards,
      ms: { pipeline: pipelineMs, render: renderMs, write: writeMs, index: indexMs, total },
      lists,
      exported: this.exporting,
    };
  }

  /** Renders `pages`' pages of `dirty`, keeping the previous records of the others; the pages whose bytes changed. */
  private async render(templates: LiveSite['templates'], site: SiteData, pages: PageSpec[], dirty: Set<string>, previous: RenderState, fingerprints: Fingerprints): Promise<{ outcome: RenderOutcome; changed: Map<string, string> }> {
    const changed = new Map<string, string>();
    const outcome = await renderPages({
      templates,
      site,
      pages,
      dirty,
      previous,
      fingerprints,
      onPage: (path, html, isNew) => {
        if (isNew) changed.set(path, html);
      },
    });
    return { outcome, changed };
  }

  /**
   * Writes the dataset after EXPORT_DELAY_MS, so that the browser's reload and search right after a
   * save do not share the two cores with it; resolves true once written, false when a later update
   * took it over first.
   */
  private exportLater(corpus: Corpus, generation: number): Promise<boolean> {
    if (generation !== this.generation) return Promise.resolve(false);
    return new Promise<boolean>((settle, fail) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.unwritten = null;
        exportInPlace(corpus, this.options.output).then(() => settle(true), fail);
      }, EXPORT_DELAY_MS);
      this.pending = { timer, settle };
    });
  }

  /** Cancels a dataset export not started yet; returns its corpus, for when this update fails. */
  private takeOverExport(): Corpus | null {
    this.generation++;
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.settle(false);
    }
    const corpus = this.unwritten;
    this.unwritten = null;
    return corpus;
  }

  /** Writes pages in place and removes pages gone. */
  private write(changed: Map<string, string>, removed: string[]): void {
    const made = new Set<string>();
    for (const [path, html] of changed) writeInPlace(this.options.output, path, html, made);
    for (const path of removed) rmSync(join(this.options.output, ...path.split('/')), { force: true });
  }

  /** Hands pages that changed to the live index, and makes `render` the session's render state with the bundles' new state. */
  private async index(handed: Array<{ path: string; html: string | null }>, render: RenderState): Promise<ShardOutcome[]> {
    const { state, indexer } = this.live;
    const shards = indexer && handed.length ? await indexer.update(handed, this.options.output) : [];
    const bundles = indexer && shards.some((o) => o.built) ? settleSorts(this.options.output, indexer.shards, shards, state) : { bundles: state.bundles, sorts: state.sorts };
    this.live = {
      ...this.live,
      state: { ...state, render, index: { ...state.index, ...Object.fromEntries(shards.map((o) => [o.shard, o.hashes])) }, ...bundles },
    };
    return shards;
  }

  /** Renders the list pages of `dirty` after the others, writes those whose bytes changed, and returns their paths. */
  private async lists(templates: LiveSite['templates'], site: SiteData, pages: PageSpec[], dirty: Set<string>, fingerprints: Fingerprints): Promise<string[]> {
    if (!dirty.size) return [];
    const { outcome, changed } = await this.render(templates, site, pages, dirty, this.live.state.render, fingerprints);
    this.write(changed, outcome.removed);
    await this.index([...[...changed].map(([path, html]) => ({ path, html: html as string | null })), ...outcome.removed.map((path) => ({ path, html: null }))], outcome.state);
    this.saveState();
    return [...changed.keys()];
  }

  private saveState(): void {
    if (this.options.cache !== false) saveState(join(this.options.stateDir ?? join(resolve(this.options.root), '.cache', 'site'), 'state.json'), this.live.state, this.options.output);
  }

  /**
   * A whole build as the first one (with the annotations in memory and the previous build's state,
   * every search bundle built afresh), keeping the new live index: for a change the in-place
   * update cannot make (a new set of search bundles).
   */
  private async rebuild(started: number, pipelineMs: number, problems: ContentProblem[], superseded: Corpus | null): Promise<UpdateResult> {
    clearSite();
    await this.live.indexer?.abort();
    this.whole = true;
    const result = await build({ ...this.options, keep: true, memo: this.memo });
    const ms = { pipeline: pipelineMs, render: 0, write: 0, index: 0, total: performance.now() - started };
    if (!result.ok || !result.live) {
      // The site stays as the last update left it: so does its dataset.
      if (superseded) this.exporting = exportInPlace(superseded, this.options.output).then(() => true);
      this.exporting.catch(() => undefined);
      return { ok: false, problems: result.problems, rendered: 0, total: 0, written: [], removed: [], indexed: [], shards: [], ms, lists: Promise.resolve([]), exported: Promise.resolve(false) };
    }
    this.whole = false;
    this.live = result.live;
    const pages = result.pages!;
    return { ok: true, problems: problems.length ? problems : result.problems, rendered: pages.rendered, total: pages.total, written: [], removed: [], indexed: [], shards: [], ms, lists: Promise.resolve([]), exported: Promise.resolve(true) };
  }

  /** Writes a dataset still waiting, waits for it, and stops the search index. */
  async close(): Promise<void> {
    const waiting = this.takeOverExport();
    if (waiting) this.exporting = exportInPlace(waiting, this.options.output).then(() => true);
    await this.exporting.catch(() => undefined);
    await this.live.indexer?.abort();
  }
}

/**
 * How long the dataset export waits after an update's pages are written: it takes seconds of CPU at
 * 2,000 articles, which the browser's reload and search after a save would otherwise share.
 */
const EXPORT_DELAY_MS = 1500;

/** Whether two lists of search bundles are the same bundles. */
function sameShards(a: readonly Shard[], b: readonly Shard[]): boolean {
  return a.length === b.length && a.every((shard, i) => shard.bundle === b[i]!.bundle);
}

/** Writes a page in place: whole into a file beside it, then renamed over it, so a server never sends half a page. */
function writeInPlace(site: string, path: string, html: string, made: Set<string>): void {
  const target = fileUnder(site, path, made);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, html);
  renameSync(temp, target);
}

/**
 * Writes the dataset into a folder beside the site, then moves its files into the site's `data/`,
 * leaving the data page (`data/index.html`, whose download figures it then sets) and removing
 * dataset files no longer made.
 */
async function exportInPlace(corpus: Corpus, output: string): Promise<void> {
  const { currentDataset, writeDatasetInBackground } = await import('./export/background.ts');
  const temp = mkdtempSync(join(dirname(output), '.gloss-data-'));
  const data = join(output, 'data');
  try {
    const downloads = await writeDatasetInBackground(corpus, temp, currentDataset(output));
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
    // The data page gives the new archive's and database's sizes and SHA-256.
    const { fillDataPage } = await import('./export/figures.ts');
    fillDataPage(output, downloads);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
