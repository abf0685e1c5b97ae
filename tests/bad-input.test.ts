/**
 * The bad-input corpus: every folder of tests/fixtures/bad/ is built by scripts/build.ts (the
 * command a user runs) from temporary copies of its seeds/ and _data/, and must end as its
 * expected.json says: the exit code, each expected line, and never a stack trace.
 *
 * A case folder holds `seeds/` (the input files), optionally `_data/` (files that replace the
 * project's own: entities.json, curation/*.json), optionally `generate.json` (what is made at test
 * time rather than committed: big files, symbolic links), and `expected.json`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, builtArticleIds, copyProjectData, tempDir } from './helpers.ts';

const CASES = join(ROOT, 'tests', 'fixtures', 'bad');
/** Builds at once: each is a Node process, mostly busy for a second or two. */
const PARALLEL = Math.max(2, Math.min(4, availableParallelism()));
const DEFAULT_TIMEOUT_SECONDS = 120;

/** A case's `expected.json`. */
interface Expected {
  /** The exit code, or the codes allowed (a case that may build or refuse, such as a 20 MB file). */
  exit: 0 | 1 | Array<0 | 1>;
  /** Lines (substrings) stderr must hold when the build exits 1. */
  stderr?: string[];
  /** Lines (substrings) stdout must hold when the build exits 0 (warnings are printed there). */
  stdout?: string[];
  /** Article pages the site must have when the build exits 0. */
  articles?: number;
  /** Files the site must have when the build exits 0, relative to it. */
  paths?: string[];
  /** Extra options for the build, such as --strict. */
  args?: string[];
  /** Time limit; 120 s when absent. */
  timeoutSeconds?: number;
  /** Why the case expects what it does. */
  note?: string;
}

/** A case's `generate.json`: inputs made at test time. */
interface Recipe {
  /**
   * Files of `bytes` bytes: `head`, then the ASCII `repeat` as often as fits, then `tail`; or
   * sparse files of `sparseBytes` (all holes: any size, no disk space).
   */
  files?: Array<{ name: string; head?: string; repeat: string; bytes: number; tail?: string } | { name: string; sparseBytes: number }>;
  /** Symbolic links in seeds/ to a file (with the given text) outside seeds/. */
  symlinks?: Array<{ name: string; outside: string }>;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  seconds: number;
  /** Article folders in the built site, or null when there is no site. */
  articles: string[] | null;
  /** Which of `expected.paths` the site lacks. */
  missing: string[];
  /** Whether the output folder exists at all. */
  siteExists: boolean;
}

const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function expectedOf(name: string): Expected {
  return readJson<Expected>(join(CASES, name, 'expected.json'));
}

/** Writes the generated files and links of a recipe into a case's temporary seeds folder. */
function generate(recipe: Recipe, dir: string, seeds: string): void {
  for (const file of recipe.files ?? []) {
    if ('sparseBytes' in file) {
      writeFileSync(join(seeds, file.name), '');
      truncateSync(join(seeds, file.name), file.sparseBytes);
      continue;
    }
    if (!/^[\x20-\x7e\n\r\t]+$/.test(file.repeat)) throw new Error(`generate.json: "repeat" of ${file.name} must be ASCII`);
    const head = Buffer.from(file.head ?? '');
    const tail = Buffer.from(file.tail ?? '');
    const room = file.bytes - head.length - tail.length;
    const body = Buffer.from(file.repeat.repeat(Math.ceil(room / file.repeat.length))).subarray(0, room);
    writeFileSync(join(seeds, file.name), Buffer.concat([head, body, tail]));
  }
  for (const link of recipe.symlinks ?? []) {
    const outside = join(dir, `outside-${link.name}`);
    writeFileSync(outside, link.outside);
    symlinkSync(outside, join(seeds, link.name));
  }
}

/** Copies a case into a temporary project input: its seeds, and the project's _data with the case's files over it. */
function prepare(name: string): { dir: string; seeds: string; data: string; out: string } {
  const source = join(CASES, name);
  const dir = tempDir('gloss-bad-');
  const seeds = join(dir, 'seeds');
  const data = join(dir, '_data');
  // Git keeps no empty folder, so a case whose seeds are all generated has none.
  if (existsSync(join(source, 'seeds'))) cpSync(join(source, 'seeds'), seeds, { recursive: true });
  else mkdirSync(seeds);
  copyProjectData(data);
  if (existsSync(join(source, '_data'))) cpSync(join(source, '_data'), data, { recursive: true, force: true });
  if (existsSync(join(source, 'generate.json'))) generate(readJson<Recipe>(join(source, 'generate.json')), dir, seeds);
  return { dir, seeds, data, out: join(dir, 'out', '_site') };
}

/** Runs scripts/build.ts as `runBuild` in tests/helpers.ts does, but without blocking, so cases can overlap. */
function runBuildAsync(args: string[], timeoutSeconds: number): Promise<{ status: number | null; stdout: string; stderr: string; timedOut: boolean; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut, seconds: (performance.now() - started) / 1000 });
    });
  });
}

async function runCase(name: string): Promise<Outcome> {
  const expected = expectedOf(name);
  const input = prepare(name);
  try {
    const args = ['--seeds', input.seeds, '--data', input.data, '--out', input.out, ...(expected.args ?? [])];
    const r = await runBuildAsync(args, expected.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    const siteExists = existsSync(input.out);
    const articlesDir = join(input.out, 'articles');
    const articles = existsSync(articlesDir) ? builtArticleIds(input.out) : null;
    const missing = (expected.paths ?? []).filter((p) => !existsSync(join(input.out, p)));
    return { ...r, siteExists, articles, missing };
  } finally {
    rmSync(input.dir, { recursive: true, force: true });
  }
}

/** Runs at most `n` tasks at once, in the order they were asked for. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

let outcomes: Map<string, Promise<Outcome>> | null = null;
/**
 * Starts every case, PARALLEL at a time, the first time a test asks for one; cases with
 * generated (big) inputs go first, so the slowest overlaps the many quick ones.
 */
function outcome(name: string): Promise<Outcome> {
  if (!outcomes) {
    const limit = limiter(PARALLEL);
    const generated = (n: string): number => (existsSync(join(CASES, n, 'generate.json')) ? 0 : 1);
    const order = [...names].sort((a, b) => generated(a) - generated(b) || (a < b ? -1 : 1));
    outcomes = new Map(order.map((n) => [n, limit(() => runCase(n))]));
    // Each outcome is awaited by its own test; until then a failure must not count as unhandled.
    for (const running of outcomes.values()) running.catch(() => undefined);
  }
  return outcomes.get(name)!;
}

const STACK_LINE = /^ {4}at /m;
/** What the build may print on stderr: its summary line, then one `file, position: message` line a problem. */
const PROBLEM_LINE = /^(Gloss could not build: \d+ problems? to fix\.|(seeds|_data)\/[^\n]*?(, [^\n:]+)?: \S[^\n]*)$/;

const Corpus = suite('the bad-input corpus');

Corpus('holds at least 30 cases, each with an expected.json that says the exit code', () => {
  assert.ok(names.length >= 30, `only ${names.length} cases in tests/fixtures/bad/`);
  for (const name of names) {
    const expected = expectedOf(name);
    const exits = Array.isArray(expected.exit) ? expected.exit : [expected.exit];
    assert.ok(exits.length > 0 && exits.every((e) => e === 0 || e === 1), `${name}: exit must be 0, 1 or a list of them`);
    assert.ok(exits.includes(1) ? (expected.stderr ?? []).length > 0 : true, `${name}: a case that may fail must say which lines it expects on stderr`);
    assert.ok(existsSync(join(CASES, name, 'seeds')) || existsSync(join(CASES, name, 'generate.json')), `${name}: no seeds/ and no generate.json`);
  }
});

Corpus.run();

const Cases = suite('scripts/build.ts on each bad-input case');

for (const name of names) {
  const expected = expectedOf(name);
  const exits = Array.isArray(expected.exit) ? expected.exit : [expected.exit];
  const title = exits.length > 1
    ? `${name}: builds or stops with a clear line, within ${expected.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS} s`
    : exits[0] === 0
      ? `${name}: builds${expected.stdout?.length ? ', with the warnings it expects' : ''}`
      : `${name}: stops with exit 1 and the lines it expects`;
  Cases(title, async () => {
    const r = await outcome(name);
    const output = ` (after ${r.seconds.toFixed(1)} s)\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
    assert.not.ok(r.timedOut, `${name}: still running after ${expected.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS} s, so it was stopped${output}`);
    assert.ok(r.status !== null && (exits as number[]).includes(r.status), `${name}: exit ${String(r.status)}, expected ${exits.join(' or ')}${output}`);
    assert.not.match(r.stderr, STACK_LINE, `${name}: a stack trace on stderr${output}`);
    assert.not.match(r.stdout, STACK_LINE, `${name}: a stack trace on stdout${output}`);
    if (r.status === 1) {
      for (const line of expected.stderr ?? []) assert.ok(r.stderr.includes(line), `${name}: stderr lacks ${JSON.stringify(line)}${output}`);
      for (const line of r.stderr.split('\n').filter((l) => l !== '')) assert.match(line, PROBLEM_LINE, `${name}: stderr line is not "file, position: message"${output}`);
      assert.not.ok(r.siteExists, `${name}: a failed build left a site behind`);
    } else {
      for (const line of expected.stdout ?? []) assert.ok(r.stdout.includes(line), `${name}: stdout lacks ${JSON.stringify(line)}${output}`);
      if (expected.articles !== undefined) assert.is(r.articles?.length ?? 0, expected.articles, `${name}: article pages ${JSON.stringify(r.articles)}${output}`);
      assert.equal(r.missing, [], `${name}: the site lacks ${r.missing.join(', ')}`);
      assert.is(r.stderr, '', `${name}: a successful build printed on stderr${output}`);
    }
  });
}

Cases.run();
