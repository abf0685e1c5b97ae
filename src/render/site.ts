import type { AnnotationDocument, Article, Claim, Cluster, Corpus, Entity, EntityType, Mention } from '../types.ts';

/** Counts for one entity across the corpus. */
export interface EntityStats {
  entity: Entity;
  mentions: number;
  articles: number;
}

/** One outlet and its articles ("unknown" gathers articles with no outlet). */
export interface Outlet {
  id: string;
  name: string;
  known: boolean;
  documents: AnnotationDocument[];
}

/** Everything the templates read: the corpus plus the look-ups and tallies the pages share. */
export interface SiteData {
  corpus: Corpus;
  documents: AnnotationDocument[];
  /** Entities with at least one mention, most mentioned first within type order. */
  entities: EntityStats[];
  /** The entities that have a page of their own (see `hasOwnPage`). */
  pagedEntityIds: Set<string>;
  entityById: Map<string, Entity>;
  statsById: Map<string, EntityStats>;
  documentById: Map<string, AnnotationDocument>;
  claimById: Map<string, Claim>;
  clusters: Cluster[];
  clusterById: Map<string, Cluster>;
  outlets: Outlet[];
  /** Mentions of each entity, grouped by article id, in text order. */
  mentionsByEntity: Map<string, Map<string, Mention[]>>;
  /** Per entity, the claims it makes (it is their source) and the claims that name it, in corpus order. */
  claimsByEntity: Map<string, { by: Claim[]; about: Claim[] }>;
  /** Per article id, the ids of the entities it mentions. */
  entitiesByArticle: Map<string, Set<string>>;
}

/** Display order and names of the mention types. */
export const TYPE_NAMES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  date: 'Date',
};
export const TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'event', 'date'];

/** The name shown for an unknown outlet, date or author: never a guess. */
export const UNKNOWN = 'unknown';

/**
 * Whether an entity gets a page of its own: when the knowledge base has it, or when at least two
 * articles name it. A name found by the recogniser in a single article keeps its mark, its card
 * and its dataset rows, but a page would only repeat that article (issue 13).
 */
export function hasOwnPage(stats: EntityStats): boolean {
  return stats.entity.generated !== true || stats.articles >= 2;
}

/** The address of an entity's page, or null when it has none (see `hasOwnPage`). */
export function entityHref(site: SiteData, entityId: string): string | null {
  return site.pagedEntityIds.has(entityId) ? `/entities/${entityId}/` : null;
}

const folded = new Map<string, string>();

/** Text folded for sorting and for the letter it is filed under: no accents, lower case. Remembered, as sorts fold each name many times. */
export function fold(text: string): string {
  let found = folded.get(text);
  if (found === undefined) {
    found = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (folded.size >= 200_000) folded.clear();
    folded.set(text, found);
  }
  return found;
}

/** Compares strings by code unit: the same order on every machine and locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable URL slug for an outlet name. */
export function outletId(name: string | null): string {
  if (!name) return 'unknown';
  return fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'outlet';
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return byText(a.id, b.id);
}

/** The search for the articles of a section (its Pagefind filter, set from the URL by search.js). */
export function sectionSearch(section: string): string {
  return `/search/?section=${encodeURIComponent(section)}`;
}

/** Builds the site's view of a corpus once, for every page. */
export function siteData(corpus: Corpus): SiteData {
  const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
  const mentionsByEntity = new Map<string, Map<string, Mention[]>>();
  const claimById = new Map<string, Claim>();
  const claimsByEntity = new Map<string, { by: Claim[]; about: Claim[] }>();
  const claimsFor = (id: string): { by: Claim[]; about: Claim[] } => claimsByEntity.get(id) ?? claimsByEntity.set(id, { by: [], about: [] }).get(id)!;
  const entitiesByArticle = new Map<string, Set<string>>();
  for (const doc of corpus.documents) {
    entitiesByArticle.set(doc.article.id, new Set(doc.mentions.flatMap((m) => (m.entityId ? [m.entityId] : []))));
    for (const m of doc.mentions) {
      if (!m.entityId) continue;
      const perArticle = mentionsByEntity.get(m.entityId) ?? new Map<string, Mention[]>();
      const list = perArticle.get(doc.article.id) ?? [];
      list.push(m);
      perArticle.set(doc.article.id, list);
      mentionsByEntity.set(m.entityId, perArticle);
    }
    for (const c of doc.claims) {
      claimById.set(c.id, c);
      if (c.sourceEntityId) claimsFor(c.sourceEntityId).by.push(c);
      for (const id of new Set(c.entityIds)) if (id !== c.sourceEntityId) claimsFor(id).about.push(c);
    }
  }
  const statsById = new Map<string, EntityStats>();
  for (const [id, perArticle] of mentionsByEntity) {
    const entity = entityById.get(id);
    if (!entity) continue;
    let mentions = 0;
    for (const list of perArticle.values()) mentions += list.length;
    statsById.set(id, { entity, mentions, articles: perArticle.size });
  }
  const entities = [...statsById.values()].sort((a, b) => TYPE_ORDER.indexOf(a.entity.type) - TYPE_ORDER.indexOf(b.entity.type) || b.mentions - a.mentions || byId(a.entity, b.entity));
  const outletMap = new Map<string, Outlet>();
  for (const doc of corpus.documents) {
    const id = outletId(doc.article.outlet);
    const outlet = outletMap.get(id) ?? { id, name: doc.article.outlet ?? UNKNOWN, known: doc.article.outlet !== null, documents: [] };
    outlet.documents.push(doc);
    outletMap.set(id, outlet);
  }
  const outlets = [...outletMap.values()].sort((a, b) => Number(b.known) - Number(a.known) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    corpus,
    documents: corpus.documents,
    entities,
    pagedEntityIds: new Set(entities.filter(hasOwnPage).map((s) => s.entity.id)),
    entityById,
    statsById,
    documentById: new Map(corpus.documents.map((d) => [d.article.id, d])),
    claimById,
    clusters: corpus.clusters,
    clusterById: new Map(corpus.clusters.map((k) => [k.id, k])),
    outlets,
    mentionsByEntity,
    claimsByEntity,
    entitiesByArticle,
  };
}
