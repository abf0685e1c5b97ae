/**
 * A structured averaged perceptron over BILOU tags (Collins 2002): emission weights per feature
 * and tag, transition weights per tag pair, Viterbi decoding restricted to valid BILOU sequences,
 * and averaging by the lazy-sum trick (Daumé 2006) so that training stays linear in the updates.
 */
import { TAG_COUNT, allowed } from './bilou.ts';
import type { FeatureTable } from './table.ts';
export { hashKey } from './hash.ts';

const T = TAG_COUNT;
/** Row of the transition table for the sentence boundary (start as `prev`, end as `next`). */
const EDGE = T;


/** Weights of a trained or training model. */
export interface LinearModel {
  /** Feature hash → row of `weights`. */
  rows: Map<number, number>;
  /** `rows.size × T` emission weights. */
  weights: Float32Array;
  /** `(T + 1) × (T + 1)` transition weights: `[prev][next]`, `T` the sentence edge. */
  transitions: Float32Array;
  /** The emission weights packed for tagging, when the model was read from disk; otherwise built from `rows` and `weights` when it first tags. */
  table?: FeatureTable;
}

/** A training sentence: per token, the rows of its features, and the gold tags. */
export interface TrainingSentence {
  /** Feature rows of each token, concatenated. */
  features: Int32Array;
  /** Where each token's rows start in `features`; one more entry than tokens. */
  starts: Int32Array;
  gold: Int8Array;
}

const MASK = (() => {
  const mask = new Uint8Array((T + 1) * (T + 1));
  for (let p = -1; p < T; p++) for (let n = -1; n < T; n++) mask[(p < 0 ? EDGE : p) * (T + 1) + (n < 0 ? EDGE : n)] = allowed(p, n) ? 1 : 0;
  return mask;
})();

/** Emission scores of a sentence: `length × T`. */
export function emissions(model: LinearModel, sentence: { features: Int32Array; starts: Int32Array }, out?: Float32Array): Float32Array {
  const n = sentence.starts.length - 1;
  const scores = out && out.length >= n * T ? out : new Float32Array(n * T);
  scores.fill(0, 0, n * T);
  const w = model.weights;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = sentence.starts[i]!; k < sentence.starts[i + 1]!; k++) {
      const row = sentence.features[k]!;
      if (row < 0) continue;
      const r = row * T;
      for (let t = 0; t < T; t++) scores[base + t]! += w[r + t]!;
    }
  }
  return scores;
}

/** For each tag, the tags that may come before it: Viterbi looks only at these. */
const BEFORE: Int8Array[] = Array.from({ length: T }, (_, t) => Int8Array.from(Array.from({ length: T }, (_, p) => p).filter((p) => MASK[p * (T + 1) + t])));

let viterbiBest = new Float64Array(256 * T);
let viterbiBack = new Int8Array(256 * T);

/** The best valid tag sequence for these emission scores (`length × T`). */
export function viterbi(scores: Float32Array, length: number, transitions: Float32Array): Int8Array {
  const tags = new Int8Array(length);
  if (length === 0) return tags;
  // The score and back-pointer tables are reused from sentence to sentence (every cell read is written first).
  if (viterbiBest.length < length * T) {
    viterbiBest = new Float64Array(length * T * 2);
    viterbiBack = new Int8Array(length * T * 2);
  }
  const best = viterbiBest;
  const back = viterbiBack;
  for (let t = 0; t < T; t++) best[t] = MASK[EDGE * (T + 1) + t] ? scores[t]! + transitions[EDGE * (T + 1) + t]! : -Infinity;
  for (let i = 1; i < length; i++) {
    const row = i * T;
    const prev = row - T;
    for (let t = 0; t < T; t++) {
      const before = BEFORE[t]!;
      let top = -Infinity;
      let arg = before[0]!;
      for (let k = 0; k < before.length; k++) {
        const p = before[k]!;
        const s = best[prev + p]! + transitions[p * (T + 1) + t]!;
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[row + t] = top + scores[row + t]!;
      back[row + t] = arg;
    }
  }
  let top = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (!MASK[t * (T + 1) + EDGE]) continue;
    const s = best[(length - 1) * T + t]! + transitions[t * (T + 1) + EDGE]!;
    if (s > top) {
      top = s;
      arg = t;
    }
  }
  tags[length - 1] = arg;
  for (let i = length - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]!]!;
  return tags;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same shuffle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Training settings. */
export interface PerceptronOptions {
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged model, e.g. to score the development split. */
  onEpoch?: (epoch: number, model: LinearModel) => void;
}

/**
 * Trains the weights on sentences whose features are already rows (`rows.size` of them): every
 * epoch walks the sentences in a seeded shuffle, decodes each, and moves the weights towards the
 * gold tags where the two differ. Returns the averaged weights.
 */
export function trainPerceptron(rows: Map<number, number>, sentences: TrainingSentence[], options: PerceptronOptions): LinearModel {
  const weights = new Float32Array(rows.size * T);
  const sums = new Float64Array(rows.size * T);
  const transitions = new Float32Array((T + 1) * (T + 1));
  const transitionSums = new Float64Array((T + 1) * (T + 1));
  const model: LinearModel = { rows, weights, transitions };
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  let c = 1;
  let scratch = new Float32Array(256 * T);
  const bump = (row: number, tag: number, delta: number): void => {
    weights[row * T + tag]! += delta;
    sums[row * T + tag]! += c * delta;
  };
  const bumpTransition = (p: number, n: number, delta: number): void => {
    transitions[p * (T + 1) + n]! += delta;
    transitionSums[p * (T + 1) + n]! += c * delta;
  };
  const averaged = (): LinearModel => {
    const w = new Float32Array(weights.length);
    for (let k = 0; k < w.length; k++) w[k] = weights[k]! - sums[k]! / c;
    const tr = new Float32Array(transitions.length);
    for (let k = 0; k < tr.length; k++) tr[k] = transitions[k]! - transitionSums[k]! / c;
    return { rows, weights: w, transitions: tr };
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const s = sentences[index]!;
      const n = s.gold.length;
      if (scratch.length < n * T) scratch = new Float32Array(n * T * 2);
      const predicted = viterbi(emissions(model, s, scratch), n, transitions);
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!;
        const p = predicted[i]!;
        if (g !== p) {
          for (let k = s.starts[i]!; k < s.starts[i + 1]!; k++) {
            const row = s.features[k]!;
            bump(row, g, 1);
            bump(row, p, -1);
          }
        }
        const gPrev = i === 0 ? EDGE : s.gold[i - 1]!;
        const pPrev = i === 0 ? EDGE : predicted[i - 1]!;
        if (gPrev !== pPrev || g !== p) {
          bumpTransition(gPrev, g, 1);
          bumpTransition(pPrev, p, -1);
        }
      }
      if (n > 0 && s.gold[n - 1] !== predicted[n - 1]) {
        bumpTransition(s.gold[n - 1]!, EDGE, 1);
        bumpTransition(predicted[n - 1]!, EDGE, -1);
      }
      c++;
    }
    options.onEpoch?.(epoch, averaged());
  }
  return averaged();
}

export { EDGE, T as TAG_COUNT_WITH_EDGE };
