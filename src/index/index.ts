/**
 * The index stage: Pagefind indexes the rendered site, and Gloss writes the index in a fixed order.
 *
 * Pagefind runs in its own process and indexes on one core, so the build starts it before Eleventy
 * renders and hands it each page as Eleventy finishes it: rendering and indexing overlap on the two
 * cores. Eleventy renders without returning to the event loop, so the pages go through a worker
 * thread (background.ts) that talks to Pagefind while Eleventy works. Pagefind numbers pages in the
 * order it receives them, so they always reach it in the sorted order of their paths, whatever
 * order Eleventy renders them in; a page that arrives early waits its turn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { throttled } from '../progress.ts';
import { canonicalIndexFiles, writeIndexFiles } from './canonical.ts';

/** Pages handed to Pagefind at once. */
const IN_FLIGHT = 256;

/** What the build asks of an indexer, in this thread (SiteIndexer) or in a worker (background.ts). */
export interface Indexer {
  /** The pages to come, as paths relative to the site with forward slashes. */
  expect(paths: string[]): void;
  /** A rendered page: `path` relative to the site, with forward slashes. */
  page(path: string, html: string): void;
  /** Adds the pages not handed over, waits for Pagefind, and writes the index into `site/pagefind/`. */
  finish(site: string): Promise<void>;
  /** Stops Pagefind after a failed build; does nothing once finish() has run. */
  abort(): Promise<void>;
}

/**
 * Feeds a site's pages to Pagefind while they are rendered. `expect` names the pages that will come
 * (before any does); `page` hands one over as it is rendered; `finish` adds whatever the renderer did
 * not hand over (read from disk), and writes the index; `abort` stops Pagefind after a failed build.
 */
export class SiteIndexer implements Indexer {
  private pagefind: typeof import('pagefind') | null = null;
  private index: PagefindIndex | null = null;
  private order: string[] = [];
  private readonly waiting = new Map<string, string>();
  private next = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private readonly settled: Array<() => void> = [];
  private added = 0;
  private readonly report: (done: number, total: number) => void;

  /** `onProgress` hears, now and then, how many pages Pagefind has indexed out of how many. */
  constructor(onProgress?: (done: number, total: number) => void) {
    this.report = throttled(onProgress);
  }

  /** Starts Pagefind; if it cannot, stops its process and throws. */
  async start(): Promise<void> {
    try {
      this.pagefind = await import('pagefind');
      const { index, errors } = await this.pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      this.index = index;
    } catch (e) {
      await this.abort();
      throw e;
    }
    this.pump();
  }

  /** The pages to come, as paths relative to the site with forward slashes. */
  expect(paths: string[]): void {
    this.order = [...new Set(paths)].sort(byText);
  }

  /** A rendered page: `path` relative to the site, with forward slashes. */
  page(path: string, html: string): void {
    this.waiting.set(path, forIndex(html));
    this.pump();
  }

  /** Adds the pages not handed over, waits for Pagefind, and writes the index into `site/pagefind/`. */
  async finish(site: string): Promise<void> {
    try {
      const onDisk = htmlPages(site);
      const present = new Set(onDisk);
      const expected = new Set(this.order);
      // Pages announced but never handed over are read from disk in their turn, announced pages
      // that were not written are dropped, and pages the renderer did not announce come last.
      const rest = this.order.slice(this.next).filter((p) => this.waiting.has(p) || present.has(p));
      this.order = [...this.order.slice(0, this.next), ...rest, ...onDisk.filter((p) => !expected.has(p))];
      for (const p of this.order.slice(this.next)) if (!this.waiting.has(p)) this.waiting.set(p, forIndex(readFileSync(join(site, p), 'utf8')));
      this.pump();
      await new Promise<void>((resolve) => {
        if (this.done()) resolve();
        else this.settled.push(resolve);
      });
      if (this.failure) throw this.failure;
      // Taken in memory and written by Gloss: after writeFiles() and close(), a 10,000-article
      // build once found pagefind-entry.json empty.
      const built = await this.index!.getFiles();
      if (built.errors.length) throw new Error(`Pagefind: ${built.errors.join('; ')}`);
      writeIndexFiles(join(site, 'pagefind'), canonicalIndexFiles(built.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) }))));
    } finally {
      await this.abort();
    }
  }

  /** Stops Pagefind's process (left open, it would keep Node from exiting). */
  async abort(): Promise<void> {
    const pagefind = this.pagefind;
    this.pagefind = null;
    this.index = null;
    await pagefind?.close();
  }

  private done(): boolean {
    return this.inFlight === 0 && (this.failure !== null || this.next >= this.order.length);
  }

  /** Sends the next pages in order while they are here and fewer than IN_FLIGHT are out. */
  private pump(): void {
    while (this.index && !this.failure && this.inFlight < IN_FLIGHT && this.next < this.order.length) {
      const path = this.order[this.next]!;
      const content = this.waiting.get(path);
      if (content === undefined) return;
      this.waiting.delete(path);
      this.next++;
      this.inFlight++;
      this.index
        .addHTMLFile({ sourcePath: path, content })
        .then(
          (added) => {
            if (added.errors.length) this.failure ??= new Error(`Pagefind: ${path}: ${added.errors.join('; ')}`);
          },
          (e: unknown) => {
            this.failure ??= e instanceof Error ? e : new Error(String(e));
          },
        )
        .finally(() => {
          this.inFlight--;
          this.report(++this.added, this.order.length);
          this.pump();
          if (this.done()) for (const resolve of this.settled.splice(0)) resolve();
        });
    }
  }
}

/** Indexes the HTML pages already under `site` into `site/pagefind/`. */
export async function indexSite(site: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const indexer = new SiteIndexer(onProgress);
  await indexer.start();
  await indexer.finish(site);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The HTML pages under a folder, as sorted paths relative to it with forward slashes. */
function htmlPages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort(byText);
}

const IGNORED_SECTION = /<section\b[^>]*\bdata-pagefind-ignore="all"[^>]*>([\s\S]*?)<\/section>/g;
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
const START_TAG = /<([a-zA-Z][\w-]*)(\s[^<>]*?)?(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)(?:="[^"]*")?/g;
/** What Pagefind reads from an element that has no data-pagefind attribute: anchors, language. */
const READ_BY_PAGEFIND = /^(?:id|lang|dir|hidden|alt)$/;

/**
 * A page as Pagefind needs it: its one `<main>` element (every page's `data-pagefind-body` is in
 * it; Pagefind reads nothing outside that) without the sections it would ignore with all their
 * content (`data-pagefind-ignore="all"`: keyword-in-context lines, claim lists), without scripts
 * (Pagefind never reads them), and with only the attributes Pagefind reads: an element with a
 * `data-pagefind-…` attribute keeps all of its own, others keep `id`, `lang`, `dir`, `hidden` and `alt`.
 * The index is the one Pagefind makes from the whole page, from far less HTML, which Pagefind
 * parses faster. A page without exactly one `<main>` is passed whole but for scripts and
 * attributes, and a section holding another section is left in.
 */
export function forIndex(page: string): string {
  const start = page.indexOf('<main');
  const end = page.indexOf('</main>');
  const single = start >= 0 && end > start && page.indexOf('<main', start + 1) < 0 && /^<main[\s>]/.test(page.slice(start, start + 6));
  const html = /<html\b[^>]*>/.exec(page)?.[0] ?? '<html>';
  const body = single ? `<!doctype html>\n${html}\n<body>\n${page.slice(start, end + '</main>'.length)}\n</body>\n</html>\n` : page;
  return body
    .replace(IGNORED_SECTION, (whole, inner: string) => (inner.includes('<section') ? whole : ''))
    .replace(SCRIPT, '')
    .replace(START_TAG, (whole, name: string, attributes: string | undefined, slash: string) => {
      if (!attributes || attributes.includes('data-pagefind-')) return whole;
      const kept = [...attributes.matchAll(ATTRIBUTE)].filter((a) => READ_BY_PAGEFIND.test(a[1]!)).map((a) => ` ${a[0]}`);
      return `<${name}${kept.join('')}${slash}>`;
    });
}
