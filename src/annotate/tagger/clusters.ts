/**
 * Word classes learned from the training text, for the recogniser's features: words that occur in
 * the same contexts fall in one class, so a rare word borrows what the model learned of its
 * frequent classmates. The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
 * 1998) moves each word to the class that most raises the likelihood of a class bigram model,
 * sweep after sweep, from a fixed start and in a fixed order, so the same text gives the same
 * classes.
 */

/** Lower-case word → its class. */
export type WordClasses = Map<string, number>;

/** Settings: how many classes, how often a word must occur to get one, how many sweeps at most. */
export interface ClusterOptions {
  classes: number;
  minCount: number;
  sweeps: number;
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/** Learns word classes from sentences of lower-case words. */
export function learnClasses(sentences: string[][], options: ClusterOptions): WordClasses {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, n]) => n >= options.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const K = Math.min(options.classes, V);
  // Bigram counts per word, both ways, over known words (an unknown word breaks the chain).
  const right: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  const left: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  const unigram = new Float64Array(V);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const a = id.get(s[i]!);
      if (a === undefined) continue;
      unigram[a]!++;
      const b = i + 1 < s.length ? id.get(s[i + 1]!) : undefined;
      if (b === undefined) continue;
      right[a]!.set(b, (right[a]!.get(b) ?? 0) + 1);
      left[b]!.set(a, (left[b]!.get(a) ?? 0) + 1);
    }
  }
  const cls = new Int32Array(V).map((_, w) => w % K);
  const classCount = new Float64Array(K);
  const pair = new Float64Array(K * K);
  for (let w = 0; w < V; w++) {
    classCount[cls[w]!]! += unigram[w]!;
    for (const [b, n] of right[w]!) pair[cls[w]! * K + cls[b]!]! += n;
  }
  const toClasses = new Float64Array(K);
  const fromClasses = new Float64Array(K);
  for (let sweep = 0; sweep < options.sweeps; sweep++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const from = cls[w]!;
      // The word's bigram counts by class, its self-bigrams apart.
      let self = 0;
      const touchedTo: number[] = [];
      const touchedFrom: number[] = [];
      for (const [b, n] of right[w]!) {
        if (b === w) {
          self += n;
          continue;
        }
        const c = cls[b]!;
        if (toClasses[c] === 0) touchedTo.push(c);
        toClasses[c]! += n;
      }
      for (const [a, n] of left[w]!) {
        if (a === w) continue;
        const c = cls[a]!;
        if (fromClasses[c] === 0) touchedFrom.push(c);
        fromClasses[c]! += n;
      }
      // Take the word out of its class.
      const shift = (k: number, sign: number): void => {
        for (const c of touchedTo) pair[k * K + c]! += sign * toClasses[c]!;
        for (const c of touchedFrom) pair[c * K + k]! += sign * fromClasses[c]!;
        pair[k * K + k]! += sign * self;
        classCount[k]! += sign * unigram[w]!;
      };
      // The objective's change when the word joins class k: only the cells it touches move.
      const gain = (k: number): number => {
        let g = 0;
        for (const c of touchedTo) {
          const cell = c === k ? 0 : pair[k * K + c]!;
          if (c !== k) g += xlogx(cell + toClasses[c]!) - xlogx(cell);
        }
        for (const c of touchedFrom) {
          if (c === k) continue;
          const cell = pair[c * K + k]!;
          g += xlogx(cell + fromClasses[c]!) - xlogx(cell);
        }
        const diagonal = pair[k * K + k]!;
        const addDiagonal = self + (toClasses[k] ?? 0) + (fromClasses[k] ?? 0);
        g += xlogx(diagonal + addDiagonal) - xlogx(diagonal);
        g -= 2 * (xlogx(classCount[k]! + unigram[w]!) - xlogx(classCount[k]!));
        return g;
      };
      shift(from, -1);
      let best = from;
      let bestGain = gain(from);
      for (let k = 0; k < K; k++) {
        if (k === from) continue;
        const g = gain(k);
        if (g > bestGain + 1e-9) {
          bestGain = g;
          best = k;
        }
      }
      if (best !== from) moved++;
      // Moving the word re-labels its own cells: the counts by class stay, the word's class changes.
      cls[w] = best;
      shift(best, 1);
      for (const c of touchedTo) toClasses[c] = 0;
      for (const c of touchedFrom) fromClasses[c] = 0;
    }
    if (moved < V / 1000) break;
  }
  return new Map(vocab.map((w, i) => [w, cls[i]!]));
}
