/**
 * `npm start [-- --seeds DIR --data DIR --out DIR --cache DIR --port N]`: builds the reader and the
 * dataset, serves the site on http://localhost:8080 with live reload, and keeps it up to date:
 *
 * - a saved article, knowledge base or curation file updates the site in place with only what
 *   changed (src/watch.ts): the article re-annotated, the pages that show it rendered, written and
 *   given to the search index, the dataset written after;
 * - a change to the code (src/) starts the builder again, which builds everything.
 *
 * The builder runs in a child process (scripts/watch.ts), so that new code is loaded afresh; this
 * process serves the site, watches the folders and tells the builder what changed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import type { FromBuilder, ToBuilder, WatchJob } from './watch.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const known = ['--seeds', '--data', '--out', '--cache', '--port'];
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
for (let i = 0; i < args.length; i += 2) {
  if (!known.includes(args[i]!) || args[i + 1] === undefined) {
    console.error(`npm start: unknown option ${args[i]}; the options are --seeds DIR, --data DIR, --out DIR, --cache DIR, --port N`);
    process.exit(2);
  }
}
const port = Number(option('--port') ?? process.env['PORT'] ?? 8080);
const job: WatchJob = {
  root,
  seeds: option('--seeds') && resolve(option('--seeds')!),
  data: option('--data') && resolve(option('--data')!),
  output: resolve(option('--out') ?? join(root, '_site')),
  cache: option('--cache') && resolve(option('--cache')!),
};

let server: ReturnType<typeof EleventyDevServer.getServer> | null = null;
let builder: ChildProcess | null = null;

/** Starts the builder; it builds everything, then waits for changes. */
function startBuilder(): void {
  const child = fork(join(root, 'scripts', 'watch.ts'), [JSON.stringify(job)], { cwd: root, execArgv: ['--expose-gc', '--import', 'tsx'] });
  builder = child;
  child.on('message', (message: FromBuilder) => {
    if (message.type === 'built' && message.ok) {
      if (!server) {
        server = EleventyDevServer.getServer('gloss', job.output, { liveReload: true, domDiff: false, watch: [] });
        server.serve(port);
        console.log(`Gloss is at http://localhost:${port}/ (Ctrl+C to stop)`);
      } else server.reload({ files: [], subtype: 'html', build: {} });
    }
  });
  child.on('exit', (code, signal) => {
    if (builder === child && signal !== 'SIGTERM') {
      console.error(`The builder stopped (${signal ?? `exit code ${code}`}); save a file to start it again.`);
      builder = null;
    }
  });
}

/** Tells the builder a file it reads changed (starts it first if it stopped). */
function changed(): void {
  if (!builder) return startBuilder();
  builder.send({ type: 'changed' } satisfies ToBuilder);
}

/** New code: a new builder, which builds everything. */
let restart: NodeJS.Timeout | null = null;
function codeChanged(): void {
  if (restart) clearTimeout(restart);
  restart = setTimeout(() => {
    const old = builder;
    builder = null;
    old?.kill('SIGTERM');
    console.log('The code changed: building everything again.');
    startBuilder();
  }, 300);
}

startBuilder();
for (const dir of [job.seeds ?? join(root, 'seeds'), job.data ?? join(root, '_data')]) watch(dir, { recursive: true }, changed);
watch(join(root, 'src'), { recursive: true }, codeChanged);
const stop = (): void => {
  builder?.kill('SIGTERM');
  void server?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
