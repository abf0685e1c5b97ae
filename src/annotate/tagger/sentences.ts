/**
 * An article's sentences as the recogniser reads them: the annotation view's tokens (so training
 * and tagging tokenise alike), each with its usual case, its place in the sentence and the
 * headline, and the knowledge-base names it is part of.
 */
import type { AnnotationView } from '../tokens.ts';
import { CasingCounter, inCapitals, truecase, type CasingLexicon } from './casing.ts';
import type { WordClasses } from './clusters.ts';
import type { TaggerToken } from './features.ts';

/** One sentence for the tagger, with the index of each token in the view. */
export interface TaggerSentence {
  tokens: TaggerToken[];
  /** Index in `view.tokens` of each tagger token. */
  viewIndex: number[];
}

/** Marks every token with the knowledge-base names it is part of (`PER-B`, `LOC-U`…). */
export type GazetteerMarker = (tokens: TaggerToken[]) => void;

/** The view's sentences, truecased where written in capitals, with knowledge-base marks. */
export function taggerSentences(view: AnnotationView, lexicon: CasingLexicon, mark?: GazetteerMarker, classes: readonly WordClasses[] = []): TaggerSentence[] {
  const { tokens } = view;
  const sentences: TaggerSentence[] = [];
  let k = 0;
  const headlineBlocks = new Set(view.blocks.map((b, i) => (b.kind === 'title' ? i : -1)).filter((i) => i >= 0));
  for (const s of view.sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    const viewIndex: number[] = [];
    for (let j = k; j < tokens.length && tokens[j]!.end <= s.end; j++) viewIndex.push(j);
    k += viewIndex.length;
    if (!viewIndex.length) continue;
    const caps = inCapitals(viewIndex.map((j) => tokens[j]!.text));
    sentences.push({
      viewIndex,
      tokens: viewIndex.map((j) => {
        const t = tokens[j]!;
        return { text: t.text, norm: t.text, lower: t.key, gap: t.gap, sentenceStart: t.sentenceStart, headline: headlineBlocks.has(t.block), caps, gazetteer: [], clusters: [], document: [], firstPass: '' };
      }),
    });
  }
  // The article's own casing: words as written inside sentences that are not in capitals.
  const counter = new CasingCounter();
  // (A sentence's first word counts when a capitalised word follows it: "Real Madrid were held…".)
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (t.caps) return;
      if (!t.sentenceStart || /^\p{Lu}\p{Ll}/u.test(s.tokens[i + 1]?.text ?? '')) counter.add(t.text);
    });
  }
  const own = counter.lexicon();
  for (const s of sentences) for (const t of s.tokens) if (t.caps) t.norm = truecase(t.text, own, lexicon);
  for (const s of sentences) for (const t of s.tokens) t.lower = t.norm.toLowerCase();
  if (mark) for (const s of sentences) mark(s.tokens);
  assignClasses(sentences, classes);
  return sentences;
}

/** Gives each token its word classes (`a…` for the first clustering, `b…` for the second). */
export function assignClasses(sentences: TaggerSentence[], classes: readonly WordClasses[]): void {
  const names = classes.map((_, k) => classNames(k));
  for (const s of sentences) {
    for (const t of s.tokens) {
      t.clusters = [];
      for (let k = 0; k < classes.length; k++) {
        const n = classes[k]!.get(t.lower);
        if (n !== undefined) t.clusters.push(names[k]!(n));
      }
    }
  }
}

const classNameCache: string[][] = [];

/** The names of the `k`th clustering's classes (`a0`, `a1`…), each string made once, not per token. */
function classNames(k: number): (n: number) => string {
  const made = (classNameCache[k] ??= []);
  return (n) => (made[n] ??= `${String.fromCharCode(97 + k)}${n}`);
}
