/**
 * What a page read of the site data, and whether it changed since: the rebuild renders a page again
 * only when something it read is different.
 *
 * A page of a tracked template renders against a view of the site data that records every look-up
 * (`documentById.get(id)`, `pagedEntityIds.has(id)`, a walk over `documents`…) as a key such as
 * `documentById␀bbc-001`. Each key has a fingerprint: a hash of what the look-up returns and of the
 * records it leads to (an entity's mentions cover the articles they are in). After a change, a page
 * is rendered again when one of its keys has a new fingerprint, or its key set is unknown.
 *
 * The view is a new object for each page, so the caches that render modules keep per site data
 * (a WeakMap keyed by it) start empty for each page: a value computed for one page never reaches
 * another without its look-ups being recorded there too.
 */
import { createHash } from 'node:crypto';
import type { AnnotationDocument, Claim } from '../types.ts';
import type { SiteData } from './site.ts';

/** The maps of the site data that pages look up by key. */
const MAPS = ['entityById', 'statsById', 'documentById', 'claimById', 'clusterById', 'mentionsByEntity', 'claimsByEntity', 'entitiesByArticle', 'pagedEntityIds'] as const;
/** The fields that pages read whole. */
const WHOLE = ['corpus', 'documents', 'entities', 'clusters', 'outlets'] as const;
type MapField = (typeof MAPS)[number];
type WholeField = (typeof WHOLE)[number];

const SEP = '\u0000';
/** The key for reading a whole field (or iterating over a map). */
const ALL = '*';

/** A map that records each look-up in `keys` and reads through to the site's map. Read only. */
class TrackedMap<K, V> extends Map<K, V> {
  constructor(
    private readonly inner: ReadonlyMap<K, V>,
    private readonly field: string,
    private readonly record: Set<string>,
  ) {
    super();
  }
  override get(key: K): V | undefined {
    this.record.add(`${this.field}${SEP}${String(key)}`);
    return this.inner.get(key);
  }
  override has(key: K): boolean {
    this.record.add(`${this.field}${SEP}${String(key)}`);
    return this.inner.has(key);
  }
  override get size(): number {
    this.whole();
    return this.inner.size;
  }
  override entries(): MapIterator<[K, V]> {
    this.whole();
    return this.inner.entries();
  }
  override keys(): MapIterator<K> {
    this.whole();
    return this.inner.keys();
  }
  override values(): MapIterator<V> {
    this.whole();
    return this.inner.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.whole();
    this.inner.forEach((v, k) => callback.call(thisArg, v, k, this));
  }
  override set(): this {
    throw new Error(`the site data is read only (${this.field})`);
  }
  override delete(): boolean {
    throw new Error(`the site data is read only (${this.field})`);
  }
  override clear(): void {
    throw new Error(`the site data is read only (${this.field})`);
  }
  private whole(): void {
    this.record.add(`${this.field}${SEP}${ALL}`);
  }
}

/** A set that records each test in `keys`. Read only. */
class TrackedSet<T> extends Set<T> {
  constructor(
    private readonly inner: ReadonlySet<T>,
    private readonly field: string,
    private readonly record: Set<string>,
  ) {
    super();
  }
  override has(value: T): boolean {
    this.record.add(`${this.field}${SEP}${String(value)}`);
    return this.inner.has(value);
  }
  override get size(): number {
    this.record.add(`${this.field}${SEP}${ALL}`);
    return this.inner.size;
  }
  override values(): SetIterator<T> {
    this.record.add(`${this.field}${SEP}${ALL}`);
    return this.inner.values();
  }
  override keys(): SetIterator<T> {
    return this.values();
  }
  override entries(): SetIterator<[T, T]> {
    this.record.add(`${this.field}${SEP}${ALL}`);
    return this.inner.entries();
  }
  override [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }
  override forEach(callback: (value: T, key: T, set: Set<T>) => void, thisArg?: unknown): void {
    this.record.add(`${this.field}${SEP}${ALL}`);
    this.inner.forEach((v) => callback.call(thisArg, v, v, this));
  }
  override add(): this {
    throw new Error(`the site data is read only (${this.field})`);
  }
  override delete(): boolean {
    throw new Error(`the site data is read only (${this.field})`);
  }
  override clear(): void {
    throw new Error(`the site data is read only (${this.field})`);
  }
}

/** On a tracked view: the site data behind it, and the keys it records. */
const BEHIND = Symbol('the site data behind a tracked view');

/** Statistics of the whole corpus that pages read by key, by name (see `statistic`). */
const STATISTICS = new Map<string, (site: SiteData, id: string) => unknown>();

/**
 * A statistic computed once over the whole corpus and read by pages one key at a time (an
 * entity's associations, a name file): on a page's tracked view it is read from the site data
 * itself, so it is computed once, and recorded as the key `NAME␀ID`, whose fingerprint is the
 * value read. A change to an article then renders a page again only if what it read changed.
 */
export function statistic<T>(name: string, compute: (site: SiteData, id: string) => T): (site: SiteData, id: string) => T {
  STATISTICS.set(name, compute);
  return (site, id) => {
    const behind = (site as SiteData & { [BEHIND]?: { site: SiteData; keys: Set<string> } })[BEHIND];
    if (!behind) return compute(site, id);
    behind.keys.add(`${name}${SEP}${id}`);
    return compute(behind.site, id);
  };
}

/** A view of the site data that records in `keys` every look-up a page makes. */
export function trackedSite(site: SiteData, keys: Set<string>): SiteData {
  const view = Object.create(site) as SiteData;
  Object.defineProperty(view, BEHIND, { value: { site, keys } });
  for (const field of MAPS) {
    const inner: ReadonlyMap<unknown, unknown> | ReadonlySet<unknown> = site[field];
    const tracked = inner instanceof Map ? new TrackedMap(inner, field, keys) : new TrackedSet(inner as ReadonlySet<unknown>, field, keys);
    Object.defineProperty(view, field, { value: tracked, enumerable: true });
  }
  for (const field of WHOLE) {
    Object.defineProperty(view, field, {
      enumerable: true,
      get: () => {
        keys.add(`${field}${SEP}${ALL}`);
        return site[field];
      },
    });
  }
  return view;
}

const docHashes = new WeakMap<AnnotationDocument, string>();

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** A hash of a document's whole record (article, mentions, claims and their clusters). */
function documentHash(doc: AnnotationDocument | undefined): string {
  if (!doc) return '-';
  let found = docHashes.get(doc);
  if (!found) docHashes.set(doc, (found = hash(JSON.stringify(doc))));
  return found;
}

/**
 * The fingerprints of one site data's keys, computed when first asked for. A key's fingerprint
 * covers everything reachable from what its look-up returns: an entity's mentions or claims cover
 * the whole documents they come from.
 */
export class Fingerprints {
  private readonly known = new Map<string, string>();
  private claimDocs: Map<string, AnnotationDocument> | null = null;

  constructor(private readonly site: SiteData) {}

  /** The fingerprint of a key recorded by `trackedSite`. */
  of(key: string): string {
    let found = this.known.get(key);
    if (found === undefined) {
      found = this.compute(key);
      this.known.set(key, found);
    }
    return found;
  }

  private compute(key: string): string {
    const at = key.indexOf(SEP);
    const field = key.slice(0, at);
    const id = key.slice(at + 1);
    const site = this.site;
    if (id === ALL) return this.whole(field as MapField | WholeField);
    const read = STATISTICS.get(field);
    if (read) return hash(JSON.stringify(read(site, id) ?? null));
    switch (field as MapField) {
      case 'documentById':
        return documentHash(site.documentById.get(id));
      case 'entityById':
        return hash(JSON.stringify(site.entityById.get(id) ?? null));
      case 'statsById': {
        const stats = site.statsById.get(id);
        return hash(JSON.stringify(stats ? [stats.entity, stats.mentions, stats.articles] : null));
      }
      case 'claimById': {
        const claim = site.claimById.get(id);
        return claim ? `${documentHash(this.documentOf(claim))}:${claim.id}` : '-';
      }
      case 'clusterById':
        return hash(JSON.stringify(site.clusterById.get(id) ?? null));
      case 'mentionsByEntity': {
        const perArticle = site.mentionsByEntity.get(id);
        return perArticle ? hash([...perArticle].map(([articleId, mentions]) => `${articleId}:${documentHash(site.documentById.get(articleId))}:${mentions.length}`).join('\n')) : '-';
      }
      case 'claimsByEntity': {
        const claims = site.claimsByEntity.get(id);
        const list = (cs: Claim[]): string => cs.map((c) => `${c.id}:${documentHash(this.documentOf(c))}`).join(' ');
        return claims ? hash(`${list(claims.by)}\n${list(claims.about)}`) : '-';
      }
      case 'entitiesByArticle':
        return hash(JSON.stringify([...(site.entitiesByArticle.get(id) ?? [])]));
      case 'pagedEntityIds':
        return site.pagedEntityIds.has(id) ? '1' : '0';
    }
    throw new Error(`unknown site data key ${JSON.stringify(key)}`);
  }

  private documentOf(claim: Claim): AnnotationDocument | undefined {
    if (!this.claimDocs) {
      this.claimDocs = new Map();
      for (const doc of this.site.documents) for (const c of doc.claims) this.claimDocs.set(c.id, doc);
    }
    return this.claimDocs.get(claim.id);
  }

  /** A whole field, or a map walked over: everything in it. */
  private whole(field: MapField | WholeField): string {
    const site = this.site;
    const documents = `documents${SEP}${ALL}`;
    switch (field) {
      case 'documents':
        return hash(site.documents.map((d) => `${d.article.id}:${documentHash(d)}`).join('\n'));
      case 'documentById':
      case 'claimById':
      case 'mentionsByEntity':
      case 'claimsByEntity':
      case 'entitiesByArticle':
        // Everything in these maps comes from the documents.
        return this.of(documents);
      case 'entities':
      case 'statsById':
      case 'entityById':
      case 'pagedEntityIds':
        return hash(JSON.stringify([site.entities.map((s) => [s.entity, s.mentions, s.articles]), [...site.pagedEntityIds], field === 'entityById' ? site.corpus.entities : null]));
      case 'clusters':
      case 'clusterById':
        return hash(JSON.stringify(site.clusters));
      case 'outlets':
        return hash(`${JSON.stringify(site.outlets.map((o) => [o.id, o.name, o.known, o.documents.map((d) => d.article.id)]))}\n${this.of(documents)}`);
      case 'corpus':
        return hash(`${this.of(documents)}\n${JSON.stringify(site.corpus.entities)}\n${JSON.stringify(site.corpus.clusters)}\n${JSON.stringify(site.corpus.warnings)}`);
    }
  }
}
