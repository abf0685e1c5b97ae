/** The recogniser alone scored on gold documents, by conlleval's rules. */
import { SpanTally, type SpanScore } from '../../evaluate/conll.ts';
import { charSpans, type ProjectedDocument } from './gold.ts';
import { tag, type Recogniser } from './model.ts';

/** Scores per type and for person, organisation and place together. */
export interface TaggerScores {
  named: SpanScore;
  byType: Record<string, SpanScore>;
  /** The same figures rounded for the model card: F1, precision and recall in percent. */
  figures: Record<string, { f1: number; precision: number; recall: number }>;
}

const round = (x: number): number => Math.round(x * 1000) / 10;

/** Tags each document and scores its names against the gold (strict span and type). */
export function scoreTagger(model: Recogniser, documents: ProjectedDocument[]): TaggerScores {
  const types = ['PER', 'ORG', 'LOC', 'MISC'];
  const tally = new SpanTally(types);
  for (const d of documents) tally.add(charSpans(d, d.spans), charSpans(d, tag(model, d.sentences)));
  const byType = Object.fromEntries(types.map((t) => [t, tally.score([t])]));
  const named = tally.score(['PER', 'ORG', 'LOC']);
  const figures = Object.fromEntries(Object.entries({ 'PER/ORG/LOC': named, ...byType }).map(([k, s]) => [k, { f1: round(s.f1), precision: round(s.precision), recall: round(s.recall) }]));
  return { named, byType, figures };
}
