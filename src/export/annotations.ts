import type { AnnotationDocument, Claim, Entity, Mention } from '../types.ts';
import { byPosition } from './tables.ts';
import { ANNOTATION_CONTEXT, LICENSE, SCHEMA_ORG_TYPE, iris, wikidataUrl, type Iris } from './vocabulary.ts';

/**
 * Mentions and claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), in the
 * JSON-LD serialisation of its Vocabulary (https://www.w3.org/TR/annotation-vocab/).
 */

/** A JSON object of the output. */
type Json = Record<string, unknown>;

/** The software that generates every annotation. */
const GLOSS = { type: 'Software', name: 'Gloss' } as const;

/** Who made an annotation: an editor for a curated one, Gloss for the rest. */
function creator(method: string): Json {
  return method === 'curated' ? { type: 'Organization', name: 'Gloss editors' } : GLOSS;
}

/** The article's source text, narrowed to the span by a quote and a code-point position. */
function target(to: Iris, span: Mention | Claim): Json {
  return {
    source: to.source(span.articleId),
    selector: [
      { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
  };
}

function provenance(span: Mention | Claim): Json {
  return { creator: creator(span.method), generator: GLOSS, method: span.method, confidence: span.confidence };
}

/** A mention: motivation identifying, body the entity (or, for a date, its resolved value). */
function mentionAnnotation(to: Iris, m: Mention, entities: Map<string, Entity>): Json {
  const entity = m.entityId ? entities.get(m.entityId) : undefined;
  let body: Json | undefined;
  if (entity) {
    body = { id: to.entity(entity.id), type: `https://schema.org/${SCHEMA_ORG_TYPE[entity.type]}`, label: entity.label };
    if (entity.wikidata) body['sameAs'] = wikidataUrl(entity.wikidata);
  } else if (m.value) {
    body = { type: 'TextualBody', value: m.value, purpose: 'identifying' };
  }
  return {
    id: to.annotation(m.articleId, m.id),
    type: 'Annotation',
    motivation: 'identifying',
    mentionType: m.type,
    form: m.form,
    ...(m.refersTo ? { refersTo: to.entity(m.refersTo) } : {}),
    ...(body ? { body } : {}),
    target: target(to, m),
    ...provenance(m),
  };
}

/** A claim: motivation classifying, body the claim with its source, cue and assessment. */
function claimAnnotation(to: Iris, c: Claim): Json {
  const body: Json = { id: to.claim(c.id), type: 'Claim', claimSource: c.source };
  if (c.sourceEntityId) body['sourceEntity'] = to.entity(c.sourceEntityId);
  Object.assign(body, { cue: c.cue, quote: c.quote, polarity: c.polarity, hedged: c.hedged });
  if (c.clusterId) body['cluster'] = to.cluster(c.clusterId);
  if (c.entityIds.length) body['about'] = [...c.entityIds].sort().map(to.entity);
  return { id: to.annotation(c.articleId, c.id), type: 'Annotation', motivation: 'classifying', body, target: target(to, c), ...provenance(c) };
}

/** Where a page sits in the collection. */
interface PagePlace {
  startIndex: number;
  prev: string | null;
  next: string | null;
}

/** One article's annotations, mentions and claims in text order, as an AnnotationPage. */
export function annotationPage(to: Iris, doc: AnnotationDocument, place: PagePlace, entities: Map<string, Entity>): Json {
  const spans: Array<Mention | Claim> = [...doc.mentions, ...doc.claims].sort(byPosition);
  return {
    id: to.page(doc.article.id),
    type: 'AnnotationPage',
    label: doc.article.title,
    partOf: to.collection,
    startIndex: place.startIndex,
    ...(place.prev ? { prev: to.page(place.prev) } : {}),
    ...(place.next ? { next: to.page(place.next) } : {}),
    items: spans.map((s) => ('cue' in s ? claimAnnotation(to, s) : mentionAnnotation(to, s, entities))),
  };
}

/** Each article's place in the collection, for documents already sorted by id. */
function places(documents: AnnotationDocument[]): PagePlace[] {
  let startIndex = 0;
  return documents.map((doc, i) => {
    const place = { startIndex, prev: documents[i - 1]?.article.id ?? null, next: documents[i + 1]?.article.id ?? null };
    startIndex += doc.mentions.length + doc.claims.length;
    return place;
  });
}

/** The AnnotationCollection node itself: its size, first and last pages, and provenance. */
function collectionNode(to: Iris, documents: AnnotationDocument[]): Json {
  const first = documents[0];
  const last = documents[documents.length - 1];
  return {
    id: to.collection,
    type: 'AnnotationCollection',
    label: 'Gloss annotations: entity mentions and attributed claims',
    total: documents.reduce((n, d) => n + d.mentions.length + d.claims.length, 0),
    ...(first ? { first: to.page(first.article.id) } : {}),
    ...(last ? { last: to.page(last.article.id) } : {}),
    generator: GLOSS,
    rights: LICENSE.url,
  };
}

/**
 * annotations.jsonld: an AnnotationCollection and its pages (one per article, by article id) side
 * by side in one `@graph`, since the collection links its pages by IRI.
 */
export function annotationCollection(documents: AnnotationDocument[], entities: Map<string, Entity>): Json {
  const to = iris('');
  const at = places(documents);
  const pages = documents.map((doc, i) => annotationPage(to, doc, at[i] as PagePlace, entities));
  return { '@context': ANNOTATION_CONTEXT, '@graph': [collectionNode(to, documents), ...pages] };
}

/**
 * annotationCollection() serialised as `JSON.stringify` would, with a final newline, one article's
 * page at a time, so that a large corpus never becomes one string.
 */
export function* annotationCollectionPieces(documents: AnnotationDocument[], entities: Map<string, Entity>): Generator<string> {
  const to = iris('');
  const at = places(documents);
  yield `{"@context":${JSON.stringify(ANNOTATION_CONTEXT)},"@graph":[${JSON.stringify(collectionNode(to, documents))}`;
  for (let i = 0; i < documents.length; i++) yield `,${JSON.stringify(annotationPage(to, documents[i]!, at[i] as PagePlace, entities))}`;
  yield ']}\n';
}

/** articles/ID.jsonld: one article's page of the collection, on its own, with the same IRIs. */
export function articleAnnotations(documents: AnnotationDocument[], entities: Map<string, Entity>): Array<{ articleId: string; json: Json }> {
  const to = iris('../');
  const at = places(documents);
  return documents.map((doc, i) => ({ articleId: doc.article.id, json: { '@context': ANNOTATION_CONTEXT, ...annotationPage(to, doc, at[i] as PagePlace, entities) } }));
}
