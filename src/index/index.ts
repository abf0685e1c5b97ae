/**
 * The index stage: Pagefind indexes the rendered site, one bundle per shard (see shards.ts), and
 * Gloss writes each bundle in a fixed order.
 *
 * Each shard has its own Pagefind process, fed from its own worker thread (background.ts), so the
 * two bundles build on the two cores while the main thread renders. Pagefind numbers pages in the
 * order it receives them, so a shard's pages always reach it in the sorted order of their paths,
 * whatever order they are rendered in; a page that arrives early waits its turn. Pages without a
 * `data-pagefind-body` element (the lists) never reach Pagefind: with other pages having one, it
 * would read them and then leave them out, so the index is the same without them.
 *
 * A rebuild gives a shard only what changed: pages not rendered again are read from the site folder
 * only when the shard has to be built again, and a shard none of whose pages changed keeps its
 * previous bundle. Kept alive between builds (`npm start`), a shard replaces the pages that changed
 * in its Pagefind index (a page added under an address the index holds replaces it, in its place)
 * and builds the index again from what Pagefind already read; a page added or removed makes it
 * start a fresh index, so that page numbers stay those of a build from scratch.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { throttled } from '../progress.ts';
import { bundleSortOrder, canonicalIndexFiles, rewriteSorts, writeIndexFiles, type IndexFile } from './canonical.ts';
import { globalSorts, sortValues, type BundleSorts } from './ranks.ts';
import { isBundleFile, shardOf, type Shard } from './shards.ts';

/** Pages handed to Pagefind at once. */
const IN_FLIGHT = 256;

/** A page of a shard, as the build announces it before rendering. */
export interface ShardEntry {
  /** Path under the site, with forward slashes. */
  path: string;
  /** Whether the page will be handed over (rendered in this build); if not, it is read from the site folder when needed. */
  rendered: boolean;
}

/** What a shard reports when its bundle is done. */
export interface ShardOutcome {
  shard: string;
  /** Whether the bundle was built; false when no page changed and the previous bundle stands. */
  built: boolean;
  /** Per indexed page, the hash of what Pagefind read of it (pages without data-pagefind-body are left out). */
  hashes: Record<string, string>;
  /** The bundle's files (paths inside its folder) and their hashes, when built. */
  files: Record<string, string> | null;
  /** Per sort key, the bundle's pages in Pagefind's order, when built (see ranks.ts). */
  sorts: BundleSorts | null;
  /** Files of the bundle written and removed (`update` only): paths inside its folder. */
  written: string[];
  removed: string[];
}

/** What the build asks of an indexer, in this thread or in workers (background.ts). */
export interface Indexer {
  /**
   * The pages to come, every shard's, in any order; `previous` holds each shard's index hashes of
   * the previous build; `site` is the folder that already holds the pages not rendered again (read
   * from there while the others render), or null when they are there only at `finish`.
   */
  expect(entries: ShardEntry[], previous?: Record<string, Record<string, string>> | null, site?: string | null): void;
  /** A rendered page: `path` relative to the site, with forward slashes. */
  page(path: string, html: string): void;
  /** Reads the pages not handed over, waits for Pagefind, and writes each bundle that changed into `site`. */
  finish(site: string): Promise<ShardOutcome[]>;
  /** Stops Pagefind after a failed build; does nothing once finish() has run. */
  abort(): Promise<void>;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A page element with a data-pagefind-body attribute (text reaches pages escaped, so never a `<` of its own). */
const BODY = /<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=>]/;

/** What Pagefind reads of a page (see forIndex), or null when the page has no data-pagefind-body: Pagefind would leave it out. */
export function indexInput(html: string): string | null {
  if (!BODY.test(html)) return null;
  return forIndex(html);
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * One shard's Pagefind index. `expect` names the shard's pages before any is rendered; `page` hands
 * one over as it is rendered; `finish` reads the others from the site folder when the shard must be
 * built, and writes its bundle. With `keep`, it keeps what Pagefind read of each page, and `update`
 * applies a rebuild's changes to the live index.
 */
export class ShardIndexer {
  private pagefind: typeof import('pagefind') | null = null;
  private index: PagefindIndex | null = null;
  private entries: ShardEntry[] = [];
  private previous: Record<string, string> | null = null;
  private site: string | null = null;
  /** What Pagefind reads of each rendered page that arrived (null: no data-pagefind-body), until sent. */
  private readonly arrived = new Map<string, string | null>();
  /** The index hash of every page examined (null: not indexed). */
  private readonly computed = new Map<string, string | null>();
  /** With `keep`: what Pagefind read of each indexed page, for `update`. */
  private readonly texts = new Map<string, string>();
  /** The sort values of the pages examined that have any. */
  private readonly sortValues = new Map<string, Record<string, string>>();
  private sorts: BundleSorts | null = null;
  /** The next entry to send, once the shard is known to change. */
  private next = 0;
  private changed = false;
  private inFlight = 0;
  private failure: Error | null = null;
  private readonly settled: Array<() => void> = [];
  private finished = false;
  private files: Record<string, string> = {};
  private readonly report: (done: number, total: number) => void;

  /** `onProgress` hears, now and then, how many of the shard's pages are done out of how many. */
  constructor(
    readonly shard: Shard,
    private readonly options: { keep?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ) {
    this.report = throttled(options.onProgress);
  }

  /** Starts Pagefind; if it cannot, stops its process and throws. */
  async start(): Promise<void> {
    try {
      this.pagefind = await import('pagefind');
      await this.fresh();
    } catch (e) {
      await this.abort();
      throw e;
    }
    this.pump();
  }

  /** A new, empty Pagefind index in place of the current one. */
  private async fresh(): Promise<void> {
    await this.index?.deleteIndex();
    const { index, errors } = await this.pagefind!.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    this.index = index;
  }

  /**
   * The shard's pages to come (any order), the folder that holds the pages not rendered again, and
   * the index hashes of the previous build (null: none, and the shard is built).
   */
  expect(entries: ShardEntry[], site: string | null, previous: Record<string, string> | null): void {
    this.entries = [...entries].sort((a, b) => byText(a.path, b.path));
    this.site = site;
    this.previous = previous;
    const paths = new Set(entries.map((e) => e.path));
    // Without a previous build, or with one of its pages gone, the shard is built whatever else happens.
    if (previous === null || Object.keys(previous).some((p) => !paths.has(p))) this.changed = true;
    for (const [path, text] of this.arrived) this.examine(path, text);
    this.pump();
  }

  /** A rendered page: `path` relative to the site, with forward slashes. */
  page(path: string, html: string): void {
    const text = indexInput(html);
    this.arrived.set(path, text);
    this.examine(path, text);
    this.pump();
  }

  /** Notes a page's index hash, and whether the shard changes with it. */
  private examine(path: string, text: string | null): void {
    this.noteSorts(path, text);
    const hash = text === null ? null : hashOf(text);
    this.computed.set(path, hash);
    if (!this.changed && this.entries.length && (this.previous?.[path] ?? null) !== hash) this.changed = true;
  }

  /** Remembers a page's sort values (or that it has none). */
  private noteSorts(path: string, text: string | null): void {
    if (text !== null && text.includes('data-pagefind-sort')) this.sortValues.set(path, sortValues(text));
    else this.sortValues.delete(path);
  }

  /** Reads the pages not handed over when the shard changed, waits for Pagefind, and writes its bundle into `site/BUNDLE/`. */
  async finish(site: string): Promise<ShardOutcome> {
    if (this.finished) return this.outcome(false);
    try {
      // Pages announced as rendered but never handed over are read from the site folder; those not written there are dropped.
      this.entries = this.entries.filter((e, i) => i < this.next || !e.rendered || this.arrived.has(e.path) || existsSync(join(site, e.path)));
      this.entries = this.entries.map((e, i) => (i >= this.next && e.rendered && !this.arrived.has(e.path) ? { path: e.path, rendered: false } : e));
      this.site = site;
      const started = performance.now();
      const debug = process.env['GLOSS_DEBUG'] ? (what: string): void => console.log(`[debug ${this.shard.name}] ${what} after ${((performance.now() - started) / 1000).toFixed(2)} s (${this.next} of ${this.entries.length} sent)`) : (): void => undefined;
      this.pump();
      await this.settle();
      debug('settled');
      if (this.failure) throw this.failure;
      if (!this.changed) return this.outcome(false);
      await this.write(site);
      debug('written');
      return this.outcome(true);
    } finally {
      this.finished = true;
      if (!this.options.keep) await this.abort();
    }
  }

  /**
   * Applies a rebuild to a live shard (started with `keep`): `pages` are the shard's pages rendered
   * again, with null for a page gone. Pages that changed replace theirs in the index; a page added
   * or removed starts a fresh index, fed in path order. Writes what changed of the bundle into
   * `site/BUNDLE/`, the entry file last, and removes the files the bundle no longer has.
   */
  async update(pages: Array<{ path: string; html: string | null }>, site: string): Promise<ShardOutcome> {
    if (!this.options.keep || !this.index) throw new Error(`the ${this.shard.name} index cannot be updated: it was not started to be kept, or it stopped`);
    const changes = new Map<string, string | null>();
    for (const { path, html } of pages) {
      const text = html === null ? null : indexInput(html);
      if (text !== (this.texts.get(path) ?? null)) changes.set(path, text);
    }
    if (!changes.size) return this.outcome(false);
    const reshaped = [...changes].some(([path, text]) => (text === null) === this.texts.has(path));
    for (const [path, text] of changes) {
      if (text === null) this.texts.delete(path);
      else this.texts.set(path, text);
      this.computed.set(path, text === null ? null : hashOf(text));
      this.noteSorts(path, text);
    }
    if (reshaped) {
      await this.fresh();
      await this.addAll([...this.texts].sort(([a], [b]) => byText(a, b)).map(([path, text]) => ({ path, text })));
    } else await this.addAll([...changes].map(([path, text]) => ({ path, text: text! })));
    const before = this.files;
    const files = await this.build();
    // The metadata and the entry file are always written: the build ranks their sorted lists afterwards (settleSorts).
    const always = (f: IndexFile): boolean => f.path === 'pagefind-entry.json' || f.path.endsWith('.pf_meta');
    const written = files.filter((f) => always(f) || before[f.path] !== this.files[f.path]);
    const dir = join(site, this.shard.bundle);
    // New files first and the entry file last, so that a reader never meets a name not yet written.
    const entryLast = (f: IndexFile): number => Number(f.path === 'pagefind-entry.json');
    writeIndexFiles(dir, written.sort((a, b) => entryLast(a) - entryLast(b)));
    const gone = existsSync(dir)
      ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .map((p) => p.split('\\').join('/'))
          .filter((p) => !(p in this.files) && statSync(join(dir, p)).isFile())
      : [];
    for (const p of gone) rmSync(join(dir, ...p.split('/')), { force: true });
    return { ...this.outcome(true), written: written.map((f) => f.path), removed: gone };
  }

  /** Stops Pagefind's process (left open, it would keep Node from exiting). */
  async abort(): Promise<void> {
    const pagefind = this.pagefind;
    this.pagefind = null;
    this.index = null;
    this.finished = true;
    await pagefind?.close();
  }

  /** Every indexed page's hash: computed for the pages examined, the previous build's for the others. */
  private outcome(built: boolean): ShardOutcome {
    const hashes: Record<string, string> = {};
    const paths = this.options.keep && this.finished ? [...this.texts.keys()].sort(byText) : this.entries.map((e) => e.path);
    for (const path of paths) {
      const hash = this.computed.has(path) ? this.computed.get(path)! : (this.previous?.[path] ?? null);
      if (hash !== null) hashes[path] = hash;
    }
    return { shard: this.shard.name, built, hashes, files: built ? { ...this.files } : null, sorts: built ? this.sorts : null, written: [], removed: [] };
  }

  private settle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.idle()) resolve();
      else this.settled.push(resolve);
    });
  }

  /** Nothing in flight, and nothing left to send (or the shard unchanged, with every rendered page here). */
  private idle(): boolean {
    if (this.inFlight > 0) return false;
    if (this.failure) return true;
    if (this.changed) return this.next >= this.entries.length;
    return this.entries.every((e) => !e.rendered || this.computed.has(e.path));
  }

  /**
   * Once the shard is known to change, sends its pages to Pagefind in path order, at most IN_FLIGHT
   * at a time: rendered pages as they arrive, the others read from the site folder. A page not
   * rendered again that the previous build did not index has no body now either, and is skipped.
   */
  private pump(): void {
    if (this.index && !this.failure && !this.finished && this.changed) {
      while (this.inFlight < IN_FLIGHT && this.next < this.entries.length) {
        const entry = this.entries[this.next]!;
        let text: string | null;
        if (entry.rendered) {
          if (!this.arrived.has(entry.path)) break;
          text = this.arrived.get(entry.path)!;
          this.arrived.delete(entry.path);
        } else if (this.previous !== null && this.previous[entry.path] === undefined) {
          text = null;
        } else {
          if (!this.site) break;
          text = indexInput(readFileSync(join(this.site, entry.path), 'utf8'));
          this.computed.set(entry.path, text === null ? null : hashOf(text));
          this.noteSorts(entry.path, text);
        }
        this.next++;
        this.report(this.next, this.entries.length);
        if (text === null) continue;
        if (this.options.keep) this.texts.set(entry.path, text);
        this.send(entry.path, text);
      }
    }
    if (this.idle()) for (const resolve of this.settled.splice(0)) resolve();
  }

  private send(path: string, text: string): void {
    this.inFlight++;
    this.index!.addHTMLFile({ sourcePath: path, content: text })
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
        this.pump();
      });
  }

  private async addAll(pages: Array<{ path: string; text: string }>): Promise<void> {
    for (let i = 0; i < pages.length; i += IN_FLIGHT) {
      const results = await Promise.all(pages.slice(i, i + IN_FLIGHT).map((p) => this.index!.addHTMLFile({ sourcePath: p.path, content: p.text })));
      const errors = results.flatMap((r, k) => r.errors.map((e) => `${pages[i + k]!.path}: ${e}`));
      if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
    }
  }

  /** Builds the index and returns its files in canonical form; remembers their hashes. */
  private async build(): Promise<IndexFile[]> {
    // Taken in memory and written by Gloss: after writeFiles() and close(), a 10,000-article
    // build once found pagefind-entry.json empty.
    const built = await this.index!.getFiles();
    if (built.errors.length) throw new Error(`Pagefind: ${built.errors.join('; ')}`);
    const files = canonicalIndexFiles(built.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
    this.files = Object.fromEntries(files.map((f) => [f.path, hashOf64(f.content)]));
    const sorts: BundleSorts = {};
    for (const [key, pages] of Object.entries(bundleSortOrder(files))) {
      sorts[key] = pages.map(({ page, path }) => {
        const value = this.sortValues.get(path)?.[key];
        if (value === undefined) throw new Error(`Pagefind sorts ${path} by "${key}", but Gloss found no value for it there`);
        return { path, value, page };
      });
    }
    this.sorts = sorts;
    return files;
  }

  private async write(site: string): Promise<void> {
    writeIndexFiles(join(site, this.shard.bundle), await this.build());
  }
}

function hashOf64(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * Indexes the HTML pages already under `site` into the bundles `shards`, every shard in this
 * thread, one after the other, then ranks their sorted lists across bundles (tests; the build uses
 * background.ts).
 */
export async function indexSite(site: string, shards: readonly Shard[]): Promise<ShardOutcome[]> {
  const pages = htmlPages(site);
  const outcomes: ShardOutcome[] = [];
  for (const shard of shards) {
    const indexer = new ShardIndexer(shard);
    await indexer.start();
    indexer.expect(
      pages.filter((p) => shardOf(p, shards) === shard).map((path) => ({ path, rendered: false })),
      site,
      null,
    );
    outcomes.push(await indexer.finish(site));
  }
  settleSorts(site, shards, outcomes, null);
  return outcomes;
}

/** What the bundles of a build hold, for the next build: each one's files and its pages' sort values. */
export interface BundlesState {
  bundles: Record<string, Record<string, string>>;
  sorts: Record<string, BundleSorts>;
}

/**
 * Gives every bundle its sorted lists ranked across bundles (ranks.ts), once each shard is built
 * or kept: a kept bundle's files and sort values are the previous build's. Rewrites only the
 * bundles whose lists change. Returns what the next build needs.
 */
export function settleSorts(site: string, shards: readonly Shard[], outcomes: ShardOutcome[], previous: BundlesState | null): BundlesState {
  const state: BundlesState = { bundles: {}, sorts: {} };
  for (const shard of shards) {
    const outcome = outcomes.find((o) => o.shard === shard.name);
    state.sorts[shard.name] = (outcome?.built ? outcome.sorts : previous?.sorts[shard.name]) ?? {};
    state.bundles[shard.name] = (outcome?.built ? outcome.files : previous?.bundles[shard.name]) ?? {};
  }
  const ranked = globalSorts(state.sorts);
  for (const shard of shards) {
    if (!Object.keys(state.bundles[shard.name]!).length) continue;
    state.bundles[shard.name] = rewriteSorts(join(site, shard.bundle), state.bundles[shard.name]!, ranked[shard.name] ?? {});
  }
  return state;
}

/** The HTML pages under a folder, outside the index bundles, as sorted paths relative to it with forward slashes. */
export function htmlPages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.html') && !isBundleFile(path))
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
