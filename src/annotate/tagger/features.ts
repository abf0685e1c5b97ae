/**
 * The recogniser's features, as data: each template is a name and a small function, so adding or
 * ablating one is a one-line change and the model card can list them.
 *
 * Word templates depend only on a token's (truecased) text and are applied at fixed offsets of
 * the ±2 window, so the tagger can sum their weights once per distinct word and offset; context
 * templates see the whole sentence (position, headline, capitals, knowledge-base matches, how the
 * first pass tagged the same word elsewhere in the article).
 */
import { hashKey, hashOn } from './hash.ts';
import { nameCue } from './words.ts';

/** One token as the recogniser sees it. */
export interface TaggerToken {
  /** The token as written. */
  text: string;
  /** The token in its usual case: the same as `text` except in a sentence written in capitals. */
  norm: string;
  /** `norm` in lower case. */
  lower: string;
  /** Joined to the token before by a hyphen or by nothing (`none`), or `space`. */
  gap: 'none' | 'space' | 'hyphen' | 'break';
  /** First word of its sentence. */
  sentenceStart: boolean;
  /** In the headline. */
  headline: boolean;
  /** In a sentence written in capitals (sports results, wire headlines). */
  caps: boolean;
  /** Knowledge-base matches the token is part of: `PER-B`, `LOC-U`… */
  gazetteer: string[];
  /** The word's classes learned from the training text, one per granularity (`a17`, `b3`), or none. */
  clusters: string[];
  /** How the first pass tagged the same word elsewhere in the article: `doc=ORG`… (second pass only). */
  document: string[];
  /** The first pass's tag of this token (`B-ORG`, `O`…; second pass only, else empty). */
  firstPass: string;
}

/** A feature of one token's text. */
export type WordTemplate = [name: string, offsets: readonly number[], fn: (norm: string) => string | null];

/** Hands a context feature's value over in up to five pieces, read as one string (so no string is built to hash it). */
export type Emit = (a: string, b?: string, c?: string, d?: string, e?: string) => void;

/** A feature of a token in its sentence: calls `emit` once for each value it has (or not at all). */
export type ContextTemplate = [name: string, fn: (tokens: TaggerToken[], i: number, emit: Emit) => void];

/** Text of the positions outside the sentence. */
export const BEFORE = '<S>';
export const AFTER = '</S>';

function isBoundary(norm: string): boolean {
  return norm === BEFORE || norm === AFTER;
}

/** Word shape, each character as X, x, d or itself, runs of one class cut to two ("Xxxx" → "Xxx" is "Xx"). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) out += c;
  }
  return out;
}

const classes = new Map<string, string>();

/** The word's class: all capitals, initial capital, lower case, digits, mixed, punctuation. */
export function wordClass(word: string): string {
  let c = classes.get(word);
  if (c === undefined) {
    if (classes.size > 100_000) classes.clear();
    c = classOf(word);
    classes.set(word, c);
  }
  return c;
}

function classOf(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return word.length === 1 ? 'initial' : 'caps';
  if (/^\p{Lu}\p{Ll}+$/u.test(word)) return 'title';
  if (/^\p{Lu}/u.test(word)) return 'title-mixed';
  if (/^\p{Ll}+$/u.test(word)) return 'lower';
  if (/^\p{N}+$/u.test(word)) return word.length === 4 ? 'year' : 'digits';
  if (/\p{N}/u.test(word)) return 'has-digit';
  if (/\p{L}/u.test(word)) return 'mixed';
  return 'punct';
}

const word = (norm: string): string | null => (isBoundary(norm) ? null : norm);
const lower = (norm: string): string => norm.toLowerCase();
const prefix = (n: number) => (norm: string): string | null => (isBoundary(norm) || [...norm].length <= n ? null : [...norm.toLowerCase()].slice(0, n).join(''));
const suffix = (n: number) => (norm: string): string | null => (isBoundary(norm) || [...norm].length <= n ? null : [...norm.toLowerCase()].slice(-n).join(''));

/** Word templates with the window offsets they apply at. */
export const WORD_TEMPLATES: readonly WordTemplate[] = [
  ['word', [0], word],
  ['lower', [-2, -1, 0, 1, 2], lower],
  ['shape', [-1, 0, 1], (n) => (isBoundary(n) ? n : shape(n))],
  ['class', [-2, -1, 0, 1, 2], (n) => (isBoundary(n) ? n : wordClass(n))],
  ['prefix1', [0], prefix(1)],
  ['prefix2', [0], prefix(2)],
  ['prefix3', [0], prefix(3)],
  ['prefix4', [0], prefix(4)],
  ['suffix1', [0], suffix(1)],
  ['suffix2', [0], suffix(2)],
  ['suffix3', [0], suffix(3)],
  ['suffix4', [0], suffix(4)],
  ['cue', [-2, -1, 0, 1, 2], (n) => (isBoundary(n) ? null : nameCue(n))],
];

const at = (tokens: TaggerToken[], i: number): string => (i < 0 ? BEFORE : i >= tokens.length ? AFTER : tokens[i]!.lower);
const classAt = (tokens: TaggerToken[], i: number): string => (i < 0 ? BEFORE : i >= tokens.length ? AFTER : wordClass(tokens[i]!.norm));
const joined = (t: TaggerToken | undefined): string | null => (t && (t.gap === 'none' || t.gap === 'hyphen') ? t.gap : null);
const each = (values: string[] | undefined, emit: Emit): void => {
  if (values) for (const v of values) emit(v);
};

/** Context templates: the sentence around the token. */
export const CONTEXT_TEMPLATES: readonly ContextTemplate[] = [
  ['bias', (_t, _i, emit) => emit('')],
  ['sentence-start', (t, i, emit) => t[i]!.sentenceStart && emit(wordClass(t[i]!.norm))],
  ['headline', (t, i, emit) => t[i]!.headline && emit('')],
  ['caps', (t, i, emit) => t[i]!.caps && emit(wordClass(t[i]!.text))],
  ['gap-before', (t, i, emit) => joined(t[i]) && emit(joined(t[i])!)],
  ['gap-after', (t, i, emit) => joined(t[i + 1]) && emit(joined(t[i + 1])!)],
  ['bigram-before', (t, i, emit) => emit(at(t, i - 1), '|', at(t, i))],
  ['bigram-after', (t, i, emit) => emit(at(t, i), '|', at(t, i + 1))],
  ['gazetteer', (t, i, emit) => each(t[i]!.gazetteer, emit)],
  ['gazetteer-before', (t, i, emit) => each(t[i - 1]?.gazetteer, emit)],
  ['gazetteer-after', (t, i, emit) => each(t[i + 1]?.gazetteer, emit)],
  ['classes', (t, i, emit) => emit(classAt(t, i - 1), '|', classAt(t, i), '|', classAt(t, i + 1))],
  ['cluster', (t, i, emit) => each(t[i]!.clusters, emit)],
  ['cluster-before', (t, i, emit) => each(t[i - 1]?.clusters, emit)],
  ['cluster-after', (t, i, emit) => each(t[i + 1]?.clusters, emit)],
  ['document', (t, i, emit) => each(t[i]!.document, emit)],
  ['first-pass', (t, i, emit) => t[i]!.firstPass && emit(t[i]!.firstPass)],
  ['first-pass-around', (t, i, emit) => t[i]!.firstPass && emit(t[i - 1]?.firstPass ?? BEFORE, '|', t[i + 1]?.firstPass ?? AFTER)],
];

/** The feature keys of a word template at an offset, for a token text. */
export function wordFeatures(norm: string, offset: number, out: string[]): void {
  for (const [name, offsets, fn] of WORD_TEMPLATES) {
    if (!offsets.includes(offset)) continue;
    const value = fn(norm);
    if (value !== null) out.push(`${name}@${offset}=${value}`);
  }
}

const wordPrefixes = WORD_TEMPLATES.map(([name, offsets]) => offsets.map((offset) => hashKey(`${name}@${offset}=`)));

/**
 * The hashes of a word's feature keys at each window offset (`OFFSETS` order), the same as
 * `hashKey` of each key `wordFeatures` gives: each template's value is computed once for all
 * its offsets and hashed unbuilt.
 */
export function wordFeatureHashes(norm: string): Uint32Array[] {
  const out: number[][] = OFFSETS.map(() => []);
  WORD_TEMPLATES.forEach(([, offsets, fn], k) => {
    const value = fn(norm);
    if (value === null) return;
    offsets.forEach((offset, j) => out[OFFSETS.indexOf(offset)]!.push(hashOn(wordPrefixes[k]![j]!, value)));
  });
  return out.map((hashes) => Uint32Array.from(hashes));
}

/** The context feature keys of token `i`, as strings (for reading and testing; tagging hashes them unbuilt). */
export function contextFeatures(tokens: TaggerToken[], i: number, out: string[]): void {
  for (const [name, fn] of CONTEXT_TEMPLATES) fn(tokens, i, (a, b = '', c = '', d = '', e = '') => out.push(`${name}=${a}${b}${c}${d}${e}`));
}

const prefixes = CONTEXT_TEMPLATES.map(([name]) => hashKey(`${name}=`));

// One emitter serves every template and token (a closure per template per token was most of the garbage):
// it continues the hash of the current template's `name=` over the pieces and appends it to the current output.
let sink: number[] = [];
let seed = 0;
const hashInto: Emit = (a, b, c, d, e) => {
  let h = hashOn(seed, a);
  if (b) h = hashOn(h, b);
  if (c) h = hashOn(h, c);
  if (d) h = hashOn(h, d);
  if (e) h = hashOn(h, e);
  sink.push(h);
};

/** Context templates from this one on read the first pass (`document`, `first-pass`…); those before it read only the sentence. */
export const FIRST_PASS_TEMPLATES = CONTEXT_TEMPLATES.findIndex(([name]) => name === 'document');

/**
 * The hashes of token `i`'s context feature keys, the same as `hashKey` of each key `contextFeatures`
 * gives; `from` and `to` pick a range of templates (all by default).
 */
export function contextHashes(tokens: TaggerToken[], i: number, out: number[], from = 0, to = CONTEXT_TEMPLATES.length): void {
  sink = out;
  for (let k = from; k < to; k++) {
    seed = prefixes[k]!;
    CONTEXT_TEMPLATES[k]![1](tokens, i, hashInto);
  }
}

/** The window offsets any word template uses. */
export const OFFSETS: readonly number[] = [...new Set(WORD_TEMPLATES.flatMap(([, offsets]) => offsets))].sort((a, b) => a - b);

/** Every feature key of token `i`: word templates over the window, then context templates. */
export function tokenFeatures(tokens: TaggerToken[], i: number): string[] {
  const out: string[] = [];
  for (const offset of OFFSETS) wordFeatures(normAt(tokens, i + offset), offset, out);
  contextFeatures(tokens, i, out);
  return out;
}

/** The text the word templates read at position `j` of a sentence, or the boundary outside it. */
export function normAt(tokens: TaggerToken[], j: number): string {
  return j < 0 ? BEFORE : j >= tokens.length ? AFTER : tokens[j]!.norm;
}
