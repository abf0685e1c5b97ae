/**
 * The search index comes in bundles, each built by its own Pagefind process (so that they build on
 * both cores) and merged in the browser by Pagefind's `mergeIndex`: the search form lists them in
 * `data-pagefind-bundles`, the first the main one.
 *
 * Article pages and the other indexed pages (entities and claims) go to bundles of their own, and
 * each kind is split by a hash of the page's path into as many bundles as its size asks for: about
 * ARTICLES_PER_BUNDLE articles a bundle, OTHERS_PER_BUNDLE other pages. Pagefind cannot change
 * an index without building it whole, so a smaller bundle is a quicker rebuild after a change, in
 * `npm start` and in `npm run build` alike. The first article bundle is `/pagefind/`; the others
 * are `/pagefind-2/`…, `/pagefind-entities/`, `/pagefind-entities-2/`…. Sorting stays exact across
 * bundles (ranks.ts); relevance is scored within each bundle (see docs/architecture.md).
 */

/** One bundle of the search index. */
export interface Shard {
  /** A name for messages, progress and the build's state: `articles`, `articles-2`, `entities`. */
  name: string;
  /** Its folder under the site, which is also its URL path: `pagefind` → `/pagefind/`. */
  bundle: string;
  kind: 'articles' | 'others';
  /** Which of the `of` bundles of its kind it is, from 0. */
  part: number;
  of: number;
}

/** About how many articles a bundle holds, and how many entity and claim pages. */
// 250 articles: a saved change makes Pagefind build one bundle of 250 article pages again, about
// 0.5 s at 2,000 articles on the loaded 2-core machine, against 1.0-1.25 s for bundles of 500.
export const ARTICLES_PER_BUNDLE = 250;
export const OTHERS_PER_BUNDLE = 1500;
/** At most this many bundles of articles, and of other pages (each is fetched by every search). */
const MOST_ARTICLE_BUNDLES = 8;
const MOST_OTHER_BUNDLES = 4;

const clamp = (n: number, most: number): number => Math.max(1, Math.min(most, n));

/** Pages a bundle holds, of each kind. */
export interface BundleSizes {
  articles: number;
  others: number;
}

const DEFAULT_SIZES: BundleSizes = { articles: ARTICLES_PER_BUNDLE, others: OTHERS_PER_BUNDLE };
const siteSizes = new WeakMap<object, BundleSizes>();

/**
 * Gives one site data other bundle sizes than the defaults (BuildOptions.bundleSizes: tests split a
 * small site over several bundles), or the defaults again (undefined). Kept with the site data, so
 * that the search page and the indexer of one build always agree, whatever other builds do.
 */
export function setBundleSizes(site: object, sizes: BundleSizes | undefined): void {
  if (sizes) siteSizes.set(site, sizes);
  else siteSizes.delete(site);
}

/** The bundles for a site with `articles` article pages and `others` entity and claim pages. */
export function shardsFor(counts: { articles: number; others: number }, sizes: BundleSizes = DEFAULT_SIZES): Shard[] {
  const a = clamp(Math.ceil(counts.articles / sizes.articles), MOST_ARTICLE_BUNDLES);
  const o = clamp(Math.ceil(counts.others / sizes.others), MOST_OTHER_BUNDLES);
  const suffix = (i: number): string => (i === 0 ? '' : `-${i + 1}`);
  return [
    ...Array.from({ length: a }, (_, i): Shard => ({ name: `articles${suffix(i)}`, bundle: `pagefind${suffix(i)}`, kind: 'articles', part: i, of: a })),
    ...Array.from({ length: o }, (_, i): Shard => ({ name: `entities${suffix(i)}`, bundle: `pagefind-entities${suffix(i)}`, kind: 'others', part: i, of: o })),
  ];
}

/** The bundles for a site's data: its articles, and its entity pages and claim pages. */
export function siteShards(site: { documents: readonly unknown[]; pagedEntityIds: ReadonlySet<string>; clusters: readonly unknown[] }): Shard[] {
  return shardsFor({ articles: site.documents.length, others: site.pagedEntityIds.size + site.clusters.length }, siteSizes.get(site));
}

/** FNV-1a, 32 bits: a stable hash of a path, the same on every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The bundle a page goes to, by its path under the site (forward slashes). */
export function shardOf(path: string, shards: readonly Shard[]): Shard {
  const kind = path.startsWith('articles/') ? 'articles' : 'others';
  const mine = shards.filter((s) => s.kind === kind);
  if (!mine.length) throw new Error(`no search bundle for ${path}`);
  return mine.length === 1 ? mine[0]! : mine[fnv1a(path) % mine.length]!;
}

/** The bundles' URLs in the order the search form lists them: the first article bundle first, as the main one. */
export function bundleUrls(shards: readonly Shard[]): string[] {
  return shards.map((s) => `/${s.bundle}/`);
}

/** Whether a path under the site is inside a bundle's folder. */
export function isBundleFile(path: string): boolean {
  return /^pagefind(-[a-z0-9-]+)?\//.test(path);
}
