import type { Token } from '../tokens.ts';
import { Referents, roleWords, speakerOfNamed } from './referents.ts';
import { namedIn, quoteMark, startsLower, startsUpper, type ClaimState, type Cue, type Draft, type Named, type Speaker } from './state.ts';
import { AUXILIARY, CLAUSE_OPENERS, HONORIFICS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, SPEAKER_NOUNS, VERBAL, WEEKDAYS } from './words.ts';

/** A source phrase: tokens `[from, to]` of a draft, both included. */
interface Phrase {
  from: number;
  to: number;
}

const DETERMINERS = /^(the|however|and|but|so|yet|still|nevertheless|nonetheless|meanwhile|moreover|both|then|now)$/;
/** Titles of nobility, part of a name as an honorific is ("Lord Currie", "Prince Saud"). */
const NOBLE = /^(lord|lady|baroness|baron|viscount|earl|prince|princess|king|queen|sheikh|sir|dame)$/;
const PARTICLES = /^(la|le|de|du|van|von|der|al|el|bin|ibn|da|di)$/;
/** Words that make a capitalised phrase a body or a document, not a person. */
const BODY_WORDS = /^(act|bill|law|report|centre|center|institute|university|association|foundation|corporation|corp|inc|ltd|group|times|news|post|daily|nation|nations|assembly|union|league|services|service|trust|fund|network|media)$/;
/** Verbs that are never part of a noun phrase ("criticised a union leader" is no source; "people accused of…" may be). */
const FINITE = /^(said|says|told|tells|criticised|criticized|argued|insisted|warned|added)$/;
const INDEFINITE = /^(a|an|one|another|some|several|many|two|three|other|senior|former)$/;
const TIME_UNITS = /^(week|month|year|morning|afternoon|evening|night|weekend)$/;

function isQuoted(quoted: Array<[number, number]>, t: Token): boolean {
  for (const [a, b] of quoted) if (t.start >= a && t.end <= b) return true;
  return false;
}

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

/** The written name of a person mention inside a phrase, with its honorific and particles ("Mr Tribbeck", "La Grange", "Dr. Carlos Duarte"). */
function writtenName(state: ClaimState, tokens: Token[], phrase: Phrase, n: Named): string {
  let i = tokens.findIndex((t) => t.start >= n.start);
  while (i > phrase.from) {
    const t = tokens[i - 1]!;
    if (t.text === '.' && HONORIFICS.has(tokens[i - 2]?.key ?? '')) i -= 2;
    else if (t.word && (HONORIFICS.has(t.key) || NOBLE.test(t.key) || PARTICLES.test(t.key))) i--;
    else break;
  }
  // "Robert Kilroy-Silk", "Dwayne Bannon-Harrison", "Su Tseng-chang": a name the recogniser cut at its hyphen.
  let end = n.end;
  for (let j = tokens.findIndex((t) => t.start >= n.end); j > 0 && j <= phrase.to && tokens[j]!.gap === 'hyphen' && tokens[j]!.word; j++) end = tokens[j]!.end;
  let start = Math.min(tokens[i]!.start, n.start);
  const first = tokens.findIndex((t) => t.start >= start);
  if (first > phrase.from && tokens[first]!.gap === 'hyphen' && startsUpper(tokens[first - 1]!.text)) {
    const joined = namedIn(state, tokens[first - 1]!.start - 40, tokens[first - 1]!.start, tokens[first - 1]!.end).find((m) => m.mention.type === 'person' && m.end === tokens[first - 1]!.end);
    start = joined ? joined.start : tokens[first - 1]!.start;
    if (joined) {
      let h = tokens.findIndex((t) => t.start >= joined.start);
      while (h > phrase.from && tokens[h - 1]!.word && HONORIFICS.has(tokens[h - 1]!.key)) h--;
      start = tokens[h]!.start;
    }
  }
  return state.text.slice(start, end);
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
  const ofAt = words.findIndex((t, i) => i > 0 && /^(of|at|in|from|for|with|on|by)$/.test(t.text));
  // "the 28-year-old" stands for a person.
  const head = last.key === 'old' && words[words.length - 2]?.key === 'year' ? 'person' : (ofAt > 0 ? words[ofAt - 1]! : last).key;
  const proper = new Set(words.filter((t) => t.word && startsUpper(t.text) && !t.sentenceStart).map((t) => t.key));
  // A description: "the Tory leader", "The UNO", "IRGC Navy chief" (a headline's), not "The World Health Organization".
  const headToken = ofAt > 0 ? words[ofAt - 1]! : last;
  const common = (startsLower(headToken.text) || PERSON_NOUNS.has(head) || ORG_NOUNS.has(head)) && !(/s$/.test(head) && !/ss$/.test(head));
  const definite = tokens[phrase.from - 1]?.key === 'the';
  // "the Tory leader", "IRGC Navy chief" (a headline's), "Now, commander added".
  const bare = common && (PERSON_NOUNS.has(head) || ORG_NOUNS.has(head)) && !INDEFINITE.test(first.key) && (startsUpper(first.text) || phrase.from === phrase.to);
  if ((!person || (definite && person.start === first.start && person.end === last.end)) && (definite || bare)) {
    const referent = referents.description(head, proper, common, words.filter((t) => t.word).length, at, exclude);
    if (referent) return referent;
  }
  if (person) {
    return speakerOfNamed(person, writtenName(state, tokens, phrase, person), rolesAround(tokens, phrase, person));
  }
  const source = state.text.slice(first.start, last.end).replace(/\s+/g, ' ');
  // "Baffinland Iron Mines' lawsuit", "A statement from CIBC": the body speaks through its document; not "experts in Seoul".
  const bodies = inner.filter((n) => n.mention.type !== 'person' && n.mention.form === 'name' && n.start >= first.start);
  const by = words.findIndex((t) => /^(by|from)$/.test(t.key));
  // "UK-based journal Screen Digest", "Inuit rights organization Nunavut Tunngavik": the name the description leads to.
  const ending = bodies.find((n) => {
    if (n.end !== last.end || n.start <= first.start) return false;
    const before = tokens[tokens.findIndex((t) => t.start >= n.start) - 1];
    return before !== undefined && before.word && startsLower(before.text) && !CLAUSE_OPENERS.has(before.key) && !/^(in|at|the|a|an|from|for|and|or|into|across|near)$/.test(before.key);
  });
  if (ending) return { source: ending.mention.exact, entityId: ending.mention.entityId, kind: 'organization', roles: roleWords(words) };
  // A place speaks only as a whole ("Russia said"); "Australia's competition watchdog" is not Australia.
  const body = bodies.find((n) => n.start === first.start && (n.mention.type === 'organization' || n.end === last.end)) ?? (by > 0 ? bodies.find((n) => n.start > words[by]!.start && n.mention.type === 'organization') : undefined);
  if (body) {
    const whole = body.start === first.start && body.end === last.end;
    return { source: whole ? body.mention.exact : source, entityId: body.mention.entityId, kind: 'organization', roles: new Set() };
  }
  // A name the recogniser missed, after its title: "Upazila Nirbahi Officer (UNO) Sohel Sultan Zulkar Nain Kabir", "His lawyer Louise Christian".
  let title = -1;
  for (let i = words.length - 1; i >= 0 && title < 0; i--) if (PERSON_NOUNS.has(words[i]!.key) || words[i]!.text === ')') title = i;
  if (title >= 0 && title < words.length - 1 && words.slice(title + 1).every((t) => t.word && startsUpper(t.text))) {
    return { source: state.text.slice(words[title + 1]!.start, last.end), entityId: null, kind: 'person', roles: roleWords(words.slice(0, title + 1)) };
  }
  const named = words.some((t) => startsUpper(t.text)) && words.every((t) => !t.word || /^[\p{Lu}\p{N}]/u.test(t.text) || /^(of|and|for|the|on)$/.test(t.key) || PARTICLES.test(t.key));
  const capitalisedEnds = startsUpper(first.text) && startsUpper(last.text);
  if (!SPEAKER_NOUNS.has(head) && !SPEAKER_NOUNS.has(last.key) && !named && !capitalisedEnds) return null;
  const plural = /s$/.test(head) && !/ss$/.test(head);
  // A name the recogniser missed: a person when it reads like one ("Tizya-Tramm", "Abdel Shakour"), else a body.
  const personal = named && words.length >= 2 && words.every((t) => !t.word || PARTICLES.test(t.text) || (/^\p{Lu}\p{Ll}/u.test(t.text) && !ORG_NOUNS.has(t.key) && !BODY_WORDS.test(t.key)));
  const kind = personal ? 'person' : named ? 'organization' : PERSON_NOUNS.has(head) ? 'person' : ORG_NOUNS.has(head) ? 'organization' : plural ? 'group' : 'unknown';
  return { source, entityId: null, kind, roles: roleWords(words) };
}

/** The speaker of a gerund's clause: "North Korea was quick to …, blaming", "In 2019, Tizya-Tramm declared …, saying". */
function subjectOf(state: ClaimState, referents: Referents, tokens: Token[], before: number): { speaker: Speaker; span: [number, number] } | null {
  // The subject opens the clause, or follows an adverbial set off by a comma ("In 2019, Tizya-Tramm declared…").
  const comma = tokens.findIndex((t, i) => i < Math.min(before, 8) && t.text === ',');
  for (const from of comma > 0 ? [0, comma + 1] : [0]) {
    // "The Tories criticised …, saying": a capitalised subject that is no mention (a lone capital opening the sentence tells nothing).
    let f = from;
    while (f < before && (DETERMINERS.test(tokens[f]!.key) || !tokens[f]!.word)) f++;
    let t = f;
    while (t < before && tokens[t]!.word && startsUpper(tokens[t]!.text)) t++;
    const lone = t === f + 1 && tokens[f]!.sentenceStart && !SPEAKER_NOUNS.has(tokens[f]!.key);
    if (t > f && t < before && !lone && startsLower(tokens[t]!.text) && !namedIn(state, tokens[f]!.start, tokens[t - 1]!.start).length) {
      const speaker = speakerOf(state, referents, tokens, { from: f, to: t - 1 }, null);
      if (speaker) return { speaker, span: [tokens[f]!.start, tokens[t - 1]!.end] };
    }
    for (let i = from; i < Math.min(before, from + 5); i++) {
      const t = tokens[i]!;
      if (!t.word) continue;
      const n = namedIn(state, t.start, t.start).find((x) => x.mention.type !== 'place' || x.mention.form === 'name');
      if (n) {
        const phrase = { from: i, to: tokens.findIndex((x) => x.end >= n.end) };
        return { speaker: speakerOfNamed(n, writtenName(state, tokens, phrase, n)), span: [n.start, n.end] };
      }
      if (PRONOUNS.has(t.key)) {
        const speaker = referents.pronoun(t.key, t.start, null);
        return speaker ? { speaker, span: [t.start, t.end] } : null;
      }
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
  const phrases = cue.side === 'after' ? [phraseAfter(tokens, cue.last + 1)] : phrasesBefore(state, tokens, cue.at, draft.unit.quoted);
  // The claim's own content holds what is reported, not who reports it.
  const exclude: [number, number] = cue.trailing || cue.side === 'after' ? [draft.start, tokens[cue.at]!.start] : [tokens[cue.last]!.end, draft.end];
  for (let phrase of phrases) {
    if (!phrase) continue;
    // "According to Verhoeven’s deputy, Mr Pieter Smit, …": the name set off after a description.
    if (cue.side === 'after' && tokens[phrase.to + 1]?.text === ',') {
      const apposed = phraseAfter(tokens, phrase.to + 2);
      const ends = (p: Phrase): boolean => namedIn(state, tokens[p.from]!.start - 60, tokens[p.to]!.end, tokens[p.to]!.end).some((n) => n.mention.type === 'person' && n.end === tokens[p.to]!.end);
      if (apposed && tokens[apposed.to + 1]?.text === ',' && ends(apposed) && !ends(phrase) && apposed.to - apposed.from < 5) phrase = apposed;
    }
    const speaker = speakerOf(state, referents, tokens, phrase, exclude);
    if (speaker) return { speaker, span: [tokens[phrase.from]!.start, tokens[phrase.to]!.end] };
  }
  return null;
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
      // A quotation for the continuation rule: "Prince William" inside it is not who "he" is next.
      draft.cues = [];
      referents.quoted(draft.start, draft.end);
      kept.push(draft);
    }
  }
  state.drafts = kept;
}
