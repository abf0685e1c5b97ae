/**
 * Builds are reproducible and safe: the same input gives the same bytes wherever it is built, the
 * output names no machine path and no build time, a failed build leaves the previous site as it
 * was, and no build writes into its input.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { build } from '../src/build.ts';
import { ROOT, builtArticleIds, copyProjectData, runBuild, tempDir } from './helpers.ts';
import { filesUnder } from './server.ts';

/** A copy of the project's articles and data in a fresh folder, and where its site goes. */
function inputCopy(): { dir: string; seeds: string; data: string; out: string } {
  const dir = tempDir('gloss-determinism-');
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  copyProjectData(join(dir, '_data'));
  return { dir, seeds: join(dir, 'seeds'), data: join(dir, '_data'), out: join(dir, 'site', '_site') };
}

/** Every file under a folder with the SHA-256 of its bytes. */
function snapshot(root: string): Map<string, string> {
  return new Map(filesUnder(root).map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex')]));
}

/** The differences between two snapshots, one line each: missing, extra, or changed files. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, hash] of a) {
    if (!b.has(f)) out.push(`only in the first: ${f}`);
    else if (b.get(f) !== hash) out.push(`differs: ${f}`);
  }
  for (const f of b.keys()) if (!a.has(f)) out.push(`only in the second: ${f}`);
  return out;
}

/** A clean build: no annotation cache, one thread, nothing logged. */
async function cleanBuild(input: { seeds: string; data: string; out: string }): Promise<void> {
  const result = await build({ root: ROOT, seeds: input.seeds, data: input.data, output: input.out, cache: false, workers: 1 });
  assert.ok(result.ok, `the build failed: ${result.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
}

interface Builds {
  first: ReturnType<typeof inputCopy>;
  second: ReturnType<typeof inputCopy>;
  /** The input trees before the builds. */
  inputsBefore: Array<Map<string, string>>;
}

let builds: Promise<Builds> | null = null;
/**
 * Two builds of the same input into fresh folders: one in this process without the annotation
 * cache, one by scripts/build.ts in a process of its own (so a value fixed once per process, or
 * read from the cache, would show as a difference).
 */
function twoBuilds(): Promise<Builds> {
  builds ??= (async () => {
    const first = inputCopy();
    const second = inputCopy();
    const inputsBefore = [snapshot(first.seeds), snapshot(first.data), snapshot(second.seeds), snapshot(second.data)];
    await cleanBuild(first);
    const r = runBuild(['--seeds', second.seeds, '--data', second.data, '--out', second.out]);
    assert.is(r.status, 0, r.stdout + r.stderr);
    return { first, second, inputsBefore };
  })();
  return builds;
}

const Same = suite('two builds of the same input in different folders');

Same('give byte-identical sites, though built in different folders', async () => {
  const { first, second } = await twoBuilds();
  const a = snapshot(first.out);
  const b = snapshot(second.out);
  assert.ok(a.size > 50, `a whole site (${a.size} files)`);
  const diff = differences(a, b);
  assert.equal(diff, [], `the sites differ:\n${diff.join('\n')}`);
});

Same('name no machine path and no build date in any file', async () => {
  const { first, second } = await twoBuilds();
  const today = new Date().toISOString().slice(0, 10);
  const forbidden: Array<[string, string]> = [
    [first.dir, 'the temporary input folder'],
    [second.dir, 'the temporary input folder'],
    [ROOT.replace(/\/$/, ''), 'the project folder'],
    [`${homedir()}/`, 'the home folder'],
    [today, "today's date"],
  ];
  const found: string[] = [];
  for (const file of filesUnder(first.out)) {
    const text = readFileSync(join(first.out, file), 'latin1');
    for (const [needle, what] of forbidden) if (text.includes(needle)) found.push(`${file} holds ${what} (${needle})`);
    if (/\b20\d\d-\d\d-\d\dT\d\d:\d\d/.test(text)) found.push(`${file} holds a timestamp: ${/\b20\d\d-\d\d-\d\dT\d\d:\d\d[^"<\s]*/.exec(text)![0]}`);
  }
  assert.equal(found, [], found.join('\n'));
});

Same('leave their seeds/ and _data/ exactly as they were', async () => {
  const { first, second, inputsBefore } = await twoBuilds();
  const after = [snapshot(first.seeds), snapshot(first.data), snapshot(second.seeds), snapshot(second.data)];
  after.forEach((tree, i) => assert.equal(differences(inputsBefore[i]!, tree), [], `input ${i} changed`));
});

Same.run();

const Failed = suite('a build that fails half way');

Failed('leaves the previous site byte for byte, its input untouched, and no temporary folder', async () => {
  const { first } = await twoBuilds();
  const before = snapshot(first.out);
  // A broken curation file in a copy of _data: the pipeline gets as far as annotating before it stops.
  const data = join(first.dir, '_data-broken');
  cpSync(first.data, data, { recursive: true });
  const articleId = builtArticleIds(first.out)[0]!;
  mkdirSync(join(data, 'curation'), { recursive: true });
  writeFileSync(join(data, 'curation', `${articleId}.json`), JSON.stringify({ mentions: [{ id: 'bad', action: 'add', type: 'person', entity: 'nobody-at-all', selector: { exact: 'the' } }] }));
  const inputs = [snapshot(first.seeds), snapshot(data)];
  const r = runBuild(['--seeds', first.seeds, '--data', data, '--out', first.out]);
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /cites entity "nobody-at-all", which the knowledge base lacks/);
  assert.match(r.stdout, /^annotate /m, 'the build got past ingest before it failed');
  const diff = differences(before, snapshot(first.out));
  assert.equal(diff, [], `the previous site changed:\n${diff.join('\n')}`);
  assert.equal(differences(inputs[0]!, snapshot(first.seeds)), [], 'seeds/ changed');
  assert.equal(differences(inputs[1]!, snapshot(data)), [], '_data/ changed');
  const leftovers = readdirSync(join(first.dir, 'site')).filter((f) => f !== '_site');
  assert.equal(leftovers, [], 'no temporary build folder is left beside the site');
});

Failed('a failed first build writes no site at all', () => {
  const input = inputCopy();
  writeFileSync(join(input.seeds, 'empty.txt'), '');
  const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', input.out]);
  assert.is(r.status, 1);
  assert.not.ok(existsSync(input.out));
  assert.equal(readdirSync(join(input.dir)).sort(), ['_data', 'seeds'], 'nothing beside the input');
  rmSync(input.dir, { recursive: true, force: true });
});

Failed.run();

const Cleanup = suite('determinism: clean-up');

Cleanup('removes its temporary folders', async () => {
  const { first, second } = await twoBuilds();
  for (const dir of [first.dir, second.dir]) rmSync(dir, { recursive: true, force: true });
  assert.not.ok(existsSync(first.dir) || existsSync(second.dir));
});

Cleanup.run();
