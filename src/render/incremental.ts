/**
 * Renders the pages whose data changed since the previous build, and remembers for each page what
 * it read (deps.ts) and a hash of what it wrote.
 *
 * Article, entity and claim pages and the search's name files (the templates that page through
 * `pages.articles`, `pages.entities`, `pages.clusters` and `buckets`) are tracked: each renders
 * against a view of the site data that records its look-ups, and is rendered again only when one of
 * them has a new fingerprint. The other pages (home, lists, timeline, outlets, data, search page, methodology) are few, are made
 * from the whole corpus, and share caches per site data: they are rendered in every build, and
 * written only when their bytes changed.
 */
import { createHash } from 'node:crypto';
import { setSite } from './eleventy.ts';
import { Fingerprints, trackedSite } from './deps.ts';
import { renderPage, type PageSpec, type Templates } from './runner.ts';
import type { SiteData } from './site.ts';

/** The pagination data of the tracked templates. */
const TRACKED = new Set(['pages.articles', 'pages.entities', 'pages.clusters', 'buckets']);

/** What a build remembers of one page. */
export interface PageRecord {
  /** Hash of the page's bytes. */
  hash: string;
  /** The site data keys the page read (indexes into `RenderState.keys`), or null for a page rendered in every build. */
  deps: number[] | null;
}

/** What a build remembers of its pages, for the next one. */
export interface RenderState {
  pages: Map<string, PageRecord>;
  /** Site data keys (see deps.ts) and their fingerprints in the build that made this state. */
  keys: string[];
  fingerprints: string[];
}

/** Whether a page's template is tracked (its look-ups recorded). */
export function isTracked(page: PageSpec): boolean {
  const pagination = page.template.data.pagination;
  return pagination !== undefined && TRACKED.has(pagination.data);
}

export function pageHash(html: string): string {
  return createHash('sha1').update(html).digest('base64');
}

/**
 * The pages to render: every page without a previous record, every untracked page, and every
 * tracked page one of whose keys has a new fingerprint in `fingerprints`.
 */
export function pagesToRender(pages: PageSpec[], previous: RenderState | null, fingerprints: Fingerprints): Set<string> {
  const dirty = new Set<string>();
  const changed = new Map<number, boolean>();
  const keyChanged = (id: number): boolean => {
    let found = changed.get(id);
    if (found === undefined) changed.set(id, (found = fingerprints.of(previous!.keys[id]!) !== previous!.fingerprints[id]));
    return found;
  };
  for (const page of pages) {
    const before = previous?.pages.get(page.path);
    if (!before || before.deps === null || !isTracked(page) || before.deps.some(keyChanged)) dirty.add(page.path);
  }
  return dirty;
}

/** What `renderPages` did. */
export interface RenderOutcome {
  state: RenderState;
  /** Pages whose bytes differ from the previous build's (or that it did not have). */
  changed: string[];
  /** Pages of the previous build that no page makes any more. */
  removed: string[];
}

/**
 * Renders the pages of `dirty` (the site data set with `setSite` is `site`), each tracked one
 * against its own recording view, handing each to `onPage` with whether its bytes changed; then
 * makes the state for the next build: records of the pages rendered, the previous records of the
 * others, and the fingerprints of every key any page read.
 */
export async function renderPages(options: {
  templates: Templates;
  site: SiteData;
  pages: PageSpec[];
  dirty: Set<string>;
  previous: RenderState | null;
  fingerprints: Fingerprints;
  onPage: (path: string, html: string, changed: boolean) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<RenderOutcome> {
  const { templates, site, previous, fingerprints } = options;
  const records = new Map<string, { hash: string; deps: string[] | number[] | null; fresh: boolean }>();
  const changed: string[] = [];
  // Progress counts HTML pages: the search's name files (JSON) are rendered too, but are not pages.
  const total = [...options.dirty].filter((path) => path.endsWith('.html')).length;
  let done = 0;
  let rendered = 0;
  try {
    for (const page of options.pages) {
      const before = previous?.pages.get(page.path);
      if (!options.dirty.has(page.path)) {
        records.set(page.path, { hash: before!.hash, deps: before!.deps, fresh: false });
        continue;
      }
      let html: string;
      let deps: string[] | null = null;
      if (isTracked(page)) {
        const keys = new Set<string>();
        setSite(trackedSite(site, keys));
        try {
          html = renderPage(templates, page);
        } finally {
          setSite(site);
        }
        deps = [...keys];
      } else html = renderPage(templates, page);
      const hash = pageHash(html);
      const isNew = !before || before.hash !== hash;
      if (isNew) changed.push(page.path);
      records.set(page.path, { hash, deps, fresh: true });
      options.onPage(page.path, html, isNew);
      rendered++;
      if (page.path.endsWith('.html')) options.onProgress?.(++done, total);
      // Now and then, let the event loop run: progress from the index workers, the terminal.
      if (rendered % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    setSite(site);
  }
  const made = new Set(options.pages.map((p) => p.path));
  const removed = previous ? [...previous.pages.keys()].filter((p) => !made.has(p)) : [];
  // The next build's key table: every key a page read, with its fingerprint now.
  const keys: string[] = [];
  const ids = new Map<string, number>();
  const intern = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      ids.set(key, id);
    }
    return id;
  };
  const pages = new Map<string, PageRecord>();
  for (const [path, record] of records) {
    let deps: number[] | null = null;
    if (record.deps) deps = record.fresh ? (record.deps as string[]).map(intern) : (record.deps as number[]).map((id) => intern(previous!.keys[id]!));
    pages.set(path, { hash: record.hash, deps });
  }
  return { state: { pages, keys, fingerprints: keys.map((k) => fingerprints.of(k)) }, changed, removed };
}
