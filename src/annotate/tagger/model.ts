/**
 * The recogniser: one module, three verbs. `train(documents, options)` learns two structured
 * perceptrons (a first pass on the sentence alone, a second that also sees how the first pass
 * tagged the same word elsewhere in the article), `load(dir)` reads the committed model, and
 * `tag(model, sentences)` gives each sentence's names.
 */
import { TAGS, TAG_COUNT, decode, encode } from './bilou.ts';
import type { CasingLexicon } from './casing.ts';
import type { NerType, TokenSpan } from './corpus.ts';
import { CONTEXT_TEMPLATES, FIRST_PASS_TEMPLATES, OFFSETS, contextFeatures, contextHashes, normAt, wordFeatureHashes, type TaggerToken } from './features.ts';
import { FeatureTable } from './table.ts';
import { emissions, trainPerceptron, viterbi, type LinearModel, type TrainingSentence } from './perceptron.ts';
import { assignClasses, type TaggerSentence } from './sentences.ts';
import { learnClasses, type WordClasses } from './clusters.ts';

/** A trained recogniser. */
export interface Recogniser {
  first: LinearModel;
  second: LinearModel;
  lexicon: CasingLexicon;
  /** Word classes learned from the training text, coarse to fine. */
  classes: WordClasses[];
}

/** A training document: its sentences and their gold spans. */
export interface TrainingDocument {
  sentences: TaggerSentence[];
  spans: TokenSpan[][];
}

/** Training settings: epochs of each pass, folds for the second pass's training features, shuffle seed. */
export interface TrainOptions {
  epochs: number;
  folds: number;
  seed: number;
  /** Sizes of the word clusterings learned from the training text (none when empty). */
  clusters: number[];
  /** Keep a feature only when it occurs at least this often in the training data. */
  minCount: number;
  log?: (line: string) => void;
}

const wordHashCache = new Map<string, Uint32Array[]>();

/** The hashes of a word's features at each window offset (`OFFSETS` order), computed once per word. */
export function wordHashes(norm: string): Uint32Array[] {
  let cached = wordHashCache.get(norm);
  if (!cached) {
    if (wordHashCache.size > 500_000) wordHashCache.clear();
    cached = wordFeatureHashes(norm);
    wordHashCache.set(norm, cached);
  }
  return cached;
}

/** The feature hashes of token `i`: word features over the window, then context features. */
function featureHashes(tokens: TaggerToken[], i: number, out: number[]): void {
  OFFSETS.forEach((offset, o) => {
    for (const h of wordHashes(normAt(tokens, i + offset))[o]!) out.push(h);
  });
  contextHashes(tokens, i, out);
}

/** Feature rows of a sentence's tokens; features the model lacks are -1. */
function rowsOf(tokens: TaggerToken[], rows: Map<number, number>): { features: Int32Array; starts: Int32Array } {
  const hashes: number[] = [];
  const starts = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = hashes.length;
    featureHashes(tokens, i, hashes);
  }
  starts[tokens.length] = hashes.length;
  return { features: Int32Array.from(hashes, (h) => rows.get(h) ?? -1), starts };
}

/** The hashes of the features that occur at least `minCount` times, numbered in first-seen order. */
function frequentRows(documents: TrainingDocument[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  const hashes: number[] = [];
  for (const d of documents) for (const s of d.sentences) for (let i = 0; i < s.tokens.length; i++) {
    hashes.length = 0;
    featureHashes(s.tokens, i, hashes);
    for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const rows = new Map<number, number>();
  for (const [h, n] of counts) if (n >= minCount) rows.set(h, rows.size);
  return rows;
}

function trainPass(documents: TrainingDocument[], options: TrainOptions, label: string): LinearModel {
  const rows = frequentRows(documents, options.minCount);
  const sentences: TrainingSentence[] = [];
  for (const d of documents) d.sentences.forEach((s, k) => sentences.push({ ...rowsOf(s.tokens, rows), gold: encode(d.spans[k]!, s.tokens.length) }));
  options.log?.(`${label}: ${sentences.length} sentences, ${rows.size} features`);
  return trainPerceptron(rows, sentences, { epochs: options.epochs, seed: options.seed });
}

/** The best spans of one sentence under one pass's weights (`fixed`: its sentence-only context hashes, if already known). */
export function decodeSentence(model: LinearModel, tokens: TaggerToken[], fixed?: FixedHashes): TokenSpan[] {
  return decode(viterbi(fastEmissions(model, tokens, fixed), tokens.length, model.transitions));
}

/** The hashes of a sentence's context features that do not read the first pass, token by token: the same in both passes. */
export interface FixedHashes {
  hashes: Uint32Array;
  /** Where each token's hashes start; one more entry than tokens. */
  starts: Int32Array;
}

/** A sentence's context hashes from the templates before `FIRST_PASS_TEMPLATES`, computed once for both passes. */
export function fixedHashes(tokens: TaggerToken[]): FixedHashes {
  const hashes: number[] = [];
  const starts = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = hashes.length;
    contextHashes(tokens, i, hashes, 0, FIRST_PASS_TEMPLATES);
  }
  starts[tokens.length] = hashes.length;
  return { hashes: Uint32Array.from(hashes), starts };
}

const T = TAG_COUNT;
const wordVectors = new WeakMap<LinearModel, Map<string, Float32Array>>();
const tables = new WeakMap<LinearModel, FeatureTable>();

function tableOf(model: LinearModel): FeatureTable {
  let table = model.table ?? tables.get(model);
  if (!table) tables.set(model, (table = FeatureTable.fromRows(model.rows, model.weights, T)));
  return table;
}

/** A word's summed word-feature weights at each window offset, computed once per word and model. */
function wordVector(model: LinearModel, table: FeatureTable, norm: string): Float32Array {
  let cache = wordVectors.get(model);
  if (!cache) wordVectors.set(model, (cache = new Map()));
  let v = cache.get(norm);
  if (!v) {
    if (cache.size > 200_000) cache.clear();
    v = new Float32Array(OFFSETS.length * T);
    const hashes = wordHashes(norm);
    for (let o = 0; o < OFFSETS.length; o++) {
      for (const h of hashes[o]!) table.add(h, v, o * T);
    }
    cache.set(norm, v);
  }
  return v;
}

/** Widest window offset: the word vectors of a sentence are padded by this many boundary positions each side. */
const REACH = Math.max(...OFFSETS.map(Math.abs));
const contextScratch: number[] = [];

/** Emission scores of a sentence from cached word vectors plus its context features. */
export function fastEmissions(model: LinearModel, tokens: TaggerToken[], fixed: FixedHashes = fixedHashes(tokens)): Float32Array {
  const n = tokens.length;
  const scores = new Float32Array(n * T);
  const table = tableOf(model);
  // Each position's word vector is looked up once, not once per window offset that reads it.
  const vectors: Float32Array[] = [];
  for (let j = -REACH; j < n + REACH; j++) vectors.push(wordVector(model, table, normAt(tokens, j)));
  const later = contextScratch;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let o = 0; o < OFFSETS.length; o++) {
      const v = vectors[i + OFFSETS[o]! + REACH]!;
      const at = o * T;
      for (let t = 0; t < T; t++) scores[base + t]! += v[at + t]!;
    }
    for (let k = fixed.starts[i]!; k < fixed.starts[i + 1]!; k++) table.add(fixed.hashes[k]!, scores, base);
    later.length = 0;
    contextHashes(tokens, i, later, FIRST_PASS_TEMPLATES, CONTEXT_TEMPLATES.length);
    for (let k = 0; k < later.length; k++) table.add(later[k]!, scores, base);
  }
  return scores;
}

/** The labels the document features count, in the order they are listed and ties are broken; `O` last. */
const LABELS = ['PER', 'ORG', 'LOC', 'MISC', 'O'] as const;
const OUTSIDE = LABELS.length - 1;
const LABEL_INDEX = new Map<string, number>(LABELS.map((l, k) => [l, k]));
// The features' strings, made once rather than per token.
const MAJOR = LABELS.map((l) => `major-${l}`);
const WRITTEN = { both: 'written-both', capital: 'written-capital', lower: 'written-lower' } as const;

/** What the first pass said of each token, and of each word elsewhere in the article, as features of each token. */
export function documentFeatures(sentences: TaggerSentence[], firstPass: TokenSpan[][]): void {
  // Per word of the article, how often the first pass gave it each label (`LABELS` order), as one small array.
  const labels = new Map<string, Int32Array>();
  const labelOf: Uint8Array[] = sentences.map((s, k) => {
    const out = new Uint8Array(s.tokens.length).fill(OUTSIDE);
    for (const span of firstPass[k]!) for (let i = span.start; i < span.end; i++) out[i] = LABEL_INDEX.get(span.type)!;
    return out;
  });
  const keyOf = (t: TaggerToken): string | null => (t.lower.length > 1 && /\p{L}/u.test(t.lower) ? t.lower : null);
  const keys: (string | null)[][] = sentences.map((s) => s.tokens.map(keyOf));
  // How the article writes each word inside ordinary sentences: with a capital, or without.
  const written = new Map<string, [number, number]>();
  const midSentence = (t: TaggerToken): boolean => !t.caps && !t.sentenceStart && !t.headline;
  sentences.forEach((s, k) => s.tokens.forEach((t, i) => {
    const key = keys[k]![i];
    if (!key) return;
    let counts = labels.get(key);
    if (!counts) labels.set(key, (counts = new Int32Array(LABELS.length)));
    counts[labelOf[k]![i]!]!++;
    if (!midSentence(t)) return;
    const w = written.get(key) ?? [0, 0];
    w[/^\p{Lu}/u.test(t.text) ? 0 : 1]++;
    written.set(key, w);
  }));
  sentences.forEach((s, k) => {
    const tags = encode(firstPass[k]!, s.tokens.length);
    s.tokens.forEach((t, i) => (t.firstPass = TAGS[tags[i]!]!));
  });
  sentences.forEach((s, k) => s.tokens.forEach((t, i) => {
    const key = keys[k]![i];
    t.document = [];
    if (!key) return;
    // The word's counts elsewhere: its own label taken out of them.
    const counts = labels.get(key)!;
    const own = labelOf[k]![i]!;
    let top = -1;
    let best = 0;
    for (let l = 0; l < LABELS.length; l++) {
      const n = counts[l]! - (l === own ? 1 : 0);
      if (n > 0 && l !== OUTSIDE) t.document.push(LABELS[l]!);
      if (n > best) {
        best = n;
        top = l;
      }
    }
    t.document.push(top < 0 ? 'major-none' : MAJOR[top]!);
    const w = written.get(key);
    if (!w) return;
    const [capital, lower] = midSentence(t) ? (/^\p{Lu}/u.test(t.text) ? [w[0] - 1, w[1]] : [w[0], w[1] - 1]) : w;
    if (capital > 0 || lower > 0) t.document.push(capital > 0 ? (lower > 0 ? WRITTEN.both : WRITTEN.capital) : WRITTEN.lower);
  }));
}

/** Tags the sentences of one article: the first pass, then the second with the first's document features. */
export function tag(model: Recogniser, sentences: TaggerSentence[]): TokenSpan[][] {
  for (const s of sentences) for (const t of s.tokens) {
    t.document = [];
    t.firstPass = '';
  }
  const fixed = sentences.map((s) => fixedHashes(s.tokens));
  const first = sentences.map((s, k) => decodeSentence(model.first, s.tokens, fixed[k]));
  documentFeatures(sentences, first);
  return sentences.map((s, k) => decodeSentence(model.second, s.tokens, fixed[k]));
}

/**
 * Trains both passes. The second pass learns from first-pass tags that the first pass did not see
 * in training (k-fold jackknifing), so it learns how far to trust them on new text.
 */
export function train(documents: TrainingDocument[], lexicon: CasingLexicon, options: TrainOptions): Recogniser {
  const text = documents.flatMap((d) => d.sentences.map((s) => s.tokens.map((t) => t.lower)));
  const classes = options.clusters.map((k) => {
    const learned = learnClasses(text, { classes: k, minCount: 3, sweeps: 6 });
    options.log?.(`${learned.size} words in ${k} classes`);
    return learned;
  });
  for (const d of documents) assignClasses(d.sentences, classes);
  const folds = Array.from({ length: options.folds }, (_, f) => documents.filter((_, i) => i % options.folds === f));
  folds.forEach((held, f) => {
    const rest = documents.filter((_, i) => i % options.folds !== f);
    const model = trainPass(rest, options, `first pass, fold ${f + 1} of ${options.folds}`);
    for (const d of held) documentFeatures(d.sentences, d.sentences.map((s) => decodeSentence(model, s.tokens)));
  });
  const first = trainPass(documents.map((d) => ({ ...d, sentences: d.sentences.map((s) => ({ ...s, tokens: s.tokens.map((t) => ({ ...t, document: [], firstPass: '' })) })) })), options, 'first pass');
  const second = trainPass(documents, options, 'second pass');
  return { first, second, lexicon, classes };
}

export { contextFeatures, TAG_COUNT };
export type { NerType };
