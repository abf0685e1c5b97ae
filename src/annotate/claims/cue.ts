import type { Token } from '../tokens.ts';
import { clauses, type Clause } from './clauses.ts';
import { CUE_KEYS, CUE_WORDS, PHRASE_CUES, SPEECH_GERUNDS, STANCES, type CueWord } from './lexicon.ts';
import { isQuoted, quoteMark, startsLower, startsUpper, type ClaimState, type Cue, type Draft, type Side, type Unit } from './state.ts';
import { PRONOUNS, SPEAKER_NOUNS, VERBAL } from './words.ts';

/** A cue before its side and form are known. */
export type Found = Omit<Cue, 'side' | 'trailing' | 'method'> & { word: CueWord | null; relative: boolean };

const PASSIVE = /^(is|are|was|were|be|been|being)$/;
const MODAL = /^(may|might|could|would|should|can|must|to|will|shall)$/;
const ATTRIBUTIVE = /^(the|a|an|more|than|of|these|those|its|their|his|her|our)$/;
/** Words before a noun that a gerund then describes: "another alleging", "one accusing". */
const ATTRIBUTIVE_SUBJECT = /^(another|one|a|an|the)$/;
const CLAUSE_START = /^(that|there|it|he|she|they|we|i|this|these|those|the|a|an|his|her|their|its|our|some|many|most|all|no|none)$/;


/** Whether one of the `n` tokens after token `k` passes `test`. */
function within(tokens: Token[], k: number, n: number, test: (t: Token) => boolean): boolean {
  for (let i = k + 1; i <= k + n && i < tokens.length; i++) if (test(tokens[i]!)) return true;
  return false;
}

/** A cheap first test: whether a token may start a cue at all. */
export function mayCue(t: Token): boolean {
  return CUE_KEYS.has(t.key);
}

/** Whether the words after a cue report something of the kind the cue takes. */
function takesWhatFollows(word: CueWord, tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  // "…, the Treasury has announced.": the content is before the cue.
  if (!next || /^[.,;!?]$/.test(next.text)) return word.takes !== 'charge' && word.takes !== 'naming' && word.takes !== 'as';
  switch (word.takes) {
    case 'clause':
      return true;
    case 'proposition':
      return !/^(to|for|of|in|about|with|against|over|on|upon|up)$/.test(next.key) && !VERBAL.has(next.key);
    case 'that': {
      // "announced that…", "announced on Monday that…", "confirmed the club are…"; not "announced a plan".
      if (/^(there|it|he|she|they|we|i|this)$/.test(next.key)) return true;
      // "announced a mega plan that aims…": "that" after an object is a relative pronoun.
      const object = /^(a|an|the|its|his|her|their|new|several|plans?)$/.test(next.key);
      for (let i = k + 1; i <= k + 9 && i < tokens.length; i++) {
        const t = tokens[i]!;
        if ((t.key === 'that' && !object && i <= k + 4) || t.text === ':' || quoteMark(t) === 1) return true;
        if (i <= k + 8 && VERBAL.has(t.key) && t.key !== 'to') return true;
        // "confirmed Israel shared information", "added the answer represented his view": a verb after the subject.
        if (i >= k + 2 && i <= k + 5 && /^\p{Ll}+ed$/u.test(t.text) && tokens[i - 1]!.word && !/^(a|an|the|its|his|her|their|this|these|those|new)$/.test(tokens[i - 1]!.key)) return true;
        if (!t.word && t.text !== '’' && t.text !== "'") return false;
      }
      return false;
    }
    case 'charge':
      return within(tokens, k, 10, (t) => t.key === 'for' || t.key === 'of');
    case 'as':
      return next.key === 'how' || within(tokens, k, 10, (t) => t.key === 'as');
    case 'naming': {
      if (/^(for|on|off|up|in|out|upon|to|into|back|at)$/.test(next.key)) return false;
      const object = /^(it|him|her|them|this|that)$/.test(next.key) && /^(a|an|the)$/.test(tokens[k + 2]?.key ?? '');
      return object || within(tokens, k, 10, (t) => quoteMark(t) === 1);
    }
  }
}

/**
 * The reporting cue that starts at token `k`, if any: a cue word, a cue phrase ("hit out at",
 * "is concerned"), "according to", "is in denial". A cue inside a quotation is never one: it is
 * what the speaker said, not the article's attribution.
 */
export function cueAt(tokens: Token[], k: number, quoted: Array<[number, number]> = []): Found | null {
  const t = tokens[k]!;
  if (!mayCue(t) || !t.word || (!startsLower(t.text) && t.key !== 'according')) return null;
  if (t.gap === 'hyphen' || tokens[k + 1]?.gap === 'hyphen') return null;
  if (quoted.length && isQuoted(quoted, t)) return null;
  const next = tokens[k + 1];
  const before = tokens[k - 1];
  if (t.key === 'according') return next?.key === 'to' ? { at: k, last: k + 1, text: 'according to', denies: false, hedges: false, word: null, relative: false } : null;
  if (t.key === 'denial') {
    const be = tokens[k - 2];
    return before?.key === 'in' && be && PASSIVE.test(be.key) ? { at: k - 2, last: k, text: `${be.text} in denial`, denies: true, hedges: false, word: null, relative: false } : null;
  }
  // "is concerned (that)", "are confident".
  if (STANCES.has(t.key)) {
    return before && /^(is|are|was|were)$/.test(before.key) ? { at: k - 1, last: k, text: `${before.text} ${t.text}`, denies: false, hedges: false, word: null, relative: /^(who|which|that)$/.test(tokens[k - 2]?.key ?? '') } : null;
  }
  const phrases = PHRASE_CUES.get(t.key);
  if (phrases) {
    for (const p of phrases) {
      for (let len = p.length; len >= 2; len--) {
        const words = tokens.slice(k, k + len);
        if (words.length < len || words.some((w) => !w.word)) continue;
        if (p.pattern.test(words.map((w) => w.key).join(' '))) {
          return { at: k, last: k + len - 1, text: words.map((w) => w.text).join(' '), denies: p.denies ?? false, hedges: p.hedges ?? false, word: null, relative: /^(who|which|that)$/.test(before?.key ?? '') };
        }
      }
    }
  }
  const word = CUE_WORDS.get(t.key);
  if (!word) return null;
  if (word.gerund && !SPEECH_GERUNDS.has(t.key)) return null;
  // "more from claiming than…", "by saying": a gerund after a preposition is a noun.
  if (word.gerund && before && /^(from|by|of|for|in|on|at|without|after|before|about|than)$/.test(before.key)) return null;
  // "is believed", "was immediately denied": a passive with no agent is not a claim (guidelines); "is warning" is.
  let b = k - 1;
  while (b > 0 && tokens[b]!.word && (/^\p{Ll}+ly$/u.test(tokens[b]!.text) || /^(also|still|not|never|already|since|then)$/.test(tokens[b]!.key))) b--;
  if (b >= 0 && PASSIVE.test(tokens[b]!.key) && !word.gerund) return null;
  // "may believe", "to say": not asserted; but "went on to note" is.
  if (before && MODAL.test(before.key) && !(before.key === 'to' && tokens[k - 2]?.key === 'on' && /^(went|goes|go|going)$/.test(tokens[k - 3]?.key ?? ''))) return null;
  // "more than 100 suspected rebels", "the reported deaths": a participle before its noun.
  if (before && (ATTRIBUTIVE.test(before.key) || /^\p{N}/u.test(before.text)) && !word.gerund && next && next.word && startsLower(next.text) && !CLAUSE_START.test(next.key)) return null;
  if (word.ambiguous) {
    // "their claims", "the state": a noun. "The residents claim that", "He notes he…": a verb.
    const pronoun = before !== undefined && PRONOUNS.has(before.key);
    const subject = before && (pronoun || startsUpper(before.text) || SPEAKER_NOUNS.has(before.key) || /^(also|now|still|then)$/.test(before.key));
    // "The Act states that", "He notes he has", "He notes this past summer…"; not "the Price report this week".
    const clause = next && (/^(that|there|it|he|she|they|we|i)$/.test(next.key) || quoteMark(next) === 1 || next.text === ':' || (pronoun && CLAUSE_START.test(next.key)));
    if (!subject || !clause) return null;
  }
  if (!takesWhatFollows(word, tokens, k)) return null;
  // "does not believe", "never said": the source denies what follows.
  const negated = before !== undefined && (before.key === 'not' || before.key === 'never' || /n['’]t$/.test(before.key) || (before.key === 't' && /^['’]$/.test(tokens[k - 2]?.text ?? '')));
  return { at: k, last: k, text: t.text, denies: word.denies !== negated, hedges: word.hedges, word, relative: /^(who|which|that)$/.test(before?.key ?? '') };
}

/** The cues of a unit, by token index (null where none starts), or null when it has none. */
function cuesOf(tokens: Token[], quoted: Array<[number, number]>): Array<Found | null> | null {
  let found: Array<Found | null> | null = null;
  for (let k = 0; k < tokens.length; k++) {
    if (!mayCue(tokens[k]!)) continue;
    const f = cueAt(tokens, k, quoted);
    if (!f) continue;
    found ??= new Array<Found | null>(tokens.length).fill(null);
    found[k] = f;
  }
  return found;
}

function cueOf(found: Found, offset: number, side: Side, trailing: boolean, method: string): Cue {
  return { at: found.at - offset, last: found.last - offset, text: found.text, denies: found.denies, hedges: found.hedges, side, trailing, method };
}

/** Trailing attributions take the plain cues of saying, not "accused X of" or "announced that". */
function trails(found: Found): boolean {
  return found.word !== null && (found.word.takes === 'clause' || found.word.takes === 'that' || found.word.takes === 'proposition') && !found.word.gerund && !found.word.ambiguous;
}

/**
 * "“…,” said X" / "“…,” X said": a clause that opens with a quotation closed by a comma or a full
 * stop, with a cue within a few words after it.
 */
function quotationFirst(tokens: Token[], found: Array<Found | null>, clause: Clause): Cue | null {
  if (quoteMark(tokens[clause.from]!) !== 1) return null;
  let close = -1;
  for (let i = clause.from + 1; i < clause.to && close < 0; i++) if (quoteMark(tokens[i]!) === -1) close = i;
  if (close < 0 || close === clause.to - 1) return null;
  const k = tokens[close + 1]?.text === ',' ? close + 2 : close + 1;
  for (let v = k; v <= k + 16 && v < clause.to; v++) {
    if (quoteMark(tokens[v]!) === 1) break;
    // "“…?” he asked": a cue only after a quotation.
    const f = found[v] ?? (/^(asked|asks)$/.test(tokens[v]!.key) ? { at: v, last: v, text: tokens[v]!.text, denies: false, hedges: false, word: null, relative: false } : null);
    if (f && !f.relative && !(v === k && f.word?.lemma === 'tell')) return cueOf(f, clause.from, v === k ? 'after' : 'before', true, 'rule:quotation');
  }
  return null;
}

/**
 * Attributions set off by commas at the end or in the middle: "…, Su said yesterday.",
 * "…, said the UNO.", "But ordinarily, he said, most citizens…".
 */
function setOff(tokens: Token[], found: Array<Found | null>, quoted: Array<[number, number]>, clause: Clause): Cue[] {
  const out: Cue[] = [];
  let to = clause.to;
  for (let c = clause.to - 1; c >= clause.from; c--) {
    if (tokens[c]!.text !== ',' || isQuoted(quoted, tokens[c]!)) continue;
    const from = c + 1;
    const end = to;
    to = c;
    if (end - from > 20) continue;
    let words = 0;
    for (let k = from; k < end && words < 9; k++) {
      if (!tokens[k]!.word) continue;
      const f = found[k];
      if (f && trails(f) && !f.relative && !(words === 0 && f.word?.lemma === 'tell')) {
        let ok = true;
        for (let i = from; i < k && ok; i++) if (VERBAL.has(tokens[i]!.key) && !/^(has|have|had|is|are|was|were)$/.test(tokens[i]!.key)) ok = false;
        // What follows the cue is adverbial ("said yesterday at the ceremony") or its source, short
        // ("said the UNO", "says one lawyer watching from afar"), not the proposition.
        let after = 0;
        let capitalised = 0;
        for (let i = f.last + 1; i < end; i++) {
          if (!tokens[i]!.word) continue;
          after++;
          if (startsUpper(tokens[i]!.text)) capitalised++;
        }
        // A title and a name may run long ("said Upazila Nirbahi Officer (UNO) Sohel Sultan Zulkar Nain Kabir").
        if ((words > 0 && end - f.last > 9) || (words === 0 && after > (capitalised * 2 >= after ? 12 : 6))) ok = false;
        // "…, her lawyer, Perry Wander, said.": nothing after the cue, so its source is before it.
        const side = words === 0 && after > 0 ? 'after' : 'before';
        for (let i = f.last + 1; i < end && ok; i++) if (tokens[i]!.key === 'that' || quoteMark(tokens[i]!) !== 0 || VERBAL.has(tokens[i]!.key)) ok = false;
        if (ok) out.push(cueOf(f, clause.from, side, true, 'rule:reporting-verb'));
        break;
      }
      words++;
    }
  }
  return out;
}

/** The cues of a clause in the order the source rule tries them. */
function candidates(tokens: Token[], found: Array<Found | null>, quoted: Array<[number, number]>, clause: Clause): Cue[] {
  const out: Cue[] = [];
  const first = quotationFirst(tokens, found, clause);
  if (first) out.push(first);
  out.push(...setOff(tokens, found, quoted, clause));
  const inverted = new Set(out.filter((c) => c.side === 'after').map((c) => c.at + clause.from));
  const relatives: Cue[] = [];
  for (let k = clause.from; k < clause.to; k++) {
    const f = found[k];
    if (!f || f.last >= clause.to || inverted.has(k)) continue;
    const before = tokens[f.at - 1];
    if (f.text === 'according to') out.push(cueOf(f, clause.from, 'after', false, 'rule:according-to'));
    else if (f.relative) relatives.push(cueOf(f, clause.from, 'antecedent', false, 'rule:reporting-verb'));
    else if (f.word?.gerund && before && ((SPEAKER_NOUNS.has(before.key) && startsLower(before.text)) || /^(is|are|was|were|been)$/.test(before.key))) out.push(cueOf(f, clause.from, 'before', false, 'rule:reporting-verb'));
    else if (f.word?.gerund && (f.at === clause.from || !before || /^[,–—-]$/.test(before.text) || before.key === 'also' || !startsUpper(before.text))) {
      // "…, adding that", "declared an emergency saying that": the subject's; "one lawsuit alleging": none.
      const described = before && (/^(another|one|other)$/.test(before.key) || ATTRIBUTIVE_SUBJECT.test(tokens[f.at - 2]?.key ?? ''));
      if (!before || /^[,–—-]$/.test(before.text) || before.key === 'also' || f.at === clause.from || !described) out.push(cueOf(f, clause.from, 'subject', false, 'rule:reporting-verb'));
    }
    else out.push(cueOf(f, clause.from, 'before', false, 'rule:reporting-verb'));
    k = f.last;
  }
  // A relative cue ("who said") only when the clause has no cue of its own.
  return out.length ? out : relatives;
}

function draftOf(unit: Unit, tokens: Token[], inheritsSource: boolean, cues: Cue[]): Draft {
  return {
    unit,
    tokens,
    start: tokens[0]!.start,
    end: tokens[tokens.length - 1]!.end,
    cues,
    cue: null,
    inheritsSource,
    speaker: null,
    sourceSpan: null,
    content: [],
    quote: false,
    polarity: 'affirm',
    hedged: false,
    method: 'rule:reporting-verb',
    confidence: 0.7,
  };
}

/**
 * Rule `cue`: a draft for every clause with a reporting cue outside quotation marks, its candidate
 * cues best first (a quotation's attribution, an attribution set off by commas, then the cues in
 * order), and a draft with no cue for a quotation standing alone, whose speaker the continuation
 * rule finds.
 */
export function cue(state: ClaimState): void {
  for (const unit of state.units) {
    const found = cuesOf(unit.tokens, unit.quoted);
    let drafted = false;
    if (found) {
      for (const clause of clauses(unit.tokens, found, unit.quoted)) {
        const cues = candidates(unit.tokens, found, unit.quoted, clause);
        if (!cues.length || clause.to <= clause.from) continue;
        const draft = draftOf(unit, unit.tokens.slice(clause.from, clause.to), clause.inheritsSource, cues);
        // A clause's last token is the unit's: its closing mark and full stop belong to the claim.
        if (clause.to === unit.tokens.length) draft.end = unit.end;
        state.drafts.push(draft);
        drafted = true;
      }
    }
    if (!drafted && unit.quotation) state.drafts.push(draftOf(unit, unit.tokens, false, []));
  }
}
