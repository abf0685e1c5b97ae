import type { Article } from '../types.ts';
import { OffsetMap } from '../text/offsets.ts';
import { visibleText } from '../text/visible.ts';

/** What separates a token from the one before it. */
export type Gap = 'none' | 'space' | 'hyphen' | 'break';

/** A word or a punctuation mark of the annotation view; indices are UTF-16 into the source text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, the key for look-ups. */
  key: string;
  gap: Gap;
  /** A run of letters or digits, as opposed to punctuation. */
  word: boolean;
  /** First word of a sentence (after an opening quotation mark, if any). */
  sentenceStart: boolean;
  /** Index of the block the token is in. */
  block: number;
}

/** A sentence of the annotation view, UTF-16 indices. */
export interface Sentence {
  start: number;
  end: number;
  block: number;
}

/** An article's text as the annotator sees it: the source with everything not to annotate blanked. */
export interface AnnotationView {
  article: Article;
  /** Same length as the source text; set-aside lines and link markup are spaces. */
  text: string;
  map: OffsetMap;
  tokens: Token[];
  sentences: Sentence[];
  /** Block ranges, UTF-16. */
  blocks: Array<{ start: number; end: number; kind: string }>;
}

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[']);
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'sen', 'rep', 'gov', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e', 'i', 'g']);

/** Builds the annotation view of an article: masked text, tokens and sentences. */
export function viewOf(article: Article): AnnotationView {
  const map = new OffsetMap(article.text);
  const text = visibleText(article, map);
  const blocks: AnnotationView['blocks'] = article.blocks
    .filter((b) => b.kind !== 'kicker')
    .map((b) => ({ start: map.toUnit(b.start), end: map.toUnit(b.end), kind: b.kind }));
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  blocks.forEach((block, blockIndex) => {
    const first = tokens.length;
    let gap: Gap = 'break';
    let last = block.start;
    TOKEN.lastIndex = block.start;
    for (let m = TOKEN.exec(text); m && m.index < block.end; m = TOKEN.exec(text)) {
      const start = m.index;
      const t = m[0];
      const between = text.slice(last, start);
      // Inside a block a blank line only joins a paragraph cut in two: it separates words, not sentences.
      if (between.length > 0 && gap === 'none') gap = 'space';
      last = start + t.length;
      // A hyphen or a dash set tight between words ("Kim Jong-un", "Tumangang–Khasan") joins them; a
      // spaced one ("the firm - which") and an em dash are punctuation.
      const tight = gap === 'none' && /^[\p{L}\p{N}]/u.test(text.charAt(last) ?? '');
      if (DASHES.has(t) && t !== '\u2014' && tight) {
        if (gap !== 'break') gap = 'hyphen';
        continue;
      }
      const word = /[\p{L}\p{N}]/u.test(t);
      tokens.push({ start, end: last, text: t, key: t.toLowerCase(), gap, word, sentenceStart: false, block: blockIndex });
      gap = 'none';
    }
    splitSentences(tokens, first, blockIndex, sentences);
  });
  return { article, text, map, tokens, sentences, blocks };
}

/** Marks sentence starts among a block's tokens and records the sentences. */
function splitSentences(tokens: Token[], first: number, block: number, sentences: Sentence[]): void {
  let open = true;
  let sentenceFrom = first;
  const close = (toIndex: number): void => {
    const a = tokens[sentenceFrom];
    const b = tokens[toIndex];
    if (a && b && toIndex >= sentenceFrom) sentences.push({ start: a.start, end: b.end, block });
    sentenceFrom = toIndex + 1;
    open = true;
  };
  for (let i = first; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > sentenceFrom && token.gap === 'break') close(i - 1);
    if (token.word && open) {
      token.sentenceStart = true;
      open = false;
    }
    if (token.text !== '.' && token.text !== '!' && token.text !== '?' && token.text !== '…') continue;
    const prev = tokens[i - 1];
    if (token.text === '.' && prev && prev.word && token.gap === 'none' && (ABBREVIATIONS.has(prev.key) || /^\p{Lu}$/u.test(prev.text))) continue;
    let j = i;
    while (tokens[j + 1] && tokens[j + 1]!.gap === 'none' && CLOSERS.has(tokens[j + 1]!.text)) j++;
    const next = tokens[j + 1];
    if (!next || next.gap === 'break' || (next.gap !== 'none' && /^[\p{Lu}\p{N}"“‘'(\[]/u.test(next.text))) {
      close(j);
      i = j;
    }
  }
  if (sentenceFrom < tokens.length) close(tokens.length - 1);
}

export { CLOSERS, OPENERS };
