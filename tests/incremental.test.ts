/**
 * Rebuilds after a change (issue 13): `npm run build` again with the state the previous build left,
 * and `npm start`'s in-place updates (src/watch.ts). After one article changes, only the pages that
 * show it are rendered and written, only they reach the search index, and the site is the one a
 * build from scratch makes of the changed input: the same files, byte for byte.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { build, type BuildOptions } from '../src/build.ts';
import { WatchSession } from '../src/watch.ts';
import { fixtureInput } from './helpers.ts';
import { filesUnder } from './server.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

/** Every file of a site and a hash of its bytes. */
function contents(site: string): Record<string, string> {
  return Object.fromEntries(filesUnder(site).map((p) => [p, createHash('sha1').update(readFileSync(join(site, p))).digest('hex')]));
}

/** Every file of a site and its inode: a file the rebuild linked keeps its inode, one it wrote has a new one. */
function inodes(site: string): Record<string, number> {
  return Object.fromEntries(filesUnder(site).map((p) => [p, statSync(join(site, p)).ino]));
}

/** The differences between two sites, for a readable failure. */
function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return paths.filter((p) => a[p] !== b[p]).map((p) => `${p}: ${a[p] ? (b[p] ? 'differs' : 'only in the rebuilt site') : 'only in the build from scratch'}`);
}

/** A project input: the five seed articles and 24 generated ones (in a folder, their section). */
function project(): { dir: string; seeds: string; data: string; options: BuildOptions } {
  const input = fixtureInput({}, { withSeeds: true });
  writeSyntheticCorpus(join(input.seeds, 'wire'), 24, 5);
  const options: BuildOptions = { root: process.cwd(), seeds: input.seeds, data: input.data, output: join(input.dir, '_site'), cacheDir: join(input.dir, '.cache', 'annotations'), stateDir: join(input.dir, '.cache', 'site'), workers: 1 };
  return { ...input, options };
}

/** A build from scratch of the project's input as it is now: no cache, no state. */
async function fromScratch(p: ReturnType<typeof project>, name: string): Promise<Record<string, string>> {
  const out = join(p.dir, name);
  const result = await build({ ...p.options, output: out, cache: false });
  assert.ok(result.ok, `the build from scratch (${name}) succeeds`);
  return contents(out);
}

/** The generated article the tests change, and a sentence that names nothing, added at its end. */
const CHANGED = 'wire/syn-00007.md';
const CHANGED_PAGE = 'articles/syn-00007/index.html';
const NEUTRAL = '\n\nThe afternoon was quiet and the weather was mild.\n';

/** The pages a change to one article may touch: its own, and those of the entities and propositions it has. */
function showing(site: string, articleId: string): Set<string> {
  const html = readFileSync(join(site, 'articles', articleId, 'index.html'), 'utf8');
  const pages = new Set([`articles/${articleId}/index.html`]);
  for (const m of html.matchAll(/href="\/(entities|claims)\/([^"/]+)\/"/g)) pages.add(`${m[1]}/${m[2]}/index.html`);
  return pages;
}

const Rebuild = suite('npm run build again after a change');

Rebuild('renders and writes only the pages that show the changed article, and makes the site a build from scratch makes', async () => {
  const p = project();
  try {
    const cold = await build(p.options);
    assert.ok(cold.ok);
    assert.is(cold.pages!.rendered, cold.pages!.total, 'the first build renders every page');
    const site = p.options.output!;
    const before = inodes(site);
    const mayChange = showing(site, 'syn-00007');
    appendFileSync(join(p.seeds, CHANGED), NEUTRAL);
    const warm = await build(p.options);
    assert.ok(warm.ok);
    assert.ok(warm.pages!.rendered < warm.pages!.total / 2, `${warm.pages!.rendered} of ${warm.pages!.total} pages rendered`);
    const after = inodes(site);
    const written = Object.keys(after).filter((f) => f.endsWith('.html') && after[f] !== before[f]);
    assert.ok(written.includes(CHANGED_PAGE), 'the changed article is written');
    // Article, entity and claim pages: only those that show the article. The others (lists, home,
    // timeline, data…) are rendered in every build and written only when their bytes changed.
    const tracked = written.filter((f) => /^(articles|entities|claims)\/[^/]+\/index\.html$/.test(f) && !/^(articles|entities|claims)\/(page|type|by|propositions)\//.test(f));
    const stray = tracked.filter((f) => !mayChange.has(f));
    assert.equal(stray, [], 'no page that does not show the article is written');
    const linked = Object.keys(after).filter((f) => after[f] === before[f]);
    assert.ok(linked.filter((f) => f.startsWith('articles/')).length > 20, 'the other articles are the previous files');
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch')), [], 'the rebuilt site is the one a build from scratch makes');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

Rebuild('a state left for another output folder, or by other code, is not used', async () => {
  const p = project();
  try {
    assert.ok((await build(p.options)).ok);
    const other = await build({ ...p.options, output: join(p.dir, 'elsewhere') });
    assert.is(other.pages!.rendered, other.pages!.total, 'another output folder is built from scratch');
    const again = await build({ ...p.options, output: join(p.dir, 'elsewhere') });
    assert.ok(again.pages!.rendered < again.pages!.total, 'and then rebuilt from its own state');
    const state = join(p.options.stateDir!, 'state.json');
    writeFileSync(state, readFileSync(state, 'utf8').replace(/"version":"[^"]+"/, '"version":"other-code"'));
    const changedCode = await build({ ...p.options, output: join(p.dir, 'elsewhere') });
    assert.is(changedCode.pages!.rendered, changedCode.pages!.total, 'a state of other code is not used');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

Rebuild.run();

const Watch = suite('npm start: updates in place');

Watch('a changed, a removed and a new article: each update writes and indexes only what changed, and the site is a build from scratch', async () => {
  const p = project();
  let session: WatchSession | null = null;
  try {
    const started = await WatchSession.start(p.options);
    session = started.session;
    assert.ok(session, 'the first build succeeds');
    const site = p.options.output!;

    // One article changes.
    const mayChange = showing(site, 'syn-00007');
    appendFileSync(join(p.seeds, CHANGED), NEUTRAL);
    let update = await session!.update();
    assert.ok(update.ok);
    assert.ok(update.written.includes(CHANGED_PAGE), 'the changed article is written');
    const tracked = update.written.filter((f) => /^(articles|entities|claims)\/[^/]+\/index\.html$/.test(f) && !/^(articles|entities|claims)\/(page|type|by|propositions)\//.test(f));
    assert.equal(tracked.filter((f) => !mayChange.has(f)), [], 'no page that does not show the article is written');
    assert.ok(update.indexed.every((f) => update.written.includes(f)), 'only pages written reach the search index');
    assert.ok(update.indexed.includes(CHANGED_PAGE));
    assert.ok(update.rendered < update.total / 2, `${update.rendered} of ${update.total} pages rendered`);
    assert.equal(update.shards.filter((s) => s.built).map((s) => s.shard), ['articles'], 'only the article bundle is built again');
    await update.exported;
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch-1')), [], 'after a changed article');

    // One article is removed: its page goes, and its bundle starts afresh.
    unlinkSync(join(p.seeds, 'wire', 'syn-00011.md'));
    update = await session!.update();
    assert.ok(update.ok);
    assert.ok(update.removed.includes('articles/syn-00011/index.html'));
    await update.exported;
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch-2')), [], 'after a removed article');

    // A new article.
    writeFileSync(join(p.seeds, 'wire', 'new-one.txt'), 'Harbour talks resume in Gdansk\n\nDockers in Gdansk met port officials on Tuesday, the union said.\n');
    update = await session!.update();
    assert.ok(update.ok);
    assert.ok(update.written.includes('articles/wire-new-one/index.html'));
    await update.exported;
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch-3')), [], 'after a new article');

    // The knowledge base is edited: the update reads it again (it is held between saves otherwise).
    const kbFile = join(p.data, 'entities.json');
    const entities = JSON.parse(readFileSync(kbFile, 'utf8')) as Array<{ id: string; description: string }>;
    const edited = entities.find((e) => e.id === 'vladivostok') ?? entities[0]!;
    edited.description = 'Port city on the Sea of Japan, as edited between two saves';
    writeFileSync(kbFile, `${JSON.stringify(entities, null, 2)}\n`);
    update = await session!.update();
    assert.ok(update.ok);
    await update.exported;
    assert.ok(readFileSync(join(site, 'entities', edited.id, 'index.html'), 'utf8').includes('as edited between two saves'), 'the entity page has the new description');
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch-kb')), [], 'after an edit to the knowledge base');

    // Two saves in quick succession: the second update takes over the first one's dataset.
    appendFileSync(join(p.seeds, CHANGED), '\nA second sentence arrived.\n');
    const first = await session!.update();
    appendFileSync(join(p.seeds, CHANGED), '\nAnd a third one.\n');
    const second = await session!.update();
    assert.ok(first.ok && second.ok);
    assert.is(await first.exported, false, 'the first dataset export was taken over');
    assert.is(await second.exported, true, 'the second one is written');
    assert.equal(differences(contents(site), await fromScratch(p, 'scratch-4')), [], 'after two quick saves');

    // A file that stops the build: nothing is written, the site stays as it was.
    const kept = contents(site);
    writeFileSync(join(p.seeds, 'wire', 'broken.txt'), Buffer.from([0x48, 0x69, 0x0a, 0x0a, 0xff, 0xfe, 0x0a]));
    update = await session!.update();
    assert.not.ok(update.ok);
    assert.ok(update.problems.some((x) => x.severity === 'error' && x.file.includes('broken.txt')), 'the problem names the file');
    assert.equal(differences(contents(site), kept), [], 'a failed update writes nothing');
  } finally {
    await session?.close();
    rmSync(p.dir, { recursive: true, force: true });
  }
});

Watch('a new article that makes a new search bundle runs a whole build, and the site is a build from scratch', async () => {
  const p = project();
  let session: WatchSession | null = null;
  // 29 articles fill one article bundle of 29: the 30th makes a second.
  const options: BuildOptions = { ...p.options, bundleSizes: { articles: 29, others: 100_000 } };
  try {
    session = (await WatchSession.start(options)).session;
    assert.ok(session, 'the first build succeeds');
    const site = options.output!;
    const form = (): string => /data-pagefind-bundles="([^"]*)"/.exec(readFileSync(join(site, 'search', 'index.html'), 'utf8'))![1]!;
    assert.is(form(), '/pagefind/ /pagefind-entities/');
    writeFileSync(join(p.seeds, 'wire', 'new-one.txt'), 'Harbour talks resume in Gdansk\n\nDockers in Gdansk met port officials on Tuesday, the union said.\n');
    const update = await session!.update();
    assert.ok(update.ok);
    assert.ok(existsSync(join(site, 'pagefind-2', 'pagefind-entry.json')), 'the new bundle is built');
    assert.is(form(), '/pagefind/ /pagefind-2/ /pagefind-entities/', 'the search page lists the new bundle');
    const scratch = join(p.dir, 'scratch');
    assert.ok((await build({ ...options, output: scratch, cache: false })).ok);
    assert.equal(differences(contents(site), contents(scratch)), [], 'the site is a build from scratch');
    // And the session goes on updating in place.
    appendFileSync(join(p.seeds, CHANGED), NEUTRAL);
    const next = await session!.update();
    assert.ok(next.ok);
    assert.ok(next.rendered < next.total / 2, `${next.rendered} of ${next.total} pages rendered`);
    assert.ok(next.written.includes(CHANGED_PAGE));
  } finally {
    await session?.close();
    rmSync(p.dir, { recursive: true, force: true });
  }
});

Watch.run();
