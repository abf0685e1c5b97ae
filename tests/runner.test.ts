/**
 * The build renders the Eleventy templates of src/site/ with its own page-by-page runner
 * (src/render/runner.ts), so that a rebuild renders only the pages whose data changed. Render is
 * still Eleventy: these tests check that Eleventy itself, run on the same input, writes exactly the
 * same files as the runner, byte for byte, every one of them (pages and copied assets), and that
 * `.eleventy.js` still builds the site on its own (`npx @11ty/eleventy`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writePage, copyPassthrough } from '../src/build.ts';
import { runPipeline } from '../src/pipeline.ts';
import { clearSite, setSite } from '../src/render/eleventy.ts';
import { listPages, loadTemplates, renderPage } from '../src/render/runner.ts';
import { siteData } from '../src/render/site.ts';
import { fixtureInput, ROOT, tempDir } from './helpers.ts';
import { filesUnder } from './server.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

/** Renders the site of `seeds` (and `data`) with the runner into `out`; returns the number of pages. */
async function runnerSite(out: string, input: { seeds?: string; data?: string }): Promise<number> {
  const result = await runPipeline({ root: ROOT, ...input, workers: 1 });
  assert.ok(result.corpus, `the pipeline succeeds: ${result.problems.map((p) => p.message).join('; ')}`);
  setSite(siteData(result.corpus!));
  try {
    const templates = await loadTemplates(ROOT);
    const pages = await listPages(templates);
    copyPassthrough(ROOT, templates, out);
    const made = new Set<string>();
    for (const page of pages) writePage(out, page.path, renderPage(templates, page), made);
    // HTML pages: the search's name files (JSON) are rendered too, and compared with the rest below.
    return pages.filter((p) => p.path.endsWith('.html')).length;
  } finally {
    clearSite();
  }
}

/** The paths under two folders that are in one only, or whose bytes differ. */
function differences(a: string, b: string): string[] {
  const left = filesUnder(a);
  const right = filesUnder(b);
  const all = [...new Set([...left, ...right])].sort();
  const inLeft = new Set(left);
  const inRight = new Set(right);
  return all.flatMap((p) => {
    if (!inLeft.has(p)) return [`${p}: only Eleventy wrote it`];
    if (!inRight.has(p)) return [`${p}: only the runner wrote it`];
    return readFileSync(join(a, p)).equals(readFileSync(join(b, p))) ? [] : [`${p}: differs`];
  });
}

const Runner = suite('the render runner and Eleventy');

Runner('`npx @11ty/eleventy` with .eleventy.js builds the seed site, and the runner writes the same files byte for byte', async () => {
  const dir = tempDir();
  try {
    const eleventyOut = join(dir, 'eleventy');
    // Eleventy alone, as a user runs it: it loads .eleventy.js, which runs the pipeline on seeds/.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--config=.eleventy.js', `--output=${eleventyOut}`, '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.is(run.status, 0, `Eleventy exits cleanly: ${run.stderr}`);
    const runnerOut = join(dir, 'runner');
    const pages = await runnerSite(runnerOut, {});
    const written = filesUnder(eleventyOut).filter((p) => p.endsWith('.html'));
    assert.is(written.length, pages, 'Eleventy writes as many pages as the runner');
    assert.is(written.filter((p) => /^articles\/[^/]+\/index\.html$/.test(p) && !/^articles\/(page|by)\//.test(p)).length, 5, 'the five seed articles are among them');
    assert.ok(written.some((p) => p.startsWith('entities/')) && written.some((p) => p.startsWith('claims/')), 'and entity and claim pages');
    assert.equal(differences(eleventyOut, runnerOut), [], 'every file is the same');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Runner('on 150 more articles in a folder (sections, lists of several pages), Eleventy in this process writes the same files as the runner', async () => {
  const input = fixtureInput({}, { withSeeds: true });
  try {
    writeSyntheticCorpus(join(input.seeds, 'wire'), 150, 7);
    const runnerOut = join(input.dir, 'runner');
    const pages = await runnerSite(runnerOut, input);
    const eleventyOut = join(input.dir, 'eleventy');
    const result = await runPipeline({ root: ROOT, ...input, workers: 1 });
    setSite(siteData(result.corpus!));
    try {
      const { default: Eleventy } = await import('@11ty/eleventy');
      const eleventy = new Eleventy(join(ROOT, 'src', 'site'), eleventyOut, { configPath: join(ROOT, '.eleventy.js'), quietMode: true });
      await eleventy.write();
    } finally {
      clearSite();
    }
    assert.ok(filesUnder(eleventyOut).some((p) => /^articles\/page\/\d+\/index\.html$/.test(p)), 'the article list has several pages');
    assert.is(filesUnder(eleventyOut).filter((p) => p.endsWith('.html')).length, pages);
    assert.equal(differences(eleventyOut, runnerOut), [], 'every file is the same');
  } finally {
    rmSync(input.dir, { recursive: true, force: true });
  }
});

Runner.run();
