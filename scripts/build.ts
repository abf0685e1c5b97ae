/**
 * `npm run build [-- --strict]`: builds the reader and the dataset into _site/.
 * Content problems are printed one a line (file, position, what is wrong, the fix) and the
 * build exits 1, leaving the previous _site/ as it was.
 */
import { fileURLToPath } from 'node:url';
import { build } from '../src/build.ts';
import { ContentError, formatProblem } from '../src/problems.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const strict = args.includes('--strict');
const known = new Set(['--strict', '--seeds', '--data', '--out']);
for (const [i, arg] of args.entries()) {
  if (arg.startsWith('--') && !known.has(arg)) {
    console.error(`npm run build: unknown option ${arg}; the options are --strict, --seeds DIR, --data DIR, --out DIR`);
    process.exit(2);
  }
  void i;
}
const started = performance.now();
// On a terminal a stage's progress redraws one line (count, rate, time left); in CI or a pipe,
// each stage prints one line when it ends.
const live = process.stdout.isTTY === true && !process.env['CI'];
let stageStart = performance.now();
let lastStage = '';
let lastDone = 0;
let lastTotal = 0;
let doneAtStart = 0;
const progress = (stage: string, done: number, total: number, unit: string): void => {
  if (!live) return;
  if (stage !== lastStage) {
    // Pagefind indexes while Eleventy renders: the index line takes over when the render line is done.
    if (lastDone < lastTotal) return;
    lastStage = stage;
    stageStart = performance.now();
    doneAtStart = done;
  }
  lastDone = done;
  lastTotal = total;
  const seconds = (performance.now() - stageStart) / 1000;
  const rate = seconds > 0 ? (done - doneAtStart) / seconds : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  const line = done >= total ? (stage === 'index' ? 'writing the index' : 'done') : seconds < 1 ? '' : `${rate.toFixed(0)} ${unit}/s  ${left.toFixed(0)} s left`;
  process.stdout.write(`\r\x1b[K${stage.padEnd(9)} ${String(done).padStart(6)}/${total} ${unit}  ${line}`);
};
const log = (line: string): void => {
  if (live) process.stdout.write('\r\x1b[K');
  console.log(line);
};
try {
  const result = await build({ root, strict, seeds: option('--seeds'), data: option('--data'), output: option('--out'), log, progress });
  if (!result.ok) {
    const fatal = result.problems.filter((p) => p.severity === 'error' || strict);
    console.error(`Gloss could not build: ${fatal.length} problem${fatal.length === 1 ? '' : 's'} to fix.`);
    for (const p of fatal) console.error(formatProblem(p));
    process.exit(1);
  }
  const total = (performance.now() - started) / 1000;
  console.log('\nstage      articles   seconds   articles/s   share');
  for (const t of result.timings) {
    const s = t.ms / 1000;
    console.log(`${t.stage.padEnd(9)} ${String(t.count).padStart(9)} ${s.toFixed(2).padStart(9)} ${(s >= 0.01 ? (t.count / s).toFixed(0) : '-').padStart(12)} ${((100 * s) / total).toFixed(0).padStart(6)}%`);
  }
  console.log(`built ${option('--out') ?? '_site/'} in ${total.toFixed(2)} s`);
} catch (e) {
  if (e instanceof ContentError) {
    for (const p of e.problems) console.error(formatProblem(p));
    process.exit(1);
  }
  throw e;
}
