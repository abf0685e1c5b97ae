/**
 * Gold documents of the NER corpora as the recogniser trains on them and is scored on them: the
 * rebuilt text read through Gloss's own tokeniser, with the gold names projected onto its tokens.
 */
import { viewOf, type AnnotationView } from '../tokens.ts';
import type { CasingLexicon } from './casing.ts';
import type { WordClasses } from './clusters.ts';
import { CasingCounter, inCapitals } from './casing.ts';
import { articleOf, rebuild, type GoldDocument, type NerType, type TokenSpan } from './corpus.ts';
import type { TrainingDocument } from './model.ts';
import { taggerSentences, type GazetteerMarker } from './sentences.ts';

/** A gold document read by Gloss: its view, its tagger sentences, and gold spans per sentence. */
export interface ProjectedDocument extends TrainingDocument {
  id: string;
  view: AnnotationView;
}

/** A name as a UTF-16 range of the rebuilt text. */
export interface CharSpan {
  start: number;
  end: number;
  type: NerType;
}

/** The gold names of a document as ranges of its rebuilt text. */
export function goldCharSpans(doc: GoldDocument): CharSpan[] {
  const { offsets } = rebuild(doc);
  return doc.sentences.flatMap((s, k) => s.spans.map((span) => ({ start: offsets[k]![span.start]![0], end: offsets[k]![span.end - 1]![1], type: span.type })));
}

/** Counts the written forms of words in a set of gold documents, for the casing lexicon. */
export function countCasing(docs: GoldDocument[], counter = new CasingCounter()): CasingCounter {
  for (const d of docs) for (const s of d.sentences) {
    if (inCapitals(s.tokens)) continue;
    s.tokens.forEach((t, i) => {
      if (i > 0) counter.add(t);
    });
  }
  return counter;
}

/** Reads a gold document through Gloss's tokeniser and projects its names onto the tokens. */
export function project(doc: GoldDocument, lexicon: CasingLexicon, headline: boolean, mark?: GazetteerMarker, classes: readonly WordClasses[] = []): ProjectedDocument {
  const rebuilt = rebuild(doc);
  const view = viewOf(articleOf(doc, rebuilt, headline));
  const sentences = taggerSentences(view, lexicon, mark, classes);
  const owner = new Int32Array(view.tokens.length).fill(-1);
  const gold = goldCharSpans(doc);
  let j = 0;
  gold.forEach((g, n) => {
    while (j < view.tokens.length && view.tokens[j]!.end <= g.start) j++;
    for (let k = j; k < view.tokens.length && view.tokens[k]!.start < g.end; k++) owner[k] = n;
  });
  const spans = sentences.map((s) => {
    const out: TokenSpan[] = [];
    s.viewIndex.forEach((v, i) => {
      const n = owner[v]!;
      if (n < 0) return;
      const last = out[out.length - 1];
      if (last && last.end === i && owner[s.viewIndex[last.start]!] === n) last.end = i + 1;
      else out.push({ start: i, end: i + 1, type: gold[n]!.type });
    });
    return out;
  });
  return { id: doc.id, view, sentences, spans };
}

/** Token spans of a projected document's sentences as UTF-16 ranges of its text. */
export function charSpans(doc: ProjectedDocument, spans: TokenSpan[][]): CharSpan[] {
  return doc.sentences.flatMap((s, k) => spans[k]!.map((span) => ({ start: doc.view.tokens[s.viewIndex[span.start]!]!.start, end: doc.view.tokens[s.viewIndex[span.end - 1]!]!.end, type: span.type })));
}
