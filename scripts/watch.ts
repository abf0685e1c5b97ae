/**
 * `npm start`'s builder, a child process of scripts/start.ts: builds the site, keeping its search
 * index alive (src/watch.ts), then updates it in place each time the parent says a file changed
 * (changes that arrive during an update are taken together in the next one). Reports each build
 * and update to the parent, which reloads the browser.
 */
import { join } from 'node:path';
import { WatchSession } from '../src/watch.ts';
import { formatProblem } from '../src/problems.ts';
import { ContentError } from '../src/problems.ts';
import type { ContentProblem } from '../src/types.ts';

/** What the builder is started with (JSON in argv[2]). */
export interface WatchJob {
  root: string;
  seeds?: string;
  data?: string;
  output: string;
  /** Folder of the caches (annotations/ and site/); `.cache/` under the root when absent. */
  cache?: string;
}

export type ToBuilder = { type: 'changed' };
export type FromBuilder = { type: 'built'; ok: boolean; ms: number; written: number; indexed: number };

const job = JSON.parse(process.argv[2] ?? '{}') as WatchJob;
const send = (message: FromBuilder): void => {
  process.send?.(message);
};
const fatal = (problems: ContentProblem[]): void => {
  console.error('Gloss could not build; the last good site is still served. Fix these and save:');
  for (const p of problems.filter((x) => x.severity === 'error')) console.error(formatProblem(p));
};
const options = {
  root: job.root,
  seeds: job.seeds,
  data: job.data,
  output: job.output,
  cacheDir: job.cache && join(job.cache, 'annotations'),
  stateDir: job.cache && join(job.cache, 'site'),
  log: (line: string) => console.log(line),
};

let session: WatchSession | null = null;
let busy = false;
let again = false;

async function first(): Promise<void> {
  const started = performance.now();
  try {
    const { session: made, result } = await WatchSession.start(options);
    session = made;
    if (!result.ok) fatal(result.problems);
    const ms = performance.now() - started;
    if (made) console.log(`built in ${(ms / 1000).toFixed(2)} s; watching for changes`);
    send({ type: 'built', ok: result.ok, ms, written: result.pages?.rendered ?? 0, indexed: 0 });
  } catch (e) {
    if (e instanceof ContentError) fatal(e.problems);
    else console.error(e instanceof Error ? e.message : e);
    send({ type: 'built', ok: false, ms: performance.now() - started, written: 0, indexed: 0 });
  }
}

async function update(): Promise<void> {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  try {
    do {
      again = false;
      // Until a first build succeeds, a change means trying it again.
      if (!session) {
        await first();
        continue;
      }
      const started = performance.now();
      try {
        const result = await session.update();
        if (!result.ok) fatal(result.problems);
        else {
          const { ms } = result;
          const s = (n: number): string => (n / 1000).toFixed(2);
          console.log(
            `updated in ${s(ms.total)} s (pipeline ${s(ms.pipeline)}, render ${s(ms.render)}, write ${s(ms.write)}, index ${s(ms.index)}): ${result.rendered} of ${result.total} pages rendered, ${result.written.length} written, ${result.removed.length} removed; ` +
              `${result.indexed.length} given to the search index (${result.shards.filter((x) => x.built).map((x) => x.shard).join(', ') || 'unchanged'})`,
          );
          const laterStarted = performance.now();
          // The list pages come right after: the browser reloads again once they are written.
          result.lists.then(
            (written) => {
              console.log(`list pages: ${written.length} written in ${s(performance.now() - laterStarted)} s`);
              if (written.length) send({ type: 'built', ok: true, ms: performance.now() - started, written: written.length, indexed: 0 });
            },
            () => undefined,
          );
          result.exported.then(
            (written) => {
              if (written) console.log(`dataset written in ${s(performance.now() - laterStarted)} s`);
            },
            (e: unknown) => console.error(`The list pages or the dataset could not be written: ${e instanceof Error ? e.message : e}`),
          );
        }
        send({ type: 'built', ok: result.ok, ms: performance.now() - started, written: result.written.length, indexed: result.indexed.length });
      } catch (e) {
        if (e instanceof ContentError) fatal(e.problems);
        else console.error(e instanceof Error ? e.message : e);
        send({ type: 'built', ok: false, ms: performance.now() - started, written: 0, indexed: 0 });
      }
    } while (again);
  } finally {
    busy = false;
  }
}

process.on('message', (message: ToBuilder) => {
  // Saves come as bursts of file events: wait a moment for the burst to end.
  if (message.type === 'changed') debounce();
});
let timer: NodeJS.Timeout | null = null;
function debounce(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void update(), 100);
}
process.on('SIGTERM', () => {
  void (session?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
busy = true;
await first();
busy = false;
if (again) void update();
