import { statistic } from './deps.ts';
import type { SiteData } from './site.ts';

/**
 * Which entities appear together more often than chance. The unit is the paragraph (each block of
 * an article: headline, standfirst, paragraph, caption; not the byline): two entities co-occur
 * when both are mentioned in one. Their association is the pointwise mutual information of the
 * pair, PMI = log2(n(a,b) · N / (n(a) · n(b))), with N the paragraphs that mention any entity and
 * n(·) the paragraphs that mention a, b, or both (Church & Hanks 1990), normalised to [-1, 1] as
 * NPMI = PMI / -log2(n(a,b) / N) (Bouma 2009) to weigh the edges. A pair counts only when it
 * shares at least MIN_SHARED paragraphs and PMI > 0: one shared paragraph says little, and a PMI
 * at or below zero is what chance alone would give.
 */

/** Fewest paragraphs two entities must share to be joined. */
export const MIN_SHARED = 2;

/** One entity's association with another. */
export interface Association {
  /** The other entity's id. */
  id: string;
  /** Paragraphs that mention both. */
  shared: number;
  /** Pointwise mutual information, in bits. */
  pmi: number;
  /** PMI normalised to [-1, 1]. */
  npmi: number;
}

/** The associations of a corpus. */
export interface Cooccurrence {
  /** Paragraphs that mention at least one entity. */
  paragraphs: number;
  /** Paragraphs that mention each entity. */
  count: Map<string, number>;
  /** Each entity's associations above chance, strongest (NPMI) first. */
  neighbours: Map<string, Association[]>;
}

const made = new WeakMap<SiteData, Cooccurrence>();

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entities of each paragraph of the corpus, as sorted arrays of ids. */
function paragraphs(site: SiteData): string[][] {
  const out: string[][] = [];
  for (const { article, mentions } of site.documents) {
    const blocks = article.blocks.filter((b) => b.kind !== 'byline');
    for (const block of blocks) {
      const ids = new Set<string>();
      for (const m of mentions) if (m.entityId && m.start >= block.start && m.end <= block.end) ids.add(m.entityId);
      if (ids.size) out.push([...ids].sort(byId));
    }
  }
  return out;
}

/**
 * An entity's associations, strongest first, from the statistics of the whole corpus; a page that
 * reads them depends on them alone, not on every article (deps.ts).
 */
export const neighboursOf = statistic('neighbours', (site: SiteData, id: string): Association[] => cooccurrence(site).neighbours.get(id) ?? []);

/** The corpus's co-occurrence statistics, computed once per site and shared by every page. */
export function cooccurrence(site: SiteData): Cooccurrence {
  const cached = made.get(site);
  if (cached) return cached;
  const units = paragraphs(site);
  const index = new Map<string, number>();
  const ids: string[] = [];
  const count = new Map<string, number>();
  for (const unit of units) {
    for (const id of unit) {
      count.set(id, (count.get(id) ?? 0) + 1);
      if (!index.has(id)) index.set(id, ids.push(id) - 1);
    }
  }
  // Pairs keyed by two indices in one number: no string per pair, however large the corpus.
  const width = ids.length;
  const shared = new Map<number, number>();
  for (const unit of units) {
    const at = unit.map((id) => index.get(id)!);
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const [a, b] = at[i]! < at[j]! ? [at[i]!, at[j]!] : [at[j]!, at[i]!];
        const key = a * width + b;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const n = units.length;
  const neighbours = new Map<string, Association[]>();
  const add = (from: string, to: Association): void => {
    const list = neighbours.get(from) ?? neighbours.set(from, []).get(from)!;
    list.push(to);
  };
  for (const [key, both] of shared) {
    if (both < MIN_SHARED) continue;
    const a = ids[Math.floor(key / width)]!;
    const b = ids[key % width]!;
    const pmi = Math.log2((both * n) / (count.get(a)! * count.get(b)!));
    if (!(pmi > 0)) continue;
    // When every paragraph mentions both, -log2(1) is 0: the association is then perfect.
    const npmi = both === n ? 1 : pmi / -Math.log2(both / n);
    add(a, { id: b, shared: both, pmi, npmi });
    add(b, { id: a, shared: both, pmi, npmi });
  }
  for (const list of neighbours.values()) list.sort((x, y) => y.npmi - x.npmi || y.shared - x.shared || byId(x.id, y.id));
  const result = { paragraphs: n, count, neighbours };
  made.set(site, result);
  return result;
}
