/**
 * `npm run bench` (issues 8 and 13): builds corpora of BBC News articles end to end (ingest, annotate,
 * validate, render, index, export) in temporary folders, each build in its own child process, and
 * beside each a baseline (Eleventy rendering the same articles as plain Markdown pages, then Pagefind).
 * Prints one line per stage as it ends, then a table, the targets with PASS/FAIL, and writes
 * bench/results.json.
 *
 *   npm run bench                        the BBC archive as a user drops it into seeds/: its five topic
 *                                        folders as they are (2,225 articles, ids from their paths, the
 *                                        sidecar the file that is not UTF-8 needs)
 *   npm run bench -- --sizes 1000,5000,10000   the corpus repeated to these sizes, with distinct ids
 *   npm run bench -- --quick             sizes 200, 1000 (a smoke run)
 *   npm run bench -- --warm              only the warm rebuild at 2,000 articles (one article changed);
 *                                        with --sizes or --quick, the sizes too
 *   npm run bench -- --watch             only `npm start` at 2,000 articles: three saved changes, each
 *                                        timed until the served page and a search show it
 *                                        (scripts/bench-watch.ts); with other options, those too
 *   --bbc          the BBC archive too, with --sizes, --quick or --warm
 *   --workers N    annotation threads (default: build()'s own choice)
 *   --no-baseline  skip the baseline builds
 *   --keep         keep the temporary folders (their paths are printed)
 *
 * The corpus is read from ../shared/corpora/bbc-news/ (from the project root) and never copied into
 * the project. MB are 10^6 bytes of article text (UTF-8); GB of memory are 2^30 bytes.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaselineJob, BaselineMessage } from './bench-baseline.ts';
import { corpusDir, prepareArchive, prepareBaseline, prepareCorpus, readSource, type SourceCorpus } from './bench-corpus.ts';
import type { GlossJob, GlossMessage } from './bench-gloss.ts';
import { outputSize, runChild, type OutputSize } from './bench-run.ts';
import { benchWatch, type WatchRun } from './bench-watch.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const GLOSS_STAGES = ['ingest', 'annotate', 'validate', 'render', 'index', 'export'];
const WARM_SIZE = 2000;
const MB = 1e6;
const GB = 2 ** 30;

// ---------------------------------------------------------------- options

interface Options {
  sizes: number[];
  /** Whether to build the BBC archive as dropped in (the default when no size is asked for). */
  bbc: boolean;
  warm: boolean;
  watch: boolean;
  baseline: boolean;
  keep: boolean;
  workers: number | undefined;
}

function parseOptions(args: string[]): Options {
  const usage = 'the options are --sizes N,N,…, --quick, --warm, --watch, --bbc, --workers N, --no-baseline, --keep';
  let sizes: number[] | null = null;
  let warm = false;
  let watch = false;
  let bbc = false;
  let baseline = true;
  let keep = false;
  let workers: number | undefined;
  const fail = (why: string): never => {
    console.error(`npm run bench: ${why}; ${usage}`);
    process.exit(2);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--sizes') {
      const value = args[++i] ?? '';
      sizes = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
      if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes wants whole numbers separated by commas, not "${value}"`);
    } else if (arg === '--quick') sizes = [200, 1000];
    else if (arg === '--warm') warm = true;
    else if (arg === '--watch') watch = true;
    else if (arg === '--bbc') bbc = true;
    else if (arg === '--no-baseline') baseline = false;
    else if (arg === '--keep') keep = true;
    else if (arg === '--workers') {
      workers = Number(args[++i]);
      if (!Number.isInteger(workers) || workers < 1) fail('--workers wants a whole number of threads');
    } else fail(`unknown option ${arg}`);
  }
  return { sizes: sizes ?? [], bbc: bbc || (sizes === null && !warm && !watch), warm, watch, baseline, keep, workers };
}

// ---------------------------------------------------------------- measurements

interface GlossRun {
  ok: boolean;
  error: string | null;
  stages: Record<string, number>;
  /** Time in build() outside the named stages (site data, moving the output into place). */
  otherMs: number;
  totalMs: number;
  annotateCpuS: number;
  /** CPU seconds of the build process (all its threads; not Pagefind's binary). */
  cpuS: number;
  /** CPU seconds of Pagefind's processes. */
  pagefindCpuS: number;
  /** Pages rendered, of the site's pages. */
  pages: { rendered: number; total: number } | null;
  /** The machine's 1-minute load average when the build ended: above the core count, other work slowed it. */
  load: number;
  maxRss: number;
  treePeak: number;
  output: OutputSize | null;
}

interface BaselineRun {
  ok: boolean;
  error: string | null;
  /** CPU seconds: Eleventy's process, and Pagefind's. */
  cpuS: number;
  pagefindCpuS: number;
  renderMs: number;
  indexMs: number;
  totalMs: number;
  pages: number;
  load: number;
  maxRss: number;
  treePeak: number;
  output: OutputSize | null;
}

interface SizeResult {
  size: number;
  /** The BBC archive as dropped in, or the corpus repeated to `size` articles. */
  corpus: 'bbc' | 'repeated';
  textBytes: number;
  gloss: GlossRun;
  baseline: BaselineRun | null;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const mb = (bytes: number): string => (bytes / MB).toFixed(1);
const gb = (bytes: number): string => (bytes / GB).toFixed(2);

function explain(outcome: { exitCode: number | null; signal: string | null; stderrTail: string[] }, message: string | null): string {
  if (message) return message;
  const oom = outcome.stderrTail.some((l) => /heap out of memory|Allocation failed/i.test(l));
  return `the child process ${outcome.signal ? `was killed by ${outcome.signal}` : `exited with ${outcome.exitCode}`}${oom ? ' (JavaScript heap out of memory)' : ''}: ${outcome.stderrTail.slice(-3).join(' / ')}`;
}

async function runGloss(label: string, job: GlossJob, outputDir: string): Promise<GlossRun> {
  const done: Record<string, number> = {};
  const outcome = await runChild<GlossMessage>(join(root, 'scripts', 'bench-gloss.ts'), job, {
    cwd: root,
    label,
    onMessage: (m) => {
      if (m.type !== 'stage') return;
      done[m.stage] = m.ms;
      console.log(`${label} ${m.stage.padEnd(9)} ${String(m.count).padStart(6)} articles ${seconds(m.ms).padStart(8)} s`);
    },
  });
  const result = outcome.messages.find((m): m is Extract<GlossMessage, { type: 'result' }> => m.type === 'result');
  const failure = outcome.messages.find((m): m is Extract<GlossMessage, { type: 'error' }> => m.type === 'error');
  const warnings = outcome.messages.filter((m) => m.type === 'warning').length;
  if (warnings) console.log(`${label} ${warnings} warning(s) from the build (not fatal)`);
  if (!result || !result.ok) {
    const failing = GLOSS_STAGES.find((s) => done[s] === undefined) ?? 'the end of the build';
    const cause = result ? `the build stopped on ${result.problemCount} problem(s): ${result.problems.join(' | ')}` : explain(outcome, failure?.message ?? null);
    const why = `in ${failing}: ${cause}`;
    console.log(`${label} FAILED ${why}`);
    return { ok: false, error: why, stages: done, otherMs: 0, totalMs: 0, annotateCpuS: 0, cpuS: 0, pagefindCpuS: outcome.descendantsCpuS, pages: null, load: loadavg()[0] ?? 0, maxRss: Math.max(outcome.hwm, result?.maxRss ?? 0), treePeak: outcome.treePeak, output: null };
  }
  const stages: Record<string, number> = {};
  for (const t of result.timings) stages[t.stage] = (stages[t.stage] ?? 0) + t.ms;
  const staged = Object.values(stages).reduce((a, b) => a + b, 0);
  const output = outputSize(outputDir);
  const load = loadavg()[0] ?? 0;
  const cpuS = Object.values(result.cpu).reduce((a, b) => a + b, 0);
  console.log(
    `${label} total ${seconds(result.totalMs)} s (CPU: ${cpuS.toFixed(1)} s Gloss, ${outcome.descendantsCpuS.toFixed(1)} s Pagefind; load ${load.toFixed(1)})${result.pages ? `; ${result.pages.rendered} of ${result.pages.total} pages rendered` : ''}; peak RSS ${gb(Math.max(result.maxRss, outcome.hwm, outcome.treePeak))} GB; output ${mb(output.bytes)} MB in ${output.files} files`,
  );
  return {
    ok: true,
    error: null,
    stages,
    otherMs: Math.max(0, result.totalMs - staged),
    totalMs: result.totalMs,
    annotateCpuS: result.cpu.annotate ?? 0,
    cpuS,
    pagefindCpuS: outcome.descendantsCpuS,
    pages: result.pages,
    load,
    maxRss: Math.max(result.maxRss, outcome.hwm),
    treePeak: outcome.treePeak,
    output,
  };
}

async function runBaseline(label: string, job: BaselineJob, cwd: string): Promise<BaselineRun> {
  const outcome = await runChild<BaselineMessage>(join(root, 'scripts', 'bench-baseline.ts'), job, {
    cwd,
    label,
    onMessage: (m) => {
      if (m.type === 'stage') console.log(`${label} ${m.stage.padEnd(9)} ${String(m.count).padStart(6)} pages    ${seconds(m.ms).padStart(8)} s`);
    },
  });
  const result = outcome.messages.find((m): m is Extract<BaselineMessage, { type: 'result' }> => m.type === 'result');
  const failure = outcome.messages.find((m): m is Extract<BaselineMessage, { type: 'error' }> => m.type === 'error');
  if (!result) {
    const why = explain(outcome, failure?.message ?? null);
    console.log(`${label} FAILED: ${why}`);
    return { ok: false, error: why, cpuS: 0, pagefindCpuS: outcome.descendantsCpuS, renderMs: 0, indexMs: 0, totalMs: 0, pages: 0, load: loadavg()[0] ?? 0, maxRss: outcome.hwm, treePeak: outcome.treePeak, output: null };
  }
  const ms = (stage: string): number => result.timings.find((t) => t.stage === stage)?.ms ?? 0;
  const output = outputSize(job.output);
  const load = loadavg()[0] ?? 0;
  console.log(`${label} total ${seconds(result.totalMs)} s (CPU: ${result.cpuS.toFixed(1)} s Eleventy, ${outcome.descendantsCpuS.toFixed(1)} s Pagefind; load ${load.toFixed(1)}); peak RSS ${gb(Math.max(result.maxRss, outcome.hwm, outcome.treePeak))} GB; output ${mb(output.bytes)} MB in ${output.files} files`);
  return { ok: true, error: null, cpuS: result.cpuS, pagefindCpuS: outcome.descendantsCpuS, renderMs: ms('render'), indexMs: ms('index'), totalMs: result.totalMs, pages: result.pages, load, maxRss: Math.max(result.maxRss, outcome.hwm), treePeak: outcome.treePeak, output };
}

function tempFolder(what: string, keep: boolean): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `gloss-bench-${what}-`));
  if (keep) console.log(`(keeping ${dir})`);
  return { dir, done: () => (keep ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

/** How a result is named in the log and the tables: its size, and "bbc" for the archive. */
const sizeLabel = (r: { size: number; corpus: SizeResult['corpus'] }): string => (r.corpus === 'bbc' ? `${r.size} bbc` : String(r.size));

async function benchSize(source: SourceCorpus, size: number, options: Options, corpusKind: SizeResult['corpus'] = 'repeated'): Promise<SizeResult> {
  const name = corpusKind === 'bbc' ? 'bbc' : String(size);
  const temp = tempFolder(name, options.keep);
  try {
    const started = performance.now();
    const seeds = join(temp.dir, 'seeds');
    const corpus = corpusKind === 'bbc' ? prepareArchive(source, seeds) : prepareCorpus(source, seeds, size);
    console.log(`[corpus ${name}] wrote ${corpus.files.length} articles (${mb(corpus.bytes)} MB of text) and ${corpus.sidecars.length} sidecars in ${seconds(performance.now() - started)} s`);
    const output = join(temp.dir, 'site');
    const gloss = await runGloss(`[gloss ${name}]`, { root, seeds: corpus.seeds, output, cacheDir: join(temp.dir, '.cache', 'annotations'), stateDir: join(temp.dir, '.cache', 'site'), workers: options.workers }, output);
    let baseline: BaselineRun | null = null;
    if (options.baseline) {
      const project = prepareBaseline(source, join(temp.dir, 'baseline'), size);
      baseline = await runBaseline(`[baseline ${name}]`, { input: project.input, output: join(temp.dir, 'baseline', '_site'), config: project.config }, join(temp.dir, 'baseline'));
    }
    return { size, corpus: corpusKind, textBytes: corpus.bytes, gloss, baseline };
  } finally {
    temp.done();
  }
}

interface WarmResult {
  size: number;
  cold: GlossRun;
  warm: GlossRun;
  changed: string;
  ratio: number | null;
}

async function benchWarm(source: SourceCorpus, options: Options): Promise<WarmResult> {
  const size = WARM_SIZE;
  const temp = tempFolder(`warm-${size}`, options.keep);
  try {
    const corpus = prepareCorpus(source, join(temp.dir, 'seeds'), size);
    console.log(`[corpus warm ${size}] wrote ${corpus.files.length} articles (${mb(corpus.bytes)} MB of text)`);
    const output = join(temp.dir, 'site');
    const job: GlossJob = { root, seeds: corpus.seeds, output, cacheDir: join(temp.dir, '.cache', 'annotations'), stateDir: join(temp.dir, '.cache', 'site'), workers: options.workers };
    const cold = await runGloss(`[cold ${size}]`, job, output);
    if (!cold.ok) return { size, cold, warm: { ...cold, error: 'not run: the cold build failed' }, changed: '', ratio: null };
    // One article changes: a paragraph is added at its end.
    const changed = corpus.files[Math.floor(size / 2)]!;
    appendFileSync(join(corpus.seeds, changed), '\n\nThis paragraph was added by the benchmark to measure a warm rebuild after one article changed.\n');
    console.log(`[warm ${size}] changed seeds/${changed}`);
    const warm = await runGloss(`[warm ${size}]`, job, output);
    const ratio = cold.ok && warm.ok ? warm.totalMs / cold.totalMs : null;
    return { size, cold, warm, changed, ratio };
  } finally {
    temp.done();
  }
}

// ---------------------------------------------------------------- report

/** A plain-text table: columns of numbers (and "-", "n/a", "12.3x", "45%") right-aligned, text left-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^(-?[\d.,]+(x|%| s)?|-|n\/a|FAIL)?$/.test(r[i] ?? '')));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A file size for people: kB below a megabyte. */
const fileSize = (bytes: number): string => (bytes >= MB ? `${mb(bytes)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`);

interface Derived {
  size: number;
  corpus: SizeResult['corpus'];
  totalS: number;
  articlesPerS: number;
  msPerArticle: number;
  annotateMBps: number;
  coresUsed: number;
  annotateMBpsPerCore: number;
  peakRss: number;
  baselineS: number | null;
  ratio: number | null;
}

function derive(r: SizeResult): Derived | null {
  if (!r.gloss.ok) return null;
  const totalS = r.gloss.totalMs / 1000;
  const annotateS = (r.gloss.stages.annotate ?? 0) / 1000;
  const textMB = r.textBytes / MB;
  const cpu = r.gloss.annotateCpuS;
  const baselineS = r.baseline?.ok ? r.baseline.totalMs / 1000 : null;
  return {
    size: r.size,
    corpus: r.corpus,
    totalS,
    articlesPerS: r.size / totalS,
    msPerArticle: r.gloss.totalMs / r.size,
    annotateMBps: annotateS > 0 ? textMB / annotateS : 0,
    coresUsed: annotateS > 0 ? cpu / annotateS : 0,
    // MB of text / annotate seconds / cores used = MB per CPU-second of the annotate stage.
    annotateMBpsPerCore: cpu > 0 ? textMB / cpu : 0,
    peakRss: Math.max(r.gloss.maxRss, r.gloss.treePeak),
    baselineS,
    ratio: baselineS ? totalS / baselineS : null,
  };
}

interface Target {
  target: string;
  value: string;
  pass: boolean | null;
}

function targets(results: SizeResult[], warm: WarmResult | null, watch: WatchRun | null): Target[] {
  const derived = results.map(derive).filter((d): d is Derived => d !== null);
  const at = (n: number): Derived | undefined => derived.find((d) => d.size === n && d.corpus === 'repeated');
  const failed = (n: number): SizeResult | undefined => results.find((r) => r.size === n && r.corpus === 'repeated' && !r.gloss.ok);
  const failedAt = (n: number): string => `the ${n.toLocaleString('en')}-article build failed ${firstLine(failed(n)?.gloss.error ?? null).split(':')[0] ?? ''}`.trim();
  const largest = derived.reduce<Derived | undefined>((a, d) => (!a || d.size > a.size ? d : a), undefined);
  const notMeasured = (what: (d: Derived) => string): string => (largest ? `not measured (${what(largest)} at ${largest.size})` : 'not measured');
  /** A target measured at one size: its figure, FAIL when that build failed, or not measured. */
  const atSize = (target: string, size: number, d: Derived | undefined, measure: (d: Derived) => { value: string; pass: boolean } | null, fallback: string): Target => {
    const m = d ? measure(d) : null;
    if (m) return { target, ...m };
    if (failed(size)) return { target, value: failedAt(size), pass: false };
    return { target, value: fallback, pass: null };
  };
  const d10 = at(10000);
  const d1 = at(1000);
  const list: Target[] = [];
  const bbc = results.find((r) => r.corpus === 'bbc');
  if (bbc) {
    const d = derived.find((x) => x.corpus === 'bbc');
    const target = 'Gloss / baseline <= 2.0 on the BBC archive as dropped in';
    if (d?.ratio != null) list.push({ target, value: `${d.ratio.toFixed(2)}x (${d.totalS.toFixed(1)} vs ${d.baselineS!.toFixed(1)} s)`, pass: d.ratio <= 2 });
    else list.push({ target, value: bbc.gloss.ok ? 'not measured (no baseline)' : `the archive's build failed ${firstLine(bbc.gloss.error).split(':')[0] ?? ''}`.trim(), pass: bbc.gloss.ok ? null : false });
  }
  list.push(atSize('10,000 articles full build <= 60 s', 10000, d10, (d) => ({ value: `${d.totalS.toFixed(1)} s`, pass: d.totalS <= 60 }), notMeasured((d) => `${d.totalS.toFixed(1)} s`)));
  const rss = results.map((r) => ({ label: sizeLabel(r), rss: Math.max(r.gloss.maxRss, r.gloss.treePeak) })).filter((r) => r.rss > 0);
  if (rss.length) {
    const worst = rss.reduce((a, r) => (r.rss > a.rss ? r : a));
    list.push({ target: 'peak RSS <= 2 GB (every size)', value: `${gb(worst.rss)} GB at ${worst.label}`, pass: worst.rss <= 2 * GB });
  } else list.push({ target: 'peak RSS <= 2 GB (every size)', value: 'not measured', pass: null });
  list.push(
    atSize('Gloss / baseline <= 2.0 at 10,000', 10000, d10, (d) => (d.ratio != null ? { value: `${d.ratio.toFixed(2)}x`, pass: d.ratio <= 2 } : null), notMeasured((d) => (d.ratio != null ? `${d.ratio.toFixed(2)}x` : 'no baseline'))),
  );
  const scaling = 'time per article at 10,000 <= 1.3x that at 1,000';
  if (d10 && d1) {
    const r = d10.msPerArticle / d1.msPerArticle;
    list.push({ target: scaling, value: `${r.toFixed(2)}x (${d10.msPerArticle.toFixed(1)} vs ${d1.msPerArticle.toFixed(1)} ms)`, pass: r <= 1.3 });
  } else if (failed(10000) || failed(1000)) list.push({ target: scaling, value: failedAt(failed(10000) ? 10000 : 1000), pass: false });
  else list.push({ target: scaling, value: 'not measured (needs sizes 1000 and 10000)', pass: null });
  if (derived.length) {
    // Judged at the largest size, where the fixed costs (worker start-up, loading the lexicon) weigh least.
    const big = largest!;
    list.push({ target: 'annotation >= 1 MB/s per core (largest size)', value: `${big.annotateMBpsPerCore.toFixed(2)} MB/s at ${big.size} (${big.coresUsed.toFixed(1)} cores)`, pass: big.annotateMBpsPerCore >= 1 });
  } else list.push({ target: 'annotation >= 1 MB/s per core', value: 'not measured', pass: null });
  const warmTarget = 'warm rebuild <= 30% of cold at 2,000';
  if (warm?.ratio != null) list.push({ target: warmTarget, value: `${(warm.ratio * 100).toFixed(0)}% (${seconds(warm.warm.totalMs)} of ${seconds(warm.cold.totalMs)} s)`, pass: warm.ratio <= 0.3 });
  else list.push({ target: warmTarget, value: warm ? `a build failed ${firstLine(warm.cold.ok ? warm.warm.error : warm.cold.error).split(':')[0] ?? ''}`.trim() : 'not measured (run with --warm)', pass: warm ? false : null });
  const watchTarget = 'npm start at 2,000: a saved change in the page and in search <= 3 s (median)';
  if (watch?.ok && watch.edits.length) {
    const page = median(watch.edits.map((e) => e.pageMs)) / 1000;
    const searched = watch.edits.every((e) => e.searchMs !== null);
    const search = searched ? median(watch.edits.map((e) => e.searchMs!)) / 1000 : null;
    list.push({ target: watchTarget, value: `page ${page.toFixed(2)} s, search ${search === null ? watch.search : `${search.toFixed(2)} s`}`, pass: search === null ? null : Math.max(page, search) <= 3 });
  } else list.push({ target: watchTarget, value: watch ? `failed: ${firstLine(watch.error)}` : 'not measured (run with --watch)', pass: watch ? false : null });
  return list;
}

/** Seconds per stage, other and total; a failed build shows the stages it finished and FAIL where it stopped. */
function stageCells(run: GlossRun): string[] {
  const failing = run.ok ? null : (GLOSS_STAGES.find((s) => run.stages[s] === undefined) ?? null);
  return [
    ...GLOSS_STAGES.map((s) => (run.stages[s] !== undefined ? seconds(run.stages[s]!) : s === failing ? 'FAIL' : '-')),
    run.ok ? seconds(run.otherMs) : '-',
    run.ok ? seconds(run.totalMs) : 'FAIL',
  ];
}

/** First line of a failure, for the notes under a table. */
const firstLine = (text: string | null): string => (text ?? '').split('\n')[0] ?? '';

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function report(results: SizeResult[], warm: WarmResult | null, watch: WatchRun | null): Target[] {
  const lines: string[] = [];
  if (results.length) {
    lines.push('', 'Gloss, full build (seconds of wall time per stage; "other" is build() outside the stages):', '');
    lines.push(
      table(
        ['articles', ...GLOSS_STAGES, 'other', 'total', 'art/s', 'annot MB/s', 'cores', 'MB/s/core', 'peak RSS GB', 'CPU s', 'baseline s', 'base CPU s', 'Gloss/base', 'load'],
        results.map((r) => {
          const d = derive(r);
          const cpu = (r.gloss.cpuS + r.gloss.pagefindCpuS).toFixed(1);
          const baseCpu = r.baseline?.ok ? (r.baseline.cpuS + r.baseline.pagefindCpuS).toFixed(1) : '-';
          if (!d) {
            const baselineS = r.baseline?.ok ? r.baseline.totalMs / 1000 : null;
            return [sizeLabel(r), ...stageCells(r.gloss), '-', '-', '-', '-', gb(Math.max(r.gloss.maxRss, r.gloss.treePeak)), '-', baselineS != null ? baselineS.toFixed(2) : '-', baseCpu, '-', r.gloss.load.toFixed(1)];
          }
          return [
            sizeLabel(r),
            ...stageCells(r.gloss),
            d.articlesPerS.toFixed(0),
            d.annotateMBps.toFixed(2),
            d.coresUsed.toFixed(1),
            d.annotateMBpsPerCore.toFixed(2),
            gb(d.peakRss),
            cpu,
            d.baselineS != null ? d.baselineS.toFixed(2) : '-',
            baseCpu,
            d.ratio != null ? `${d.ratio.toFixed(2)}x` : '-',
            r.gloss.load.toFixed(1),
          ];
        }),
      ),
    );
    for (const r of results) if (!r.gloss.ok) lines.push(`${sizeLabel(r)}: Gloss FAILED ${firstLine(r.gloss.error)}`);
    for (const r of results) if (r.baseline && !r.baseline.ok) lines.push(`${sizeLabel(r)}: baseline FAILED ${firstLine(r.baseline.error)}`);
    if (results.some((r) => r.baseline)) {
      lines.push('', 'Render cost per page and output (Gloss vs baseline):', '');
      lines.push(
        table(
          ['articles', 'Gloss pages', 'ms/page', 'Gloss MB', 'base pages', 'base ms/page', 'base render', 'base index', 'base RSS GB'],
          results.map((r) => {
            const g = r.gloss.output;
            const b = r.baseline;
            return [
              sizeLabel(r),
              g ? String(g.htmlPages) : '-',
              g && g.htmlPages ? ((r.gloss.stages.render ?? 0) / g.htmlPages).toFixed(2) : '-',
              g ? mb(g.bytes) : '-',
              b?.ok ? String(b.pages) : '-',
              b?.ok && b.pages ? (b.renderMs / b.pages).toFixed(2) : '-',
              b?.ok ? seconds(b.renderMs) : '-',
              b?.ok ? seconds(b.indexMs) : '-',
              b?.ok ? gb(Math.max(b.maxRss, b.treePeak)) : '-',
            ];
          }),
        ),
      );
    }
    const biggest = [...results].reverse().find((r) => r.gloss.output);
    if (biggest?.gloss.output) {
      const out = biggest.gloss.output;
      lines.push('', `Gloss output at ${biggest.size} articles: ${mb(out.bytes)} MB in ${out.files} files (${out.htmlPages} HTML pages, ${mb(out.htmlBytes)} MB)`, '');
      lines.push(
        table(
          ['folder', 'files', 'MB', 'largest files'],
          Object.entries(out.byFolder)
            .sort((a, b) => b[1].bytes - a[1].bytes)
            .map(([folder, f]) => [folder, String(f.files), mb(f.bytes), f.largest.map((l) => `${l.path} ${fileSize(l.bytes)}`).join(', ')]),
        ),
      );
    }
  }
  if (warm) {
    lines.push('', `Warm rebuild at ${warm.size} articles, one article changed (${warm.changed}):`, '');
    lines.push(
      table(
        ['build', ...GLOSS_STAGES, 'other', 'total', 'CPU s', 'pages rendered', 'load'],
        [
          ['cold', ...stageCells(warm.cold), (warm.cold.cpuS + warm.cold.pagefindCpuS).toFixed(1), warm.cold.pages ? `${warm.cold.pages.rendered} of ${warm.cold.pages.total}` : '-', warm.cold.load.toFixed(1)],
          ['warm', ...stageCells(warm.warm), (warm.warm.cpuS + warm.warm.pagefindCpuS).toFixed(1), warm.warm.pages ? `${warm.warm.pages.rendered} of ${warm.warm.pages.total}` : '-', warm.warm.load.toFixed(1)],
        ],
      ),
    );
    for (const [name, run] of [['cold', warm.cold], ['warm', warm.warm]] as const) if (!run.ok) lines.push(`${name}: FAILED ${firstLine(run.error)}`);
    if (warm.ratio != null) lines.push(`warm / cold: ${(warm.ratio * 100).toFixed(0)}%`);
  }
  if (watch) {
    lines.push('', `npm start at ${WARM_SIZE} articles: served after ${watch.startS.toFixed(1)} s; each saved change timed until the served page, and a search (${watch.search}), show it:`, '');
    lines.push(
      table(
        ['change', 'file', 'page s', 'search s', 'load'],
        watch.edits.map((e, i) => [String(i + 1), e.file, (e.pageMs / 1000).toFixed(2), e.searchMs === null ? 'n/a' : (e.searchMs / 1000).toFixed(2), e.load.toFixed(1)]),
      ),
    );
    for (const e of watch.edits) if (e.builder) lines.push(`  builder: ${e.builder}`);
    if (!watch.ok) lines.push(`watch: FAILED ${firstLine(watch.error)}`);
  }
  const busiest = Math.max(0, ...results.map((r) => Math.max(r.gloss.load, r.baseline?.load ?? 0)), warm ? Math.max(warm.cold.load, warm.warm.load) : 0, ...(watch?.edits.map((e) => e.load) ?? []));
  const cores = availableParallelism();
  if (busiest > cores * 1.25) {
    lines.push('', `Note: the machine was busy (1-minute load up to ${busiest.toFixed(1)} on ${cores} cores, "load" column): other work shared the CPUs, so times are longer than on an idle machine.`);
  }
  const list = targets(results, warm, watch);
  lines.push('', 'Targets:', '');
  lines.push(table(['target', 'measured', 'result'], list.map((t) => [t.target, t.value, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'])));
  console.log(lines.join('\n'));
  return list;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let source: SourceCorpus;
  let archive: SourceCorpus | null = null;
  try {
    const dir = corpusDir(root);
    source = readSource(dir, (line) => console.log(`[corpus] ${line}`));
    // The archive keeps the file that is not UTF-8, read as windows-1252 as Gloss reads it with its sidecar.
    if (options.bbc) archive = readSource(dir, (line) => console.log(`[corpus bbc] ${line}`), { windows1252: true });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  console.log(
    `[corpus] ${source.articles.length} usable articles from ${source.dir} (${source.skipped.length} skipped from the repeated corpora); ` +
      `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${gb(totalmem())} GB, Node ${process.version}, load ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
  const started = Date.now();
  const results: SizeResult[] = [];
  if (archive) results.push(await benchSize(archive, archive.articles.length, options, 'bbc'));
  for (const size of options.sizes) results.push(await benchSize(source, size, options));
  const warm = options.warm ? await benchWarm(source, options) : null;
  let watch: WatchRun | null = null;
  if (options.watch) {
    const temp = tempFolder(`watch-${WARM_SIZE}`, options.keep);
    try {
      const corpus = prepareCorpus(source, join(temp.dir, 'seeds'), WARM_SIZE);
      console.log(`[corpus watch ${WARM_SIZE}] wrote ${corpus.files.length} articles (${mb(corpus.bytes)} MB of text)`);
      watch = await benchWatch(root, corpus, temp.dir);
    } finally {
      temp.done();
    }
  }
  const list = report(results, warm, watch);
  const derived = results.map(derive);
  mkdirSync(join(root, 'bench'), { recursive: true });
  const file = join(root, 'bench', 'results.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date(started).toISOString(),
        durationS: (Date.now() - started) / 1000,
        machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version, platform: process.platform },
        options,
        corpus: { dir: source.dir, usable: source.articles.length, skipped: source.skipped, archive: archive ? { articles: archive.articles.length, windows1252: archive.windows1252 } : null },
        units: { time: 'ms', memory: 'bytes', text: 'MB = 1e6 bytes of UTF-8 article text' },
        sizes: results.map((r, i) => ({ ...r, derived: derived[i] })),
        warm,
        watch,
        targets: list,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${file}`);
  const failed = results.some((r) => !r.gloss.ok || (r.baseline && !r.baseline.ok)) || (warm && (!warm.cold.ok || !warm.warm.ok)) || (watch && !watch.ok);
  if (failed) process.exitCode = 1;
}

await main();
