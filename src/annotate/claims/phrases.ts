/**
 * Where a claim's source is written: the phrase before its cue ("Officials said", "John Stremlau,
 * a professor at …, said", "an expert who did not want to be named said"), or after it ("said Pete
 * Simpson, head of …", "according to analysts"). Who the phrase names is the source rule's.
 */
import type { Token } from '../tokens.ts';
import { isQuoted, namedIn, quoteMark, startsLower, startsUpper, type ClaimState } from './state.ts';
import { AUXILIARY, CLAUSE_OPENERS, HONORIFICS, PERSON_NOUNS, PRONOUNS, SPEAKER_NOUNS, VERBAL, WEEKDAYS } from './words.ts';

/** A source phrase: tokens `[from, to]` of a draft, both included. */
export interface Phrase {
  from: number;
  to: number;
}

/** Words that open a phrase but are not part of the source: articles and connectives. */
export const DETERMINERS = /^(the|however|and|but|so|yet|still|nevertheless|nonetheless|meanwhile|moreover|both|then|now)$/;
/** Verbs that are never part of a noun phrase ("criticised a union leader" is no source; "people accused of…" may be). */
const FINITE = /^(said|says|told|tells|criticised|criticized|argued|insisted|warned|added)$/;
const TIME_UNITS = /^(week|month|year|morning|afternoon|evening|night|weekend)$/;

/** Steps back over auxiliaries and time adverbials between a source and its cue ("has also said", "on Monday said"). */
function skipAdverbials(tokens: Token[], j: number): number {
  for (;;) {
    const t = tokens[j];
    if (!t) return j;
    if (AUXILIARY.has(t.key) || (WEEKDAYS.has(t.key) && t.word) || (t.word && /^\p{Ll}+ly$/u.test(t.text) && t.text.length > 4)) {
      j -= tokens[j - 1]?.key === 'on' ? 2 : 1;
      continue;
    }
    if (TIME_UNITS.test(t.key) && /^(this|last|next|on|that)$/.test(tokens[j - 1]?.key ?? '')) {
      j -= 2;
      continue;
    }
    return j;
  }
}

/** Whether a token may be part of a source phrase read backwards from the cue. */
function stopsPhrase(tokens: Token[], j: number, length: number): boolean {
  const t = tokens[j]!;
  if (!t.word) {
    // "Department of Environment, Land, Water and Planning": a list of capitalised words inside a name.
    if (t.text === ',' && length && startsUpper(tokens[j - 1]?.text ?? '') && startsUpper(tokens[j + 1]?.text ?? '') && tokens.slice(j + 1, j + 1 + length).some((x, i, all) => x.key === 'and' && startsUpper(all[i + 1]?.text ?? ''))) return false;
    // "Dr. Loo", "Victoria's", "Upazila Nirbahi Officer (UNO) Kabir".
    if (t.text === '.' && length && (HONORIFICS.has(tokens[j - 1]?.key ?? '') || /^\p{Lu}$/u.test(tokens[j - 1]?.text ?? ''))) return false;
    if ((t.text === '’' || t.text === "'") && tokens[j + 1]?.key === 's') return false;
    // "the Professional Footballers’ Association".
    if ((t.text === '’' || t.text === "'") && /s$/.test(tokens[j - 1]?.key ?? '') && tokens[j + 1]?.word && (startsUpper(tokens[j + 1]!.text) || startsUpper(tokens[j - 1]!.text))) return false;
    if ((t.text === '(' || t.text === ')') && length) return false;
    return true;
  }
  if (!length) return false;
  if (VERBAL.has(t.key)) return true;
  if (t.key === 'and') {
    // "Analysts and western diplomats said", "the Sudanese government and the SPLA say", not "…the route and the airline said".
    const after = tokens[j + 1];
    const before = tokens[j - 1];
    if (before && (SPEAKER_NOUNS.has(before.key) || startsUpper(before.text))) return false;
    return !after || /^(the|a|an|his|her|its|their|this|that|he|she|it|they)$/.test(after.key);
  }
  // "A statement from CIBC", "a report by Gartner"; not "criticism from the US".
  if (t.key === 'from' || t.key === 'by') return !SPEAKER_NOUNS.has(tokens[j - 1]?.key ?? '');
  // "A spokesman for one US shop", not "next on the cards for the senator".
  if (t.key === 'for') return !PERSON_NOUNS.has(tokens[j - 1]?.key ?? '');
  if (CLAUSE_OPENERS.has(t.key)) {
    if ((t.key === 'of' || t.key === 'to') && startsLower(t.text)) return false;
    return true;
  }
  return false;
}

/** The noun phrase that ends at token `j`, read backwards. */
function phraseEndingAt(tokens: Token[], j: number): Phrase | null {
  let from = j + 1;
  for (let i = j; i >= 0 && j - i < 14; i--) {
    if (stopsPhrase(tokens, i, j - i)) break;
    from = i;
  }
  for (;;) {
    const t = tokens[from];
    if (!t || from > j) break;
    if (DETERMINERS.test(t.key) || /^(of|in|at|for|from|with)$/.test(t.text) || !t.word || WEEKDAYS.has(t.key)) from++;
    // "Last month Australia's competition watchdog said": the time is not the source.
    else if (/^(last|this|next|earlier|later)$/.test(t.key) && TIME_UNITS.test(tokens[from + 1]?.key ?? '')) from += 2;
    else if (/^(earlier|later|also)$/.test(t.key) && from < j) from++;
    else break;
  }
  // A source is a noun phrase: "criticised a union leader" is not one.
  for (let i = from; i <= j; i++) if (FINITE.test(tokens[i]!.text)) return null;
  return from <= j ? { from, to: j } : null;
}

/** A lower-case "who" or "which" between the cue at `k` and the start of its clause (no comma, dash or other opener between). */
function relativeBefore(tokens: Token[], k: number): number {
  for (let i = k - 1; i > 0 && k - i < 18; i--) {
    const t = tokens[i]!;
    if (t.key === 'who' || t.key === 'which') return i;
    if (!t.word || (CLAUSE_OPENERS.has(t.key) && t.key !== 'to' && t.key !== 'of')) return -1;
  }
  return -1;
}

/** The source phrases that may be written before the cue at token `k`, best first. */
export function phrasesBefore(state: ClaimState, tokens: Token[], k: number, quoted: Array<[number, number]> = []): Phrase[] {
  const out: Phrase[] = [];
  // "A Kashmiri political expert who did not want to be identified said": the noun before "who".
  const who = relativeBefore(tokens, k);
  if (who > 0) {
    const j = tokens[who - 1]!.text === ',' ? who - 2 : who - 1;
    // "criticism from the House of Lords Economic Affairs Committee, which said": the name before "which".
    const name = j >= 0 ? namedIn(state, tokens[j]!.start - 80, tokens[j]!.end, tokens[j]!.end).filter((n) => n.end === tokens[j]!.end && n.mention.form === 'name').pop() : undefined;
    const nameFrom = name ? tokens.findIndex((t) => t.start >= name.start) : -1;
    const antecedent = nameFrom >= 0 ? { from: nameFrom, to: j } : j >= 0 ? phraseEndingAt(tokens, j) : null;
    // "Abul Rashid, a resident who has set up a tent …, told": the apposition's name.
    const subject = antecedent && tokens[antecedent.from - 1]?.text === ',' ? clauseSubject(state, tokens, antecedent.from - 1) : null;
    if (subject) out.push(subject);
    if (antecedent) out.push(antecedent);
  }
  let j = skipAdverbials(tokens, k - 1);
  // "Premier Su Tseng-chang (蘇貞昌) said": past the parenthesis.
  if (tokens[j]?.text === ')') {
    let o = j - 1;
    while (o > 0 && j - o < 8 && tokens[o]!.text !== '(') o--;
    if (tokens[o]?.text === '(') j = skipAdverbials(tokens, o - 1);
  }
  if (j < 0) return out;
  if (tokens[j]!.text === ',') {
    // The comma before, past any quotation in between, but not into the quotation the clause opens with.
    const floor = quotationEnd(tokens);
    let c = j - 1;
    while (c >= floor && (tokens[c]!.text !== ',' || isQuoted(quoted, tokens[c]!))) c--;
    if (c < floor) c = -1;
    // "John Stremlau, an international relations professor at …, South Africa, said": the clause's subject.
    const subject = clauseSubject(state, tokens, c < 0 ? 0 : c);
    if (subject) out.push(subject);
    if (c >= 0 && tokens[c]!.text === ',' && c < j - 1) {
      // "Its chief executive, Mr Idris Halvorsen, said", "His wife, Joan, suggested": a name set off by the commas.
      const inner = namedIn(state, tokens[c + 1]!.start, tokens[c + 1]!.end + 4, tokens[j - 1]!.end).filter((n) => n.end === tokens[j - 1]!.end);
      const capitalised = j - c - 1 <= 5 && tokens.slice(c + 1, j).every((t) => t.word && startsUpper(t.text));
      if (inner.some((n) => n.mention.type !== 'place') || (capitalised && !inner.some((n) => n.mention.type === 'place'))) out.push({ from: c + 1, to: j - 1 });
    }
    if (c < 0 || tokens[c]!.text !== ',') return out;
    j = skipAdverbials(tokens, c - 1);
    if (j < 0) return out;
  }
  // "On Friday it announced": a pronoun is the whole subject.
  if (PRONOUNS.has(tokens[j]!.key)) return [...out, { from: j, to: j }];
  const phrase = phraseEndingAt(tokens, j);
  if (!phrase) return out;
  // "Wayne Wonitji Webb, a Pibulmun-Wadandi elder and traditional custodian said": the name before the comma.
  if (tokens[phrase.from - 1]?.text === ',' && !namedIn(state, tokens[phrase.from]!.start, tokens[phrase.to]!.start).length) {
    const subject = clauseSubject(state, tokens, phrase.from - 1);
    if (subject) out.push(subject);
  }
  // "The former farm boy, who grew up in Gweru, Zimbabwe said": a place closing a "who" clause is not the source.
  if (tokens[phrase.from - 1]?.text === ',') {
    const only = namedIn(state, tokens[phrase.from]!.start, tokens[phrase.from]!.start, tokens[phrase.to]!.end);
    if (only.length && only[0]!.mention.type === 'place') {
      const w = tokens.findIndex((t, i) => i < phrase.from && (t.key === 'who' || t.key === 'which') && tokens[i - 1]?.text === ',');
      const antecedent = w > 1 ? phraseEndingAt(tokens, w - 2) : null;
      if (antecedent) out.push(antecedent);
    }
  }
  out.push(phrase);
  return out;
}

/** The subject that opens a clause and is set off by a comma: "Tassapon Bijleveld, executive chairman of …, said". */
function clauseSubject(state: ClaimState, tokens: Token[], limit: number): Phrase | null {
  // The clause starts after a leading quotation ("“…,” Shesh Paul Vaid, the former police chief, told") or a colon.
  let s = quotationEnd(tokens);
  for (let i = limit; i > s; i--) {
    if (/^[;:]$/.test(tokens[i - 1]!.text)) {
      s = i;
      break;
    }
  }
  while (s < tokens.length && (DETERMINERS.test(tokens[s]!.key) || !tokens[s]!.word)) s++;
  const comma = tokens.findIndex((t, i) => i > s && t.text === ',');
  if (comma < 0 || comma > limit || comma - s > 6) return null;
  const names = namedIn(state, tokens[s]!.start, tokens[s]!.start + 4, tokens[comma - 1]!.end).filter((n) => n.mention.type !== 'place');
  if (names.length && names[names.length - 1]!.end === tokens[comma - 1]!.end) return { from: s, to: comma - 1 };
  // "Rory O' Neill, editor of…, said": a name the recogniser missed.
  const run = tokens.slice(s, comma);
  const name = run.length >= 2 && run.length <= 5 && run.every((t) => (t.word && startsUpper(t.text)) || t.text === '’' || t.text === "'" || t.text === '.') && !namedIn(state, tokens[s]!.start, tokens[comma - 1]!.start).length;
  return name ? { from: s, to: comma - 1 } : null;
}

/** The index after the quotation a clause opens with (and its comma), or 0. */
function quotationEnd(tokens: Token[]): number {
  if (quoteMark(tokens[0]!) !== 1) return 0;
  for (let i = 1; i < tokens.length; i++) if (quoteMark(tokens[i]!) === -1) return tokens[i + 1]?.text === ',' ? i + 2 : i + 1;
  return 0;
}

/** The source phrase written after the cue, from token `k`: "said Ben Ralston", "according to the Chamber". */
export function phraseAfter(tokens: Token[], k: number): Phrase | null {
  let to = k - 1;
  let depth = 0;
  for (let j = k; j < tokens.length && j - k < 14; j++) {
    const t = tokens[j]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (!t.word && !depth && !(t.text === '.' && (HONORIFICS.has(tokens[j - 1]?.key ?? '') || /^\p{Lu}$/u.test(tokens[j - 1]?.text ?? '')) && tokens[j + 1]?.word) && !((t.text === '’' || t.text === "'") && tokens[j + 1]?.key === 's')) break;
    if (t.word && (VERBAL.has(t.key) || t.key === 'that' || t.key === 'who')) break;
    to = j;
  }
  let from = k;
  while (from <= to && (tokens[from]!.key === 'the' || !tokens[from]!.word)) from++;
  // "says one lawyer watching from afar": the noun before the participle.
  for (let j = from + 1; j <= to; j++) {
    if (SPEAKER_NOUNS.has(tokens[j - 1]!.key) && startsLower(tokens[j]!.text) && (/ing$/.test(tokens[j]!.key) || /^(who|watching|speaking|writing)$/.test(tokens[j]!.key))) {
      to = j - 1;
      break;
    }
  }
  return from <= to ? { from, to } : null;
}

