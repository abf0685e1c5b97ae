import type { Token } from '../tokens.ts';
import { Referents, roleWords, speakerOfNamed } from './referents.ts';
import { namedIn, quoteMark, type ClaimState, type Cue, type Draft, type Named, type Speaker } from './state.ts';
import { AUXILIARY, CLAUSE_OPENERS, HONORIFICS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, SPEAKER_NOUNS, VERBAL, WEEKDAYS } from './words.ts';

/** A source phrase: tokens `[from, to]` of a draft, both included. */
interface Phrase {
  from: number;
  to: number;
}

const DETERMINERS = /^(the|however|and|but|so|yet|still|nevertheless|nonetheless|meanwhile|moreover|both|then|now)$/;
const PARTICLES = /^(la|le|de|du|van|von|der|al|el|bin|ibn|da|di)$/;
/** Words that make a capitalised phrase a body or a document, not a person. */
const BODY_WORDS = /^(act|bill|law|report|centre|center|institute|university|association|foundation|corporation|corp|inc|ltd|group|times|news|post|daily|nation|nations|assembly|union|league|services|service|trust|fund|network|media)$/;
const INDEFINITE = /^(a|an|one|another|some|several|many|two|three|other|senior|former)$/;
const TIME_UNITS = /^(week|month|year|morning|afternoon|evening|night|weekend)$/;

/** Steps back over auxiliaries and time adverbials between a source and its cue ("has also said", "on Monday said"). */
function skipAdverbials(tokens: Token[], j: number): number {
  for (;;) {
    const t = tokens[j];
    if (!t) return j;
    if (AUXILIARY.has(t.key) || (WEEKDAYS.has(t.key) && t.word)) {
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
    if (t.text === ',' && length && /^\p{Lu}/u.test(tokens[j - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? '') && tokens.slice(j + 1, j + 1 + length).some((x, i, all) => x.key === 'and' && /^\p{Lu}/u.test(all[i + 1]?.text ?? ''))) return false;
    // "Dr. Loo", "Victoria's", "Upazila Nirbahi Officer (UNO) Kabir".
    if (t.text === '.' && length && (HONORIFICS.has(tokens[j - 1]?.key ?? '') || /^\p{Lu}$/u.test(tokens[j - 1]?.text ?? ''))) return false;
    if ((t.text === '’' || t.text === "'") && tokens[j + 1]?.key === 's') return false;
    if ((t.text === '(' || t.text === ')') && length) return false;
    return true;
  }
  if (!length) return false;
  if (VERBAL.has(t.key)) return true;
  if (t.key === 'and') {
    // "Analysts and western diplomats said", not "…the route and the airline said".
    const after = tokens[j + 1];
    return !after || /^(the|a|an|his|her|its|their|this|that|he|she|it|they)$/.test(after.key);
  }
  if (CLAUSE_OPENERS.has(t.key)) {
    if ((t.key === 'of' || t.key === 'to') && /^\p{Ll}/u.test(t.text)) return false;
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
  while (from <= j && (DETERMINERS.test(tokens[from]!.key) || !tokens[from]!.word)) from++;
  return from <= j ? { from, to: j } : null;
}

/** The first lower-case "who" or "which" between the clause start and token `k`, outside quotations. */
function relativeBefore(tokens: Token[], k: number): number {
  for (let i = k - 1; i > 0 && k - i < 18; i--) {
    const t = tokens[i]!;
    if (quoteMark(t) !== 0 || t.text === ';') return -1;
    if (t.key === 'who' || t.key === 'which') return i;
  }
  return -1;
}

/** The source phrase written before the cue at token `k`. */
export function phraseBefore(state: ClaimState, tokens: Token[], k: number): Phrase | null {
  // "A Kashmiri political expert who did not want to be identified said": the noun before "who".
  const who = relativeBefore(tokens, k);
  if (who > 0) {
    const j = tokens[who - 1]!.text === ',' ? who - 2 : who - 1;
    const antecedent = j >= 0 ? phraseEndingAt(tokens, j) : null;
    // "Abul Rashid, a resident who has set up a tent …, told": the apposition's name.
    if (antecedent && tokens[antecedent.from - 1]?.text === ',') return clauseSubject(state, tokens, antecedent.from - 1) ?? antecedent;
    if (antecedent) return antecedent;
  }
  let j = skipAdverbials(tokens, k - 1);
  if (j < 0) return null;
  if (tokens[j]!.text === ',') {
    let c = j - 1;
    while (c >= 0 && tokens[c]!.text !== ',' && quoteMark(tokens[c]!) === 0) c--;
    // "Its chief executive, Mr Idris Halvorsen, said": a name set off by the commas is the source.
    if (c >= 0 && tokens[c]!.text === ',') {
      const inner = namedIn(state, tokens[c + 1]!.start, tokens[c + 1]!.end + 4, tokens[j - 1]!.end).filter((n) => n.mention.type !== 'place' && n.end === tokens[j - 1]!.end);
      if (inner.length) return { from: c + 1, to: j - 1 };
    }
    // "John Stremlau, an international relations professor at …, said": the clause's subject.
    const subject = clauseSubject(state, tokens, c < 0 ? 0 : c);
    if (subject) return subject;
    if (c < 0 || tokens[c]!.text !== ',') return null;
    j = skipAdverbials(tokens, c - 1);
    if (j < 0) return null;
  }
  // "On Friday it announced": a pronoun is the whole subject.
  if (PRONOUNS.has(tokens[j]!.key)) return { from: j, to: j };
  const phrase = phraseEndingAt(tokens, j);
  // "Wayne Wonitji Webb, a Pibulmun-Wadandi elder and traditional custodian said": the name before the comma.
  if (phrase && tokens[phrase.from - 1]?.text === ',' && !namedIn(state, tokens[phrase.from]!.start, tokens[phrase.to]!.start).length) {
    const subject = clauseSubject(state, tokens, phrase.from - 1);
    if (subject) return subject;
  }
  // "The former farm boy, who grew up in Gweru, Zimbabwe said": a place closing a "who" clause is not the source.
  if (phrase && tokens[phrase.from - 1]?.text === ',') {
    const only = namedIn(state, tokens[phrase.from]!.start, tokens[phrase.from]!.start, tokens[phrase.to]!.end);
    if (only.length && only[0]!.mention.type === 'place') {
      const w = tokens.findIndex((t, i) => i < phrase.from && (t.key === 'who' || t.key === 'which') && tokens[i - 1]?.text === ',');
      if (w > 1) return phraseEndingAt(tokens, w - 2);
    }
  }
  return phrase;
}

/** The subject that opens a clause and is set off by a comma: "Tassapon Bijleveld, executive chairman of …, said". */
function clauseSubject(state: ClaimState, tokens: Token[], limit: number): Phrase | null {
  let s = 0;
  for (let i = limit; i > 0; i--) {
    if (/^[;:]$/.test(tokens[i - 1]!.text) || quoteMark(tokens[i - 1]!) === -1) {
      s = i;
      break;
    }
  }
  while (s < tokens.length && (DETERMINERS.test(tokens[s]!.key) || !tokens[s]!.word)) s++;
  const comma = tokens.findIndex((t, i) => i > s && t.text === ',');
  if (comma < 0 || comma > limit || comma - s > 6) return null;
  const names = namedIn(state, tokens[s]!.start, tokens[s]!.start + 4, tokens[comma - 1]!.end).filter((n) => n.mention.type !== 'place');
  return names.length && names[names.length - 1]!.end === tokens[comma - 1]!.end ? { from: s, to: comma - 1 } : null;
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
  return from <= to ? { from, to } : null;
}

/** The written name of a person mention inside a phrase, with its honorific and particles ("Mr Tribbeck", "La Grange", "Dr. Carlos Duarte"). */
function writtenName(state: ClaimState, tokens: Token[], phrase: Phrase, n: Named): string {
  let i = tokens.findIndex((t) => t.start >= n.start);
  while (i > phrase.from) {
    const t = tokens[i - 1]!;
    if (t.text === '.' && HONORIFICS.has(tokens[i - 2]?.key ?? '')) i -= 2;
    else if (t.word && (HONORIFICS.has(t.key) || PARTICLES.test(t.key))) i--;
    else break;
  }
  return state.text.slice(Math.min(tokens[i]!.start, n.start), n.end);
}

/** The role words of a phrase around a name: its title before and words after ("Interior Minister"). */
function rolesAround(tokens: Token[], phrase: Phrase, n: Named): Set<string> {
  return roleWords(tokens.slice(phrase.from, phrase.to + 1).filter((t) => t.start < n.start || t.start >= n.end));
}

/** Who a source phrase names: a mention, a pronoun's or a description's referent, or the phrase itself. */
function speakerOf(state: ClaimState, referents: Referents, tokens: Token[], phrase: Phrase, exclude: [number, number] | null): Speaker | null {
  const first = tokens[phrase.from]!;
  const last = tokens[phrase.to]!;
  const at = first.start;
  if (phrase.from === phrase.to && PRONOUNS.has(first.key)) return referents.pronoun(first.key, at, exclude);
  // Mentions inside the phrase, or ending with it ("…Arnhem Land Johnny Gurmumgurrum" when the phrase is cut short).
  const inner = namedIn(state, first.start - 80, last.end, last.end).filter((n) => n.end > first.start);
  const people = inner.filter((n) => n.mention.type === 'person');
  // "Yuin Nation descendent Dwayne Bannon", "ATM national spokesperson Sibusiso Mncwabe": the name the title leads to.
  const person = people.find((n) => n.end === last.end) ?? people[people.length - 1];
  const words = tokens.slice(phrase.from, phrase.to + 1);
  // The head of "commander of the IRGC Navy" is "commander"; its proper words "IRGC", "Navy".
  const ofAt = words.findIndex((t, i) => i > 0 && /^(of|at|in|from|for|with|on)$/.test(t.text));
  const head = (ofAt > 0 ? words[ofAt - 1]! : last).key;
  const proper = new Set(words.filter((t) => t.word && /^\p{Lu}/u.test(t.text) && !t.sentenceStart).map((t) => t.key));
  // A description: "the Tory leader", "The UNO", "IRGC Navy chief" (a headline's), not "The World Health Organization".
  const headToken = ofAt > 0 ? words[ofAt - 1]! : last;
  const common = /^\p{Ll}/u.test(headToken.text) && !(/s$/.test(head) && !/ss$/.test(head));
  const definite = tokens[phrase.from - 1]?.key === 'the';
  if (!person && (definite || (common && (PERSON_NOUNS.has(head) || ORG_NOUNS.has(head)) && /^\p{Lu}/u.test(first.text) && !INDEFINITE.test(first.key)))) {
    const referent = referents.description(head, proper, common, at, exclude);
    if (referent) return referent;
  }
  if (person) {
    const roles = new Set([...rolesAround(tokens, phrase, person), ...referents.rolesOf(person.mention.entityId)]);
    return speakerOfNamed(person, writtenName(state, tokens, phrase, person), roles);
  }
  const source = state.text.slice(first.start, last.end).replace(/\s+/g, ' ');
  // "Baffinland Iron Mines' lawsuit", "A statement from CIBC": the body speaks through its document; not "experts in Seoul".
  const bodies = inner.filter((n) => n.mention.type !== 'person' && n.mention.form === 'name' && n.start >= first.start);
  const by = words.findIndex((t) => /^(by|from)$/.test(t.key));
  const body = bodies.find((n) => n.start === first.start) ?? (by > 0 ? bodies.find((n) => n.start > words[by]!.start) : undefined);
  if (body) {
    const whole = body.start === first.start && body.end === last.end;
    return { source: whole ? body.mention.exact : source, entityId: body.mention.entityId, kind: 'organization', roles: new Set() };
  }
  const named = words.some((t) => /^\p{Lu}/u.test(t.text)) && words.every((t) => !t.word || /^[\p{Lu}\p{N}]/u.test(t.text) || /^(of|and|for|the|on|de|du|al)$/.test(t.key));
  if (!SPEAKER_NOUNS.has(head) && !SPEAKER_NOUNS.has(last.key) && !named) return null;
  // A name the recogniser missed, after its title: "Upazila Nirbahi Officer (UNO) Sohel Sultan Zulkar Nain Kabir".
  let title = -1;
  if (named) for (let i = words.length - 1; i >= 0 && title < 0; i--) if (PERSON_NOUNS.has(words[i]!.key) || words[i]!.text === ')') title = i;
  if (title >= 0 && title < words.length - 1 && words.slice(title + 1).every((t) => t.word)) {
    return { source: state.text.slice(words[title + 1]!.start, last.end), entityId: null, kind: 'person', roles: roleWords(words.slice(0, title + 1)) };
  }
  const plural = /s$/.test(head) && !/ss$/.test(head);
  // A name the recogniser missed: a person when it reads like one ("Tizya-Tramm", "Abdel Shakour"), else a body.
  const personal = named && words.length >= 2 && words.every((t) => !t.word || (/^\p{Lu}\p{Ll}/u.test(t.text) && !ORG_NOUNS.has(t.key) && !BODY_WORDS.test(t.key)));
  const kind = personal ? 'person' : named ? 'organization' : PERSON_NOUNS.has(head) ? 'person' : ORG_NOUNS.has(head) ? 'organization' : plural ? 'group' : 'unknown';
  return { source, entityId: null, kind, roles: roleWords(words) };
}

/** The speaker of a gerund's clause: "North Korea was quick to …, blaming", "In 2019, Tizya-Tramm declared …, saying". */
function subjectOf(state: ClaimState, referents: Referents, tokens: Token[], before: number): { speaker: Speaker; span: [number, number] } | null {
  for (let i = 0; i < before; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const n = namedIn(state, t.start, t.start).find((x) => x.mention.type !== 'place' || x.mention.form === 'name');
    if (n) {
      const phrase = { from: i, to: tokens.findIndex((x) => x.end >= n.end) };
      return { speaker: speakerOfNamed(n, writtenName(state, tokens, phrase, n), referents.rolesOf(n.mention.entityId)), span: [n.start, n.end] };
    }
    if (PRONOUNS.has(t.key)) {
      const speaker = referents.pronoun(t.key, t.start, null);
      return speaker ? { speaker, span: [t.start, t.end] } : null;
    }
  }
  return null;
}

/** The source of one cue, or null when the cue has none. */
function sourceFor(state: ClaimState, referents: Referents, draft: Draft, cue: Cue, inherited: Speaker | null): { speaker: Speaker; span: [number, number] | null } | null {
  const { tokens } = draft;
  if (cue.side === 'subject') {
    if (draft.inheritsSource && inherited) return { speaker: inherited, span: null };
    return subjectOf(state, referents, tokens, cue.at);
  }
  let phrase = cue.side === 'after' ? phraseAfter(tokens, cue.last + 1) : phraseBefore(state, tokens, cue.at);
  if (!phrase) return null;
  // "According to Verhoeven’s deputy, Mr Pieter Smit, …": the name set off after a description.
  if (cue.side === 'after' && tokens[phrase.to + 1]?.text === ',') {
    const apposed = phraseAfter(tokens, phrase.to + 2);
    const ends = (p: Phrase): boolean => namedIn(state, tokens[p.from]!.start - 60, tokens[p.to]!.end, tokens[p.to]!.end).some((n) => n.mention.type === 'person' && n.end === tokens[p.to]!.end);
    if (apposed && tokens[apposed.to + 1]?.text === ',' && ends(apposed) && !ends(phrase) && apposed.to - apposed.from < 5) phrase = apposed;
  }
  // The claim's own content holds what is reported, not who reports it.
  const exclude: [number, number] = cue.trailing || cue.side === 'after' ? [draft.start, tokens[cue.at]!.start] : [tokens[cue.last]!.end, draft.end];
  const speaker = speakerOf(state, referents, tokens, phrase, exclude);
  return speaker ? { speaker, span: [tokens[phrase.from]!.start, tokens[phrase.to]!.end] } : null;
}

/**
 * Rule `source`: for each draft, in text order, the first candidate cue whose source can be found,
 * and that source: a named person or body (linked to its mention's entity), a pronoun's or a
 * description's referent, or the phrase as written ("US officials"). A draft none of whose cues has
 * a source is dropped, unless it is a quotation (the continuation rule gives it the last speaker).
 */
export function source(state: ClaimState): void {
  const referents = new Referents(state);
  state.referents = referents;
  const kept: Draft[] = [];
  let previous: { unit: Draft['unit']; speaker: Speaker } | null = null;
  for (const draft of state.drafts) {
    const inherited = previous && previous.unit === draft.unit ? previous.speaker : null;
    for (const cue of draft.cues) {
      const found = sourceFor(state, referents, draft, cue, inherited);
      if (!found) continue;
      draft.cue = cue;
      draft.speaker = found.speaker;
      draft.sourceSpan = found.span;
      draft.method = cue.method;
      draft.confidence = found.speaker.entityId ? 0.8 : 0.7;
      break;
    }
    if (draft.speaker) {
      // Names elsewhere in the claim (what it reports, the source's apposition) are not who speaks next.
      referents.remember(draft.sourceSpan?.[0] ?? draft.start, draft.speaker, [[draft.start, draft.end]]);
      previous = { unit: draft.unit, speaker: draft.speaker };
      kept.push(draft);
    } else if (draft.unit.quotation) {
      draft.cues = [];
      kept.push(draft);
    }
  }
  state.drafts = kept;
}
