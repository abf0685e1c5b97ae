/**
 * Sorting across merged bundles.
 *
 * Pagefind sorts a search by a sort key (`data-pagefind-sort="date"`) within one bundle: a result's
 * score becomes its position in the bundle's sorted list of pages (negated for ascending), and the
 * browser orders the results of merged bundles by score. Positions in different bundles are not
 * comparable, so results would interleave by rank instead of by date; and a bundle without the
 * key would keep its relevance scores and mix its pages in.
 *
 * So after Pagefind has built the bundles, Gloss rewrites the sorted lists in each bundle's
 * metadata: a page's position becomes its rank among the pages of every bundle (the other
 * bundles' pages hold places the browser never matches), and a bundle with no page for a key gets
 * an empty list, which drops its pages from sorted results as a single index does with pages that
 * have no value. Merged, the results come in the one order a single index would give. Ranks
 * follow Pagefind's own order (numbers when every value of the key is a number, else code points;
 * equal values in path order), and each bundle's own list is checked against it.
 */

/** A page's value for a sort key, and its page number in its bundle. */
export interface SortEntry {
  path: string;
  value: string;
  page: number;
}

/** Per sort key, a bundle's pages that have a value, in Pagefind's order for the bundle. */
export type BundleSorts = Record<string, SortEntry[]>;

/** A page number that no bundle has: a place in a sorted list held for another bundle's page. */
export const ELSEWHERE = 0xffffffff;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const byPath = (a: SortEntry, b: SortEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Pagefind's order for one key's values: numeric when every value is a number, else by code point. */
function comparator(values: string[]): (a: SortEntry, b: SortEntry) => number {
  if (values.every((v) => NUMBER.test(v))) return (a, b) => Number(a.value) - Number(b.value);
  return (a, b) => Buffer.compare(Buffer.from(a.value), Buffer.from(b.value));
}

/**
 * The sorted lists each bundle's metadata gets: per bundle, per key, page numbers at the pages'
 * ranks over every bundle, ELSEWHERE at the other bundles' ranks. Throws when a bundle's own order
 * is not the one Gloss works out (a change in Pagefind's sorting).
 */
export function globalSorts(bundles: Record<string, BundleSorts>): Record<string, Record<string, number[]>> {
  const keys = [...new Set(Object.values(bundles).flatMap((b) => Object.keys(b)))].sort();
  const result: Record<string, Record<string, number[]>> = Object.fromEntries(Object.keys(bundles).map((b) => [b, {}]));
  for (const key of keys) {
    const all = Object.entries(bundles).flatMap(([bundle, sorts]) => (sorts[key] ?? []).map((entry) => ({ bundle, entry })));
    const compare = comparator(all.map((x) => x.entry.value));
    const order = (a: SortEntry, b: SortEntry): number => compare(a, b) || byPath(a, b);
    for (const [bundle, sorts] of Object.entries(bundles)) {
      const own = sorts[key] ?? [];
      const expected = [...own].sort(order);
      if (expected.some((e, i) => e !== own[i])) throw new Error(`Pagefind sorted the "${key}" values of the ${bundle} bundle in an order Gloss does not reproduce (${own.slice(0, 3).map((e) => JSON.stringify(e.value)).join(', ')}…); sorting across bundles would be wrong. Pin the Pagefind version in package.json.`);
    }
    all.sort((a, b) => order(a.entry, b.entry));
    for (const bundle of Object.keys(bundles)) result[bundle]![key] = all.map((x) => (x.bundle === bundle ? x.entry.page : ELSEWHERE));
    // A bundle none of whose pages has the key: an empty list, so that its pages leave sorted results.
    for (const bundle of Object.keys(bundles)) if (!all.some((x) => x.bundle === bundle)) result[bundle]![key] = [];
  }
  return result;
}

const ATTRIBUTE_VALUE = /\sdata-pagefind-sort="([^"]*)"/;
const SORT_ELEMENT = /<([a-zA-Z][\w-]*)\b[^<>]*\sdata-pagefind-sort="[^"]*"[^<>]*>([^<]*)/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/**
 * The sort values of a page as Pagefind reads it (`forIndex`): elements with
 * `data-pagefind-sort="KEY"` and their text, or `data-pagefind-sort="KEY:VALUE"`. Values are
 * trimmed; empty ones are left out, as Pagefind leaves them out.
 */
export function sortValues(page: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of page.matchAll(SORT_ELEMENT)) {
    const spec = ATTRIBUTE_VALUE.exec(match[0])![1]!;
    if (spec.includes('[')) throw new Error(`data-pagefind-sort="${spec}": Gloss reads sort values from an element's text or "key:value", not from an attribute`);
    const colon = spec.indexOf(':');
    const key = colon >= 0 ? spec.slice(0, colon) : spec;
    const raw = colon >= 0 ? spec.slice(colon + 1) : match[2]!;
    const value = raw.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name]!).trim();
    if (value && !(key in values)) values[key] = value;
  }
  return values;
}
