/**
 * `npm start`: builds the reader and the dataset, serves _site/ on http://localhost:8080 with
 * live reload, and rebuilds when an article, the knowledge base, a curation file or the code changes.
 */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { build } from '../src/build.ts';
import { formatProblem } from '../src/problems.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env['PORT'] ?? 8080);

async function rebuild(): Promise<boolean> {
  try {
    const result = await build({ root, log: (line) => console.log(line) });
    if (!result.ok) {
      console.error('Gloss could not build; the last good site is still served. Fix these and save:');
      for (const p of result.problems.filter((x) => x.severity === 'error')) console.error(formatProblem(p));
    }
    return result.ok;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return false;
  }
}

await rebuild();
const server = EleventyDevServer.getServer('gloss', join(root, '_site'), { liveReload: true, domDiff: false, watch: [] });
server.serve(port);
console.log(`Gloss is at http://localhost:${port}/ (Ctrl+C to stop)`);

let timer: NodeJS.Timeout | null = null;
let running = false;
const schedule = (): void => {
  if (timer) clearTimeout(timer);
  timer = setTimeout(async () => {
    if (running) return schedule();
    running = true;
    const ok = await rebuild();
    running = false;
    if (ok) server.reload({ files: [], subtype: 'html', build: {} });
  }, 300);
};
for (const dir of ['seeds', '_data', 'src']) watch(join(root, dir), { recursive: true }, schedule);
