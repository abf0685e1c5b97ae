/**
 * Child process of `npm run bench`: the baseline beside each Gloss build. Eleventy renders the same
 * articles as plain Markdown pages with one Nunjucks layout (a temporary project written by
 * `prepareBaseline`), then Pagefind indexes them. Options as JSON in argv[2]; stages and the result
 * go to the parent over the IPC channel, as in scripts/bench-gloss.ts.
 */
import { join } from 'node:path';
import { runAsChild, sendToParent } from './bench-run.ts';

/** What the parent asks of one baseline build. */
export interface BaselineJob {
  input: string;
  output: string;
  config: string;
}

/** A message from this runner to the parent. */
export type BaselineMessage =
  | { type: 'stage'; stage: string; count: number; ms: number }
  | { type: 'result'; ok: boolean; timings: Array<{ stage: string; ms: number; count: number }>; totalMs: number; maxRss: number; pages: number; cpuS: number }
  | { type: 'error'; message: string };

const send = (message: BaselineMessage): Promise<void> => sendToParent(message);

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as BaselineJob;
  const timings: Array<{ stage: string; ms: number; count: number }> = [];
  const started = performance.now();
  let pages = 0;
  const stage = async (name: string, run: () => Promise<number>): Promise<void> => {
    const t = performance.now();
    const count = await run();
    const ms = performance.now() - t;
    timings.push({ stage: name, ms, count });
    await send({ type: 'stage', stage: name, count, ms });
  };
  await stage('render', async () => {
    const { default: Eleventy } = await import('@11ty/eleventy');
    const elev = new Eleventy(job.input, job.output, { configPath: job.config, quietMode: true });
    const written = await elev.write();
    pages = countPages(written);
    return pages;
  });
  await stage('index', async () => {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: job.output });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(job.output, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await pagefind.close();
    return added.page_count;
  });
  const cpu = process.cpuUsage();
  await send({ type: 'result', ok: true, timings, totalMs: performance.now() - started, maxRss: process.resourceUsage().maxRSS * 1024, pages, cpuS: (cpu.user + cpu.system) / 1e6 });
}

/** Pages Eleventy reports written (its write() resolves to nested arrays of page results). */
function countPages(written: unknown): number {
  if (Array.isArray(written)) return written.reduce((n: number, w: unknown) => n + countPages(w), 0);
  return written && typeof written === 'object' && 'outputPath' in written ? 1 : 0;
}

runAsChild(main);
