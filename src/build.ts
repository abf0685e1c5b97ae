import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { runPipeline } from './pipeline.ts';
import { formatProblem } from './problems.ts';
import { throttled } from './progress.ts';
import { clearSite, setSite } from './render/eleventy.ts';
import { siteData } from './render/site.ts';
import type { ContentProblem, Corpus } from './types.ts';
import type { Indexer } from './index/index.ts';
import type { EleventyUserConfig } from '@11ty/eleventy';

/** What a build is asked to do. */
export interface BuildOptions {
  /** Project folder (holds seeds/, _data/, src/site/, .eleventy.js). */
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
  /** Set false to annotate every article afresh. */
  cache?: boolean;
  /** Progress and summary lines. */
  log?: (line: string) => void;
  /**
   * Called as a stage works through its items: annotation reports articles, rendering and
   * indexing report pages (`unit`).
   */
  progress?: (stage: string, done: number, total: number, unit: 'articles' | 'pages') => void;
}

/** The outcome of a build: success with stage timings, or the problems that stopped it. */
export interface BuildResult {
  ok: boolean;
  problems: ContentProblem[];
  timings: Array<{ stage: string; ms: number; count: number }>;
}

/**
 * Builds the reader and the dataset: ingest → annotate → validate (the pipeline), then render
 * (Eleventy), index (Pagefind) and export, all into a temporary folder beside the output that
 * replaces the output only once every stage succeeded. A failed build leaves the old site intact.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((): void => undefined);
  const root = resolve(options.root);
  const output = resolve(options.output ?? join(root, '_site'));
  const pipeline = await runPipeline({
    root,
    seeds: options.seeds,
    data: options.data,
    strict: options.strict,
    workers: options.workers,
    onProgress: options.progress && ((stage, done, total) => options.progress!(stage, done, total, 'articles')),
    cacheDir: options.cache === false ? undefined : (options.cacheDir ?? join(root, '.cache', 'annotations')),
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
  setSite(siteData(corpus));
  collectGarbage();
  mkdirSync(dirname(output), { recursive: true });
  const temp = mkdtempSync(join(dirname(output), '.gloss-build-'));
  // mkdtemp makes the folder private; a site is read by web servers running as other users.
  chmodSync(temp, 0o755);
  // The dataset is written by a worker thread while this one renders and Pagefind indexes (started
  // after the rendering, it saved no time and raised the peak memory: it then ran while Pagefind's
  // index peaks). The worker has its own copy of the corpus once it has started.
  const exportStarted = performance.now();
  let exportMs = 0;
  const { startDatasetExport } = await import('./export/background.ts');
  const exportRunning = startDatasetExport(corpus, join(temp, 'data'));
  const exporting = exportRunning
    .then((running) => running.finished)
    .then((downloads) => {
      exportMs = performance.now() - exportStarted;
      return downloads;
    });
  exporting.catch(() => undefined);
  let indexer: Indexer | null = null;
  try {
    const stage = async (name: string, count: number, run: () => Promise<void> | void): Promise<void> => {
      const started = performance.now();
      await run();
      const ms = performance.now() - started;
      timings.push({ stage: name, ms, count });
      log(`${name.padEnd(9)} ${String(count).padStart(6)} articles  ${(ms / 1000).toFixed(2)} s`);
    };
    const n = corpus.documents.length;
    // Pagefind indexes each page as Eleventy renders it: the two run on different cores.
    const indexStarted = performance.now();
    if (options.index !== false) {
      const { startIndexer } = await import('./index/background.ts');
      indexer = await startIndexer(options.progress && ((done, total) => options.progress!('index', done, total, 'pages')));
    }
    await stage('render', n, async () => {
      const { default: Eleventy } = await import('@11ty/eleventy');
      const elev = new Eleventy(join(root, 'src', 'site'), temp, {
        configPath: join(root, '.eleventy.js'),
        quietMode: true,
        config: followPages(temp, indexer, options.progress && ((done, total) => options.progress!('render', done, total, 'pages'))),
      });
      await elev.write();
    });
    // The corpus, the site data and Eleventy's working memory are garbage now, collected before
    // Pagefind's index peaks. The export worker has its own copy of the corpus by then.
    await exportRunning.catch(() => undefined);
    corpus = null;
    clearSite();
    collectGarbage();
    if (indexer) {
      const started = performance.now();
      await indexer.finish(temp);
      const ms = performance.now() - started;
      timings.push({ stage: 'index', ms, count: n });
      log(`${'index'.padEnd(9)} ${String(n).padStart(6)} articles  ${(ms / 1000).toFixed(2)} s (${((performance.now() - indexStarted) / 1000).toFixed(2)} s in all, alongside render)`);
    }
    const waited = performance.now();
    const downloads = await exporting;
    // The data page was rendered before the archive and the database were written.
    const { fillDataPage } = await import('./export/figures.ts');
    fillDataPage(temp, downloads);
    const waitMs = performance.now() - waited;
    timings.push({ stage: 'export', ms: waitMs, count: n });
    log(`${'export'.padEnd(9)} ${String(n).padStart(6)} articles  ${(waitMs / 1000).toFixed(2)} s (${(exportMs / 1000).toFixed(2)} s in all, alongside render and index)`);
    const old = `${output}.old-${process.pid}`;
    if (existsSync(output)) renameSync(output, old);
    renameSync(temp, output);
    rmSync(old, { recursive: true, force: true });
    return { ok: true, problems, timings };
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
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Eleventy configuration that follows the pages as they are rendered: it reports progress, and
 * hands each HTML page to the indexer (when there is one), first the paths of all the pages
 * (Eleventy knows every URL before it renders any), then each page as it is rendered.
 */
function followPages(output: string, indexer: Indexer | null, onProgress?: (done: number, total: number) => void): (config: EleventyUserConfig) => void {
  return (config) => {
    // Eleventy times each transform and warns on stderr when one takes over 8% of the build, even in
    // quiet mode (its quiet flag never reaches that timer). Handing a page over costs little, but the
    // timer charges it with joining the page's pieces into one string, which writing it needs anyway.
    config.benchmarks?.config?.setIsVerbose(false);
    let total = 0;
    let rendered = 0;
    const report = throttled(onProgress);
    config.on('eleventy.contentMap', ({ inputPathToUrl }) => {
      // Pages only: the search's name files (JSON) are rendered too, but are not pages.
      const pages = Object.values(inputPathToUrl).flat().flatMap((url) => (url.endsWith('/') ? [`${url.slice(1)}index.html`] : url.endsWith('.html') ? [url.slice(1)] : []));
      total = pages.length;
      indexer?.expect(pages);
    });
    config.addTransform('gloss-pages', function (this: { page: { outputPath: string | false } }, content: string) {
      const path = this.page.outputPath;
      if (typeof path !== 'string' || !path.endsWith('.html')) return content;
      indexer?.page(relative(output, resolve(path)).split(sep).join('/'), content);
      // Eleventy renders without pausing, so a terminal line redrawn from here is the only sign of life.
      rendered++;
      report(rendered, Math.max(total, rendered));
      return content;
    });
  };
}
