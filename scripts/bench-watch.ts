/**
 * `npm run bench -- --watch`: `npm start` on a corpus of 2,000 articles, measured as a user sees it.
 * scripts/start.ts runs in a child process on a free port; once it serves the site, one article is
 * changed at a time (a paragraph with a word no article has is added) and the bench measures, from
 * the moment the file is written:
 *
 * - the page: until the served article page (HTTP, as the browser gets it) has the word;
 * - the search: until a search for the word on the served search page, in headless Chromium with
 *   the site's own search script, lists the article (Chromium at CHROMIUM_PATH or /usr/bin/chromium;
 *   without it, the search is not measured). The served bundles' entry files are polled over HTTP
 *   first, and the browser searches once one has changed (and again until the article is found):
 *   a browser search takes a second or more on the loaded machine, so searching blindly in a loop
 *   would add up to one search's time to the measure.
 *
 * Each change waits for the previous one's dataset to be written, as a user saving now and then.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PreparedCorpus } from './bench-corpus.ts';

/** One saved change and how long until the site showed it. */
export interface WatchEdit {
  file: string;
  /** Milliseconds from the save to the served page having the change, and to the search finding it (null: not measured). */
  pageMs: number;
  searchMs: number | null;
  /** Milliseconds from the save to a served bundle's entry file changing, and the time of the last search in Chromium and how many were made. */
  indexMs: number | null;
  oneSearchMs: number | null;
  searches: number;
  /** What the builder reported for the update (its own timings), when it did. */
  builder: string | null;
  load: number;
}

export interface WatchRun {
  ok: boolean;
  error: string | null;
  /** Seconds from starting `npm start` to the site being served. */
  startS: number;
  edits: WatchEdit[];
  /** How the search was checked. */
  search: 'chromium' | 'not measured (no Chromium)';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A word no article has: letters only, so that it is one search term. */
function marker(i: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let n = Date.now() + i * 7919;
  let word = 'glossy';
  for (let k = 0; k < 8; k++, n = Math.floor(n / letters.length)) word += letters[n % letters.length];
  return word;
}

/** The served search bundles' entry files, joined: they change when a bundle is written. */
async function bundleEntries(origin: string): Promise<string> {
  const form = await fetch(`${origin}/search/`).then((r) => r.text(), () => '');
  const bundles = (/data-pagefind-bundles="([^"]*)"/.exec(form)?.[1] ?? '/pagefind/').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(bundles.map((b) => fetch(`${origin}${b}pagefind-entry.json`).then((r) => r.text(), () => '')));
  return texts.join('\n');
}

/** Lines the child prints, and a way to wait for one that matches. */
function lines(child: ChildProcess, label: string): { waitFor: (pattern: RegExp, timeoutMs: number) => Promise<string>; tail: string[] } {
  const seen: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const take = (line: string): void => {
    if (!line.trim() || line.startsWith('warning:')) return;
    console.log(`${label} | ${line}`);
    seen.push(line);
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(line)) w.resolve(line);
      else waiters.push(w);
    }
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', take);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', take);
  return {
    tail: seen,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s: ${seen.slice(-3).join(' / ')}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      }),
  };
}

/**
 * Runs `npm start` on `corpus` (written by prepareCorpus), changes `edits` articles one after the
 * other, and measures each. Temporary folders are the caller's.
 */
export async function benchWatch(root: string, corpus: PreparedCorpus, work: string, edits = 3): Promise<WatchRun> {
  const port = await freePort();
  const tsx = import.meta.resolve('tsx');
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', '--import', tsx, join(root, 'scripts', 'start.ts'), '--seeds', corpus.seeds, '--out', join(work, 'site'), '--cache', join(work, '.cache'), '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = lines(child, '[watch]');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  let browser: import('playwright-core').Browser | null = null;
  const run: WatchRun = { ok: false, error: null, startS: 0, edits: [], search: existsSync(chromium) ? 'chromium' : 'not measured (no Chromium)' };
  try {
    await out.waitFor(/Gloss is at http/, 1_800_000);
    run.startS = (performance.now() - started) / 1000;
    if (run.search === 'chromium') {
      const { chromium: launcher } = await import('playwright-core');
      browser = await launcher.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    }
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < edits; i++) {
      const k = Math.floor(((i + 1) * corpus.files.length) / (edits + 1));
      const file = corpus.files[k]!;
      const id = corpus.ids[k]!;
      const word = marker(i);
      const entries = await bundleEntries(origin);
      const updated = out.waitFor(/^updated in /, 300_000);
      const exported = out.waitFor(/^dataset written|could not be written/, 600_000);
      const t0 = performance.now();
      appendFileSync(join(corpus.seeds, file), `\n\nThe benchmark adds the word ${word} to this article.\n`);
      let pageMs = -1;
      while (pageMs < 0) {
        const body = await fetch(`${origin}/articles/${id}/`).then((r) => r.text(), () => '');
        if (body.includes(word)) pageMs = performance.now() - t0;
        else await sleep(25);
        if (performance.now() - t0 > 300_000) throw new Error(`the page of ${id} never showed the change`);
      }
      let searchMs: number | null = null;
      let indexMs: number | null = null;
      let oneSearchMs: number | null = null;
      let searches = 0;
      if (browser) {
        // Until a bundle's entry file changes (a minute at most), the index cannot have the word.
        while (performance.now() - t0 < 60_000 && (await bundleEntries(origin)) === entries) await sleep(25);
        indexMs = performance.now() - t0;
        while (searchMs === null) {
          searches++;
          const searchStarted = performance.now();
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(`${origin}/search/?q=${word}`);
          const found = await page
            .waitForFunction((href) => [...document.querySelectorAll('#search-results li > a')].some((a) => new URL((a as HTMLAnchorElement).href).pathname === href) || /^0 results/.test(document.getElementById('search-status')?.textContent ?? ''), `/articles/${id}/`, { timeout: 10_000 })
            .then(() => page.$$eval('#search-results li > a', (links, href) => links.some((a) => new URL((a as HTMLAnchorElement).href).pathname === href), `/articles/${id}/`))
            .catch(() => false);
          await context.close();
          oneSearchMs = performance.now() - searchStarted;
          if (found) searchMs = performance.now() - t0;
          else if (performance.now() - t0 > 300_000) throw new Error(`a search for ${word} never found ${id}`);
        }
      }
      const builder = await updated.catch(() => null);
      run.edits.push({ file, pageMs, searchMs, indexMs, oneSearchMs, searches, builder, load: loadavg()[0] ?? 0 });
      const s = (ms: number | null): string => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
      console.log(`[watch] change ${i + 1}: ${file}: in the page after ${s(pageMs)}, in search after ${s(searchMs)} (the index changed after ${s(indexMs)}; ${searches} search(es) in Chromium, the last ${s(oneSearchMs)}; load ${(loadavg()[0] ?? 0).toFixed(1)})`);
      await exported;
    }
    run.ok = true;
  } catch (e) {
    run.error = e instanceof Error ? e.message : String(e);
    console.log(`[watch] FAILED: ${run.error}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  return run;
}
