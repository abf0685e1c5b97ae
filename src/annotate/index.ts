import type { AnnotationDocument, Article, Entity } from '../types.ts';
import { compileGazetteer, type Gazetteer } from './gazetteer.ts';
import { findClaims } from './claims/index.ts';
import { findMentions } from './mentions.ts';
import { viewOf } from './tokens.ts';

export { compileGazetteer };
export type { Gazetteer };

/** Bump when the annotator's output changes for the same input, so cached annotations are redone. */
export const ANNOTATOR_VERSION = '2';

/** One article's annotations and the entities made for the names the knowledge base lacks. */
export interface ArticleAnnotation {
  document: AnnotationDocument;
  generated: Entity[];
}

/** Annotates one article: entity and date mentions, then claims. */
export function annotate(article: Article, gazetteer: Gazetteer): ArticleAnnotation {
  const view = viewOf(article);
  const { mentions, generated } = findMentions(view, gazetteer);
  const claims = findClaims(view, mentions);
  return { document: { article, mentions, claims }, generated };
}
