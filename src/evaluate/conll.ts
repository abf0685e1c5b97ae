/**
 * Scoring by conlleval's rules (CoNLL-2000/2003 shared tasks): a predicted name counts only when
 * its span and type both equal a gold name's; precision, recall and F1 per type and over a set of
 * types, micro-averaged over every name of every document.
 */

import type { Score } from './index.ts';

/** A typed range of a document's text. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Counts and figures of one type or group of types (the same figures as every other score). */
export type SpanScore = Score;

/** Precision, recall and F1 from counts (conlleval: 0 when nothing was predicted or expected). */
export function spanScore(tp: number, fp: number, fn: number): SpanScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Running counts per type over many documents. */
export class SpanTally {
  private readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();

  constructor(readonly types: readonly string[]) {
    for (const t of types) this.counts.set(t, { tp: 0, fp: 0, fn: 0 });
  }

  /**
   * Adds one document's names. `same` may accept a predicted span for a gold one beyond strict
   * equality (Gloss keeps an honorific inside a person's span where the corpora leave it out).
   * Names of types outside the tally are ignored on both sides.
   */
  add(gold: TypedSpan[], predicted: TypedSpan[], same: (g: TypedSpan, p: TypedSpan) => boolean = (g, p) => g.start === p.start && g.end === p.end): Array<{ kind: 'missed' | 'spurious'; span: TypedSpan }> {
    const errors: Array<{ kind: 'missed' | 'spurious'; span: TypedSpan }> = [];
    const g = gold.filter((s) => this.counts.has(s.type));
    const p = predicted.filter((s) => this.counts.has(s.type));
    const used = new Set<number>();
    for (const s of g) {
      const k = p.findIndex((q, i) => !used.has(i) && q.type === s.type && same(s, q));
      if (k >= 0) {
        used.add(k);
        this.counts.get(s.type)!.tp++;
      } else {
        this.counts.get(s.type)!.fn++;
        errors.push({ kind: 'missed', span: s });
      }
    }
    p.forEach((q, i) => {
      if (used.has(i)) return;
      this.counts.get(q.type)!.fp++;
      errors.push({ kind: 'spurious', span: q });
    });
    return errors;
  }

  /** The figures of one type, or of several types pooled. */
  score(types: readonly string[] = this.types): SpanScore {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const t of types) {
      const c = this.counts.get(t);
      if (!c) continue;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    return spanScore(tp, fp, fn);
  }
}
