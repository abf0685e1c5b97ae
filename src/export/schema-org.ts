import type { AnnotationDocument, Claim, Cluster, Entity } from '../types.ts';
import { byString } from './tables.ts';
import { CORPUS_CONTEXT, LICENSE, LICENSE_NOTE, SCHEMA_ORG_TYPE, iris, wikidataUrl } from './vocabulary.ts';

/**
 * corpus.jsonld: the dataset in schema.org terms (https://schema.org/Dataset,
 * https://schema.org/NewsArticle, https://schema.org/Claim), for catalogues and linked-data tools.
 */

type Json = Record<string, unknown>;

/** A file of the dataset, as a schema.org DataDownload of the Dataset. */
export interface Download {
  path: string;
  title: string;
  mediatype: string;
  /** Size and SHA-256, when the file is written before corpus.jsonld. */
  written?: { bytes: number; sha256: string };
}

const to = iris('');
const ref = (id: string): Json => ({ '@id': id });

function newsArticle({ article, mentions }: AnnotationDocument): Json {
  const mentioned = [...new Set(mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])))].sort(byString);
  return {
    '@id': to.article(article.id),
    '@type': 'NewsArticle',
    identifier: article.id,
    headline: article.title,
    ...(article.standfirst ? { alternativeHeadline: article.standfirst } : {}),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
    ...(article.published ? { datePublished: article.published } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    inLanguage: article.language,
    wordCount: article.wordCount,
    encoding: { '@type': 'MediaObject', contentUrl: to.source(article.id), encodingFormat: 'text/plain; charset=utf-8' },
    isPartOf: ref(to.dataset),
    mentions: mentioned.map((id) => ref(to.entity(id))),
  };
}

function thing(e: Entity): Json {
  return {
    '@id': to.entity(e.id),
    '@type': SCHEMA_ORG_TYPE[e.type],
    identifier: e.id,
    name: e.label,
    ...(e.aliases.length ? { alternateName: [...e.aliases].sort(byString) } : {}),
    description: e.description,
    ...(e.wikidata ? { sameAs: ref(wikidataUrl(e.wikidata)) } : {}),
  };
}

function claim(c: Claim): Json {
  return {
    '@id': to.claim(c.id),
    '@type': 'Claim',
    identifier: c.id,
    text: c.exact,
    author: c.sourceEntityId ? ref(to.entity(c.sourceEntityId)) : c.source,
    claimSource: c.source,
    appearance: ref(to.article(c.articleId)),
    ...(c.entityIds.length ? { about: [...c.entityIds].sort(byString).map((id) => ref(to.entity(id))) } : {}),
    cue: c.cue,
    quote: c.quote,
    polarity: c.polarity,
    hedged: c.hedged,
    ...(c.clusterId ? { cluster: to.cluster(c.clusterId) } : {}),
    method: c.method,
    confidence: c.confidence,
  };
}

function cluster(k: Cluster): Json {
  return { '@id': to.cluster(k.id), '@type': 'ClaimCluster', identifier: k.id, name: k.label, hasPart: k.claimIds.map((id) => ref(to.claim(id))) };
}

function dataDownload(d: Download): Json {
  return {
    '@type': 'DataDownload',
    name: d.title,
    contentUrl: to.file(d.path),
    encodingFormat: d.mediatype,
    ...(d.written ? { contentSize: `${d.written.bytes} B`, sha256: d.written.sha256 } : {}),
  };
}

/** The corpus as one schema.org graph: the Dataset, then articles, entities, claims and clusters, each by id. */
export function corpusGraph(input: { documents: AnnotationDocument[]; entities: Entity[]; clusters: Cluster[]; downloads: Download[] }): Json {
  const claims = input.documents.flatMap((d) => d.claims).sort((a, b) => byString(a.id, b.id));
  const dataset: Json = {
    '@id': to.dataset,
    '@type': 'Dataset',
    name: 'Gloss annotated news corpus',
    description: `News articles annotated with the people, organisations, places, events and dates they mention and the claims they attribute to sources, with every annotation anchored to the text by Unicode code-point offsets. ${LICENSE_NOTE}`,
    license: ref(LICENSE.url),
    isAccessibleForFree: true,
    distribution: input.downloads.map(dataDownload),
    hasPart: input.documents.map((d) => ref(to.article(d.article.id))),
  };
  return {
    '@context': CORPUS_CONTEXT,
    '@graph': [dataset, ...input.documents.map(newsArticle), ...input.entities.map(thing), ...claims.map(claim), ...input.clusters.map(cluster)],
  };
}
