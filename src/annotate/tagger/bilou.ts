/**
 * BILOU tags over the recogniser's four types: B(egin), I(nside), L(ast) of a name of several
 * tokens, U(nit) for a one-token name, O(utside). Ratinov and Roth (2009) found BILOU better
 * than IOB for this task; Viterbi decoding only ever walks valid sequences.
 */
import type { NerType, TokenSpan } from './corpus.ts';

export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Every tag, `O` first: `B-PER`, `I-PER`, `L-PER`, `U-PER`, then the same for ORG, LOC, MISC. */
export const TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/** Number of tags. */
export const TAG_COUNT = TAGS.length;

const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

/** The index of a tag such as `U-ORG`. */
export function tagIndex(tag: string): number {
  const i = TAG_INDEX.get(tag);
  if (i === undefined) throw new RangeError(`unknown tag ${tag}`);
  return i;
}

function prefixOf(tag: number): string {
  return TAGS[tag]!.charAt(0);
}

function typeOf(tag: number): string {
  return TAGS[tag]!.slice(2);
}

/** Whether `next` may follow `prev` (-1: the sentence start; `next` -1: the sentence end). */
export function allowed(prev: number, next: number): boolean {
  const open = prev >= 0 && (prefixOf(prev) === 'B' || prefixOf(prev) === 'I');
  if (next < 0) return !open;
  const p = prefixOf(next);
  if (open) return (p === 'I' || p === 'L') && typeOf(next) === typeOf(prev);
  return p === 'O' || p === 'B' || p === 'U';
}

/** The tag sequence of a sentence of `length` tokens with these (non-overlapping) spans. */
export function encode(spans: TokenSpan[], length: number): Int8Array {
  const tags = new Int8Array(length);
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = tagIndex(`U-${s.type}`);
    else {
      tags[s.start] = tagIndex(`B-${s.type}`);
      for (let k = s.start + 1; k < s.end - 1; k++) tags[k] = tagIndex(`I-${s.type}`);
      tags[s.end - 1] = tagIndex(`L-${s.type}`);
    }
  }
  return tags;
}

/** The spans of a valid tag sequence (an unfinished name is closed where it stops). */
export function decode(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const p = prefixOf(tags[i]!);
    const type = typeOf(tags[i]!) as NerType;
    if (p === 'U') spans.push({ start: i, end: i + 1, type });
    else if (p === 'B') start = i;
    else if (p === 'L' && start >= 0) {
      spans.push({ start, end: i + 1, type });
      start = -1;
    } else if (p === 'O') start = -1;
  }
  return spans;
}
