import type { AnnotationDocument, Claim, Cluster, Corpus, Entity, Mention } from '../types.ts';
import type { Row } from './csv.ts';

/** Compares ids (or any strings) by code unit, the same on every machine and locale. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Text order: by start, then end, then id, so that the order never depends on input order. */
export function byPosition<T extends { start: number; end: number; id: string }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end || byString(a.id, b.id);
}

/** The corpus's documents sorted by article id. */
export function sortedDocuments(corpus: Corpus): AnnotationDocument[] {
  return [...corpus.documents].sort((a, b) => byString(a.article.id, b.article.id));
}

/** How often the corpus mentions each entity, and in how many articles. */
export function entityCounts(corpus: Corpus): Map<string, { mentions: number; articles: number }> {
  const counts = new Map<string, { mentions: number; articles: Set<string> }>();
  for (const doc of corpus.documents) {
    for (const m of doc.mentions) {
      if (!m.entityId) continue;
      const c = counts.get(m.entityId) ?? { mentions: 0, articles: new Set<string>() };
      c.mentions++;
      c.articles.add(doc.article.id);
      counts.set(m.entityId, c);
    }
  }
  return new Map([...counts].map(([id, c]) => [id, { mentions: c.mentions, articles: c.articles.size }]));
}

/**
 * The entities the dataset publishes, sorted by id: those mentioned at least once, plus any that a
 * mention's `refersTo` or a claim's `sourceEntityId` names, so that every foreign key resolves.
 */
export function publishedEntities(corpus: Corpus): Entity[] {
  const wanted = new Set(entityCounts(corpus).keys());
  for (const doc of corpus.documents) {
    for (const m of doc.mentions) if (m.refersTo) wanted.add(m.refersTo);
    for (const c of doc.claims) if (c.sourceEntityId) wanted.add(c.sourceEntityId);
  }
  return corpus.entities.filter((e) => wanted.has(e.id)).sort((a, b) => byString(a.id, b.id));
}

/** Rows of articles.csv. */
export function articleRows(corpus: Corpus): Row[] {
  return sortedDocuments(corpus).map(({ article, mentions, claims }) => ({
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published: article.published,
    source_file: article.sourceFile,
    sha256: article.sha256,
    word_count: article.wordCount,
    mentions: mentions.length,
    claims: claims.length,
    section: article.section,
    duplicate_of: article.duplicateOf,
  }));
}

/** Rows of entities.csv. */
export function entityRows(corpus: Corpus): Row[] {
  const counts = entityCounts(corpus);
  return publishedEntities(corpus).map((e) => ({
    id: e.id,
    type: e.type,
    label: e.label,
    wikidata: e.wikidata ?? null,
    description: e.description,
    mentions: counts.get(e.id)?.mentions ?? 0,
    articles: counts.get(e.id)?.articles ?? 0,
  }));
}

/** The Wikidata QID of each entity that has one, for the mention rows. */
export function wikidataById(corpus: Corpus): Map<string, string> {
  return new Map(corpus.entities.flatMap((e) => (e.wikidata ? [[e.id, e.wikidata] as const] : [])));
}

/** One row of mentions.csv; `wikidata` maps entity ids to QIDs. */
export function mentionRow(m: Mention, wikidata: Map<string, string>): Row {
  return {
    id: m.id,
    article_id: m.articleId,
    entity_id: m.entityId,
    type: m.type,
    form: m.form,
    refers_to: m.refersTo,
    start: m.start,
    end: m.end,
    exact: m.exact,
    prefix: m.prefix,
    suffix: m.suffix,
    method: m.method,
    confidence: m.confidence,
    value: m.value,
    wikidata: (m.entityId && wikidata.get(m.entityId)) ?? null,
  };
}

/** One row of claims.csv. */
export function claimRow(c: Claim): Row {
  return {
    id: c.id,
    article_id: c.articleId,
    start: c.start,
    end: c.end,
    exact: c.exact,
    source: c.source,
    source_entity_id: c.sourceEntityId,
    cue: c.cue,
    quote: c.quote,
    polarity: c.polarity,
    hedged: c.hedged,
    cluster_id: c.clusterId,
    method: c.method,
    confidence: c.confidence,
  };
}

/** Rows of mentions.csv: by article, then in text order. */
export function mentionRows(corpus: Corpus): Row[] {
  const wikidata = wikidataById(corpus);
  return sortedDocuments(corpus).flatMap((d) => [...d.mentions].sort(byPosition).map((m) => mentionRow(m, wikidata)));
}

/** Rows of claims.csv: by article, then in text order. */
export function claimRows(corpus: Corpus): Row[] {
  return sortedDocuments(corpus).flatMap((d) => [...d.claims].sort(byPosition).map(claimRow));
}

/** Rows of clusters.csv, with how many claims, articles and known outlets each gathers. */
export function clusterRows(corpus: Corpus): Row[] {
  const claimById = new Map(corpus.documents.flatMap((d) => d.claims.map((c) => [c.id, { claim: c, outlet: d.article.outlet }] as const)));
  return [...corpus.clusters].sort((a, b) => byString(a.id, b.id)).map((k: Cluster) => {
    const members = k.claimIds.map((id) => claimById.get(id)).filter((m) => m !== undefined);
    return {
      id: k.id,
      label: k.label,
      claims: k.claimIds.length,
      articles: new Set(members.map((m) => m.claim.articleId)).size,
      outlets: new Set(members.flatMap((m) => (m.outlet ? [m.outlet] : []))).size,
    };
  });
}

/**
 * One article's mentions and claims as rows of articles/ID.csv, in text order (start, end, then
 * id); a column that does not apply to the row's kind is null. Claims keep their prefix and
 * suffix here, which claims.csv leaves out.
 */
export function articleAnnotationRows(doc: AnnotationDocument, wikidata: Map<string, string>): Row[] {
  const noMention = { entity_id: null, type: null, form: null, refers_to: null, value: null, wikidata: null };
  const noClaim = { source: null, source_entity_id: null, cue: null, quote: null, polarity: null, hedged: null, cluster_id: null };
  const items = [
    ...doc.mentions.map((m) => ({ ...m, row: { kind: 'mention', ...noClaim, ...mentionRow(m, wikidata) } })),
    ...doc.claims.map((c) => ({ ...c, row: { kind: 'claim', ...noMention, ...claimRow(c), prefix: c.prefix, suffix: c.suffix } })),
  ];
  return items.sort(byPosition).map((item) => item.row);
}
