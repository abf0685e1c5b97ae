import type { Token } from '../tokens.ts';
import type { Found } from './cue.ts';
import { SPEECH_GERUNDS } from './lexicon.ts';
import { isQuoted, quoteMark } from './state.ts';

/** Whether a cue starts among tokens `[from, to)`. */
export function hasCue(found: Array<Found | null>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (found[k]) return true;
  return false;
}

/** A clause of a unit: tokens `[from, to)`. */
export interface Clause {
  from: number;
  to: number;
  inheritsSource: boolean;
}

/**
 * Splits a unit into the clauses that each carry a claim: at ", although" / ", while" / ";" when
 * both sides have a cue, at ", adding that…" (a speech gerund after a claim: its source is the
 * clause's before), and after a leading "While acknowledging that…," (whose source is the main
 * clause's subject, so that clause comes first).
 */
export function clauses(tokens: Token[], found: Array<Found | null>, quoted: Array<[number, number]>, from = 0): Clause[] {
  const to = tokens.length;
  if (/^(while|after|although)$/.test(tokens[from]?.key ?? '') && SPEECH_GERUNDS.has(tokens[from + 1]?.key ?? '')) {
    for (let i = from + 2; i < to; i++) {
      if (tokens[i]!.text !== ',' || quoteMark(tokens[i + 1] ?? tokens[i]!) === -1) continue;
      if (!hasCue(found, i + 1, to)) break;
      return [...clauses(tokens, found, quoted, i + 1), { from: from + 1, to: i, inheritsSource: true }];
    }
  }
  const out: Clause[] = [];
  let start = from;
  for (let i = from + 1; i < to - 1; i++) {
    const t = tokens[i]!;
    const comma = tokens[i - 1]!.text === ',';
    const linking = comma && /^(although|though|while|whereas)$/.test(t.key);
    const gerund = comma && (SPEECH_GERUNDS.has(t.key) || (t.key === 'also' && SPEECH_GERUNDS.has(tokens[i + 1]?.key ?? '')));
    const semicolon = t.text === ';';
    if ((!linking && !gerund && !semicolon) || isQuoted(quoted, t)) continue;
    const leftEnd = linking || gerund ? i - 1 : i;
    const rightStart = linking || semicolon ? i + 1 : i;
    if (!hasCue(found, start, leftEnd) || !hasCue(found, rightStart, to)) continue;
    out.push({ from: start, to: leftEnd, inheritsSource: false });
    start = rightStart;
  }
  const opensWithGerund = start > from && (SPEECH_GERUNDS.has(tokens[start]!.key) || (tokens[start]!.key === 'also' && SPEECH_GERUNDS.has(tokens[start + 1]?.key ?? '')));
  out.push({ from: start, to, inheritsSource: opensWithGerund });
  return out;
}
