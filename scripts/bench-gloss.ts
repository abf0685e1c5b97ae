/**
 * Child process of `npm run bench`: one Gloss build (src/build.ts `build()`), so that its memory is
 * its own. Started by scripts/bench.ts through `fork` with its options as JSON in argv[2]; reports
 * each stage as it ends and then the result over the IPC channel (see `GlossMessage`).
 */
import { availableParallelism } from 'node:os';
import { build } from '../src/build.ts';
import { formatProblem } from '../src/problems.ts';
import { runAsChild, sendToParent } from './bench-run.ts';

/** What the parent asks of one build. */
export interface GlossJob {
  root: string;
  seeds: string;
  output: string;
  /** The annotation cache folder (a fresh one for a cold build, the same one for a warm rebuild). */
  cacheDir: string;
  /** The folder of the state a build leaves for the next (see src/state.ts), likewise. */
  stateDir: string;
  workers?: number;
}

/** A message from this runner to the parent. */
export type GlossMessage =
  | { type: 'stage'; stage: string; count: number; ms: number }
  | { type: 'warning'; line: string }
  | {
      type: 'result';
      ok: boolean;
      /** The first problems that stopped the build, formatted. */
      problems: string[];
      problemCount: number;
      warningCount: number;
      timings: Array<{ stage: string; ms: number; count: number }>;
      /** Wall time of the whole build() call. */
      totalMs: number;
      /** CPU seconds (all threads of the process) spent in each stage, from the ends of stages. */
      cpu: Record<string, number>;
      /** Peak resident set of this process (worker threads included), in bytes. */
      maxRss: number;
      cores: number;
      /** Pages rendered, of the site's pages. */
      pages: { rendered: number; total: number } | null;
    }
  | { type: 'error'; message: string };

const send = (message: GlossMessage): Promise<void> => sendToParent(message);

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as GlossJob;
  const cpu: Record<string, number> = {};
  let lastCpu = cpuSeconds();
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  const result = await build({
    root: job.root,
    seeds: job.seeds,
    output: job.output,
    cacheDir: job.cacheDir,
    stateDir: job.stateDir,
    workers: job.workers,
    log: (line) => {
      // build() logs "STAGE  COUNT articles  S.SS s" as each stage ends, and "warning: …" lines.
      const m = /^(\w+)\s+(\d+) articles\s+([\d.]+) s(?: \(.*\))?$/.exec(line);
      if (m) {
        const now = cpuSeconds();
        cpu[m[1]!] = now - lastCpu;
        lastCpu = now;
        pending.push(send({ type: 'stage', stage: m[1]!, count: Number(m[2]), ms: Number(m[3]) * 1000 }));
      } else if (line.startsWith('warning:')) pending.push(send({ type: 'warning', line }));
    },
  });
  const totalMs = performance.now() - started;
  await Promise.all(pending);
  const fatal = result.problems.filter((p) => p.severity === 'error');
  await send({
    type: 'result',
    ok: result.ok,
    problems: fatal.slice(0, 10).map(formatProblem),
    problemCount: fatal.length,
    warningCount: result.problems.length - fatal.length,
    timings: result.timings,
    totalMs,
    cpu,
    // resourceUsage().maxRSS is in kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    cores: job.workers ?? availableParallelism(),
    pages: result.pages ? { rendered: result.pages.rendered, total: result.pages.total } : null,
  });
}

runAsChild(main);
