import { fileURLToPath } from 'node:url';

/**
 * The JSON-LD contexts and IRIs of the dataset, in one place (JSON-LD 1.1:
 * https://www.w3.org/TR/json-ld11/). The files reference the W3C context by its standard URL and
 * embed the rest, so they expand with no network given a document loader that serves the copy in
 * `contexts/anno.jsonld`.
 */

/** Standard URL of the W3C Web Annotation context. */
export const ANNO_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';

/** The project's copy of that context (see contexts/README.md). */
export const ANNO_CONTEXT_FILE = fileURLToPath(new URL('../../contexts/anno.jsonld', import.meta.url));

/** Namespace of Gloss's own terms. */
export const GLOSS_VOCAB = 'https://schemas.gloss.example/v1/vocab#';

/** schema.org's terms, offline: every term not defined otherwise is a schema.org IRI. */
export const SCHEMA_ORG_CONTEXT = { '@vocab': 'https://schema.org/' } as const;

/** The dataset's licence (annotations and metadata; not the article texts). */
export const LICENSE = { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' } as const;

/** What the licence covers and what it does not, said the same way in every file. */
export const LICENSE_NOTE =
  "The annotations and metadata are licensed CC BY 4.0. The article texts (sources/) are not: their copyright remains with their publishers, and they are included only so that the offsets can be checked.";

/**
 * Gloss's terms, shared by corpus.jsonld and the Web Annotation files: the attributes of a mention
 * or claim that neither schema.org nor the Web Annotation vocabulary has. Names follow the CSV
 * columns (`refers_to` is `refersTo`); `claimSource` stands for the `source` column, since
 * `source` is the Web Annotation term for a target's resource.
 */
export const GLOSS_TERMS = {
  gloss: GLOSS_VOCAB,
  method: 'gloss:method',
  confidence: 'gloss:confidence',
  mentionType: 'gloss:mentionType',
  form: 'gloss:form',
  refersTo: { '@id': 'gloss:refersTo', '@type': '@id' },
  claimSource: 'gloss:claimSource',
  sourceEntity: { '@id': 'gloss:sourceEntity', '@type': '@id' },
  cue: 'gloss:cue',
  quote: 'gloss:quote',
  polarity: 'gloss:polarity',
  hedged: 'gloss:hedged',
  cluster: { '@id': 'gloss:cluster', '@type': '@id' },
  ClaimCluster: 'gloss:ClaimCluster',
} as const;

/** The context of the Web Annotation files: W3C's, then Gloss's terms and the schema.org ones they use. */
export const ANNOTATION_CONTEXT = [
  ANNO_CONTEXT_URL,
  {
    ...GLOSS_TERMS,
    Claim: 'https://schema.org/Claim',
    sameAs: { '@id': 'https://schema.org/sameAs', '@type': '@id' },
    about: { '@id': 'https://schema.org/about', '@type': '@id' },
  },
] as const;

/** The context of corpus.jsonld: schema.org, then Gloss's terms. */
export const CORPUS_CONTEXT = { ...SCHEMA_ORG_CONTEXT, ...GLOSS_TERMS } as const;

/** schema.org type of each entity type. */
export const SCHEMA_ORG_TYPE = { person: 'Person', organization: 'Organization', place: 'Place', event: 'Event' } as const;

/** Wikidata page of a QID, as schema.org's `sameAs` wants it. */
export function wikidataUrl(qid: string): string {
  return `https://www.wikidata.org/wiki/${qid}`;
}

/**
 * IRIs of the dataset's nodes, relative to the file they are written in: `root` is `''` for a file
 * in `data/` and `'../'` for one in `data/articles/`. A processor resolves them against the file's
 * URL, so the dataset needs no host name and every file names a node the same way.
 */
export function iris(root: '' | '../') {
  return {
    dataset: `${root}corpus.jsonld#dataset`,
    article: (id: string) => `${root}corpus.jsonld#article-${id}`,
    entity: (id: string) => `${root}corpus.jsonld#entity-${id}`,
    claim: (id: string) => `${root}corpus.jsonld#${id}`,
    cluster: (id: string) => `${root}corpus.jsonld#${id}`,
    source: (articleId: string) => `${root}sources/${articleId}.txt`,
    collection: `${root}annotations.jsonld`,
    page: (articleId: string) => `${root}articles/${articleId}.jsonld`,
    annotation: (articleId: string, id: string) => `${root}articles/${articleId}.jsonld#${id}`,
    file: (path: string) => `${root}${path}`,
  };
}

/** The IRI builders of one file. */
export type Iris = ReturnType<typeof iris>;
