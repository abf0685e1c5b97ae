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
try {
  const result = await build({ root, strict, seeds: option('--seeds'), data: option('--data'), output: option('--out'), log: (line) => console.log(line) });
  if (!result.ok) {
    const fatal = result.problems.filter((p) => p.severity === 'error' || strict);
    console.error(`Gloss could not build: ${fatal.length} problem${fatal.length === 1 ? '' : 's'} to fix.`);
    for (const p of fatal) console.error(formatProblem(p));
    process.exit(1);
  }
  console.log(`built ${option('--out') ?? '_site/'} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (e) {
  if (e instanceof ContentError) {
    for (const p of e.problems) console.error(formatProblem(p));
    process.exit(1);
  }
  throw e;
}
