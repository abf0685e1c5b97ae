import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { runPipeline, type AnnotationMemo } from './pipeline.ts';
import { formatProblem } from './problems.ts';
import { throttled } from './progress.ts';
import { clearSite, setSite } from './render/eleventy.ts';
import { Fingerprints } from './render/deps.ts';
import { pagesToRender, renderPages } from './render/incremental.ts';
import { listPages, loadTemplates, type PageSpec, type Templates } from './render/runner.ts';
import { siteData } from './render/site.ts';
import { codeVersion, loadState, saveState, type BuildState } from './state.ts';
import type { ContentProblem, Corpus } from './types.ts';
import { settleSorts, type ShardOutcome } from './index/index.ts';
import { setBundleSizes, siteShards, type BundleSizes, type Shard } from './index/shards.ts';
import type { LiveIndexer } from './index/background.ts';

/** What a build is asked to do. */
export interface BuildOptions {
  /** Project folder (holds seeds/, _data/, src/site/). */
  root: string;
  /** Where the site goes; `_site` under the root when absent. */
  output?: string;
  /** Article folder; `seeds/` under the root when absent. */
  seeds?: string;
  /** Knowledge base and curation folder; `_data/` under the root when absent. */
  data?: string;
  /** Orphaned curation anchors and other warnings stop the build. */
  strict?: boolean;
  /** Skip the Pagefind index (benchmarks of rendering alone). */
  index?: boolean;
  /** Worker threads for annotation (1: serial). */
  workers?: number;
  /** Folder of the annotation cache; `.cache/annotations` under the root when absent. */
  cacheDir?: string;
  /** Folder of the state a build leaves for the next (see state.ts); `.cache/site` under the root when absent. */
  stateDir?: string;
  /** Set false to annotate every article afresh and build every page afresh, leaving no state. */
  cache?: boolean;
  /** Progress and summary lines. */
  log?: (line: string) => void;
  /**
   * Called as a stage works through its items: annotation reports articles, rendering and
   * indexing report pages (`unit`).
   */
  progress?: (stage: string, done: number, total: number, unit: 'articles' | 'pages') => void;
  /** Keep the search index alive after the build, to update it in place (`npm start`, see watch.ts). */
  keep?: boolean;
  /** Annotations kept in memory between builds in one process (see pipeline.ts). */
  memo?: AnnotationMemo;
  /** Pages a search bundle holds (index/shards.ts); the defaults when absent. Tests split a small site over several bundles with it. */
  bundleSizes?: BundleSizes;
}

/** What a kept build hands on to the next update: its state and its live search index. */
export interface LiveSite {
  state: Omit<BuildState, 'output'>;
  indexer: LiveIndexer | null;
  templates: Templates;
}

/** The outcome of a build: success with stage timings, or the problems that stopped it. */
export interface BuildResult {
  ok: boolean;
  problems: ContentProblem[];
  timings: Array<{ stage: string; ms: number; count: number }>;
  /** Pages rendered, of all the site's pages (fewer after a change, when the previous build's state was used). */
  pages?: { rendered: number; total: number; changed: number; removed: number };
  /** With `keep`: the state and the live index. */
  live?: LiveSite;
}

/**
 * Builds the reader and the dataset: ingest → annotate → validate (the pipeline), then render, index
 * (Pagefind) and export, all into a temporary folder beside the output that replaces the output only
 * once every stage succeeded. A failed build leaves the old site intact.
 *
 * With the state the previous build left (state.ts), only the pages whose data changed are
 * rendered; the others are hard links to the previous site's files, and a search bundle none of
 * whose pages changed is linked whole.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((): void => undefined);
  const root = resolve(options.root);
  const output = resolve(options.output ?? join(root, '_site'));
  const useCache = options.cache !== false;
  const buildStarted = performance.now();
  const debug = process.env['GLOSS_DEBUG'] ? (what: string): void => console.log(`[debug ${((performance.now() - buildStarted) / 1000).toFixed(2)} s] ${what}`) : (): void => undefined;
  const pipeline = await runPipeline({
    root,
    seeds: options.seeds,
    data: options.data,
    strict: options.strict,
    workers: options.workers,
    onProgress: options.progress && ((stage, done, total) => options.progress!(stage, done, total, 'articles')),
    cacheDir: useCache ? (options.cacheDir ?? join(root, '.cache', 'annotations')) : undefined,
    memo: options.memo,
    onStage: (stage, event, detail) => {
      if (event === 'end') log(`${stage.padEnd(9)} ${String(detail.count).padStart(6)} articles  ${(detail.ms / 1000).toFixed(2)} s`);
    },
  });
  const problems = pipeline.problems;
  const timings = [...pipeline.timings];
  let corpus: Corpus | null = pipeline.corpus;
  for (const p of problems) if (p.severity === 'warning' && !options.strict) log(`warning: ${formatProblem(p)}`);
  if (!corpus) return { ok: false, problems, timings };
  // Held only by `corpus` and the site data from here, so that both can be let go after rendering.
  pipeline.corpus = null;
  debug('pipeline done');
  const templates = await loadTemplates(root);
  const site = siteData(corpus);
  setSite(site);
  setBundleSizes(site, options.bundleSizes);
  const stateFile = useCache && options.index !== false ? join(options.stateDir ?? join(root, '.cache', 'site'), 'state.json') : null;
  const version = codeVersion(root);
  const shards = siteShards(site);
  const previous = stateFile ? usable(loadState(stateFile, output, version), output, shards) : null;
  debug('templates, site data, state loaded');
  collectGarbage();
  mkdirSync(dirname(output), { recursive: true });
  removeLeftovers(output);
  const temp = mkdtempSync(join(dirname(output), '.gloss-build-'));
  // mkdtemp makes the folder private; a site is read by web servers running as other users.
  chmodSync(temp, 0o755);
  // The dataset is written by a worker thread while this one renders and Pagefind indexes (started
  // after the rendering, it saved no time and raised the peak memory: it then ran while Pagefind's
  // index peaks). The worker has its own copy of the corpus once it has started.
  const exportStarted = performance.now();
  let exportMs = 0;
  const { currentDataset, startDatasetExport } = await import('./export/background.ts');
  // The files that come out as the site's current dataset has them are linked from it.
  const exportRunning = startDatasetExport(corpus, join(temp, 'data'), currentDataset(output));
  const exporting = exportRunning
    .then((running) => running.finished)
    .then((downloads) => {
      exportMs = performance.now() - exportStarted;
      return downloads;
    });
  exporting.catch(() => undefined);
  let indexer: LiveIndexer | null = null;
  try {
    const n = corpus.documents.length;
    const indexStarted = performance.now();
    const renderStarted = performance.now();
    const pages = await listPages(templates);
    const fingerprints = new Fingerprints(site);
    const t0 = performance.now();
    let dirty = pagesToRender(pages, previous?.render ?? null, fingerprints);
    if (process.env['GLOSS_DEBUG']) console.log(`plan ${(performance.now() - t0).toFixed(0)} ms; list ${(t0 - renderStarted).toFixed(0)} ms`);
    // Pages not rendered again are the previous build's files; one that cannot be linked is rendered.
    if (previous) dirty = linkUnchanged(pages, dirty, output, temp);
    debug('unchanged pages linked');
    // Pagefind indexes each page as it is rendered: the shards and the rendering run on different cores.
    if (options.index !== false) {
      const { startIndexer } = await import('./index/background.ts');
      indexer = await startIndexer(shards, { keep: options.keep, onProgress: options.progress && ((done, total) => options.progress!('index', done, total, 'pages')) });
      // A kept index must read every page: it is built whole, and holds what it read for later updates.
      indexer.expect(
        pages.map((p) => ({ path: p.path, rendered: dirty.has(p.path) })),
        options.keep ? null : (previous?.index ?? null),
        // The pages not rendered again are linked into the new site already: a shard that changed reads them while the others render.
        temp,
      );
    }
    debug('indexer started');
    copyPassthrough(root, templates, temp);
    const made = new Set<string>();
    const rendered = await renderPages({
      templates,
      site,
      pages,
      dirty,
      previous: previous?.render ?? null,
      fingerprints,
      onPage: (path, html) => {
        writePage(temp, path, html, made);
        indexer?.page(path, html);
      },
      onProgress: throttled(options.progress && ((done, total) => options.progress!('render', done, total, 'pages'))),
    });
    const renderMs = performance.now() - renderStarted;
    debug('rendered');
    if (process.env['GLOSS_DEBUG']) {
      const fam = (p: string): string => p.split('/')[0]! + (p.split('/').length > 3 ? '/…' : '');
      const count = (xs: Iterable<string>): Record<string, number> => { const c: Record<string, number> = {}; for (const x of xs) c[fam(x)] = (c[fam(x)] ?? 0) + 1; return c; };
      console.log('rendered', JSON.stringify(count(dirty)), '\nchanged', JSON.stringify(count(rendered.changed)));
    }
    timings.push({ stage: 'render', ms: renderMs, count: n });
    log(`${'render'.padEnd(9)} ${String(n).padStart(6)} articles  ${(renderMs / 1000).toFixed(2)} s (${dirty.size} of ${pages.length} pages rendered)`);
    // The corpus, the site data and the render state are garbage now, collected before Pagefind's
    // index peaks. The export worker has its own copy of the corpus by then.
    await exportRunning.catch(() => undefined);
    corpus = null;
    clearSite();
    collectGarbage();
    let outcomes: ShardOutcome[] = [];
    let bundles: { bundles: BuildState['bundles']; sorts: BuildState['sorts'] } = { bundles: {}, sorts: {} };
    const live = indexer;
    if (indexer) {
      const started = performance.now();
      outcomes = await indexer.finish(temp);
      // A kept index stays open for updates, and is stopped only if this build fails.
      if (!options.keep) indexer = null;
      if (previous) linkBundles(outcomes, shards, previous, output, temp);
      bundles = settleSorts(temp, shards, outcomes, previous);
      const ms = performance.now() - started;
      timings.push({ stage: 'index', ms, count: n });
      const built = outcomes.filter((o) => o.built).map((o) => o.shard);
      log(`${'index'.padEnd(9)} ${String(n).padStart(6)} articles  ${(ms / 1000).toFixed(2)} s (${((performance.now() - indexStarted) / 1000).toFixed(2)} s in all, alongside render; ${built.length ? `built ${built.join(', ')}` : 'no bundle changed'})`);
    }
    debug('indexed');
    const waited = performance.now();
    const downloads = await exporting;
    // The data page was rendered before the archive and the database were written.
    const { fillDataPage } = await import('./export/figures.ts');
    fillDataPage(temp, downloads);
    const waitMs = performance.now() - waited;
    timings.push({ stage: 'export', ms: waitMs, count: n });
    log(`${'export'.padEnd(9)} ${String(n).padStart(6)} articles  ${(waitMs / 1000).toFixed(2)} s (${(exportMs / 1000).toFixed(2)} s in all, alongside render and index)`);
    const old = `${output}.old-${process.pid}-${Date.now()}`;
    if (existsSync(output)) renameSync(output, old);
    renameSync(temp, output);
    removeLater(old);
    debug('swapped');
    const state = {
      version,
      render: rendered.state,
      index: Object.fromEntries(outcomes.map((o) => [o.shard, o.hashes])),
      ...bundles,
    };
    if (stateFile) saveState(stateFile, state, output);
    debug('state saved');
    return {
      ok: true,
      problems,
      timings,
      pages: { rendered: dirty.size, total: pages.length, changed: rendered.changed.length, removed: rendered.removed.length },
      live: options.keep ? { state, indexer: live, templates } : undefined,
    };
  } catch (e) {
    clearSite();
    // The export worker may still be writing into the temporary folder: let it finish first.
    await exporting.catch(() => undefined);
    await indexer?.abort();
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}

/** A full garbage collection, when Node runs with --expose-gc (the npm scripts run it so). */
/**
 * Removes a previous site in a detached process: unlinking its thousands of files took a loaded
 * machine longer than a rebuild, and the new site is in place already. A folder left by a removal
 * that did not finish is removed at the next build (removeLeftovers).
 */
function removeLater(path: string): void {
  if (!existsSync(path)) return;
  try {
    const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', path], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(path, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}

/** Previous sites (`OUTPUT.old-PID-TIME`) whose removal did not finish, removed in the background. */
function removeLeftovers(output: string): void {
  const prefix = `${basename(output)}.old-`;
  let names: string[];
  try {
    names = readdirSync(dirname(output));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && /^\d+-\d+$/.test(name.slice(prefix.length))) removeLater(join(dirname(output), name));
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The file of `path` under `site`, its folder made if `made` does not list it yet. */
export function fileUnder(site: string, path: string, made: Set<string>): string {
  const target = join(site, ...path.split('/'));
  const dir = dirname(target);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  return target;
}

/** Writes a page under the site folder, making its folder (`made` remembers the folders made). */
export function writePage(site: string, path: string, html: string, made: Set<string>): void {
  writeFileSync(fileUnder(site, path, made), html);
}

/** Copies the passthrough folders and files (the assets) into the site. */
export function copyPassthrough(root: string, templates: Templates, site: string): void {
  for (const { from, to } of templates.passthrough) cpSync(join(root, from), join(site, to), { recursive: true });
}

/** Makes `to/path` a second name of `from/path` (a copy where links are refused). */
function linkFile(from: string, to: string, path: string, made: Set<string>): void {
  const target = fileUnder(to, path, made);
  const source = join(from, ...path.split('/'));
  try {
    linkSync(source, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    copyFileSync(source, target);
  }
}

/**
 * Links the previous site's file of each page not to be rendered into the new site. The new build
 * never writes into a linked file (it writes only the pages it renders, which are not linked), so
 * the previous site stays as it was until the new one replaces it. A page whose file is missing is
 * rendered instead: the set returned is `dirty` with those pages.
 */
function linkUnchanged(pages: PageSpec[], dirty: Set<string>, previous: string, site: string): Set<string> {
  const made = new Set<string>();
  const render = new Set(dirty);
  for (const page of pages) {
    if (render.has(page.path)) continue;
    try {
      linkFile(previous, site, page.path, made);
    } catch {
      render.add(page.path);
    }
  }
  return render;
}

/**
 * A previous build's state, with the shards that are not this build's, or whose bundle is no
 * longer whole in its output, forgotten (they are built again).
 */
function usable(state: BuildState | null, output: string, shards: readonly Shard[]): BuildState | null {
  if (!state) return null;
  const index: BuildState['index'] = {};
  for (const shard of shards) {
    const files = Object.keys(state.bundles[shard.name] ?? {});
    if (state.index[shard.name] && files.length && files.every((f) => existsSync(join(output, shard.bundle, ...f.split('/'))))) index[shard.name] = state.index[shard.name]!;
  }
  return { ...state, index };
}

/** Links the previous bundle of each shard none of whose pages changed. */
function linkBundles(outcomes: ShardOutcome[], shards: readonly Shard[], previous: BuildState, output: string, site: string): void {
  const made = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.built) continue;
    const shard = shards.find((s) => s.name === outcome.shard)!;
    for (const file of Object.keys(previous.bundles[outcome.shard] ?? {})) linkFile(join(output, shard.bundle), join(site, shard.bundle), file, made);
  }
}
