import type { AnnotationDocument, Article, Entity } from '../types.ts';
import { compileAnnotator, type Annotator } from './annotator.ts';
import { findClaims } from './claims/index.ts';
import { findMentions } from './mentions.ts';
import { viewOf } from './tokens.ts';

export { compileAnnotator };
export type { Annotator };

/** The annotator's version for readers of the dataset; bump it when its output changes for the same input (2: the trained recogniser and the Wikidata knowledge base). */
export const ANNOTATOR_VERSION = '2';

/** One article's annotations and the entities made for the names the knowledge base lacks. */
export interface ArticleAnnotation {
  document: AnnotationDocument;
  generated: Entity[];
}

/** Annotates one article: entity and date mentions, then claims. */
export function annotate(article: Article, annotator: Annotator): ArticleAnnotation {
  const view = viewOf(article);
  const { mentions, generated } = findMentions(view, annotator);
  const claims = findClaims(view, mentions);
  return { document: { article, mentions, claims }, generated };
}
