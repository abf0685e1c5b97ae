import type { Token } from '../tokens.ts';
import { DETERMINERS, phraseAfter, phrasesBefore, type Phrase } from './phrases.ts';
import { Referents, roleWords, speakerOfNamed } from './referents.ts';
import { namedIn, startsLower, startsUpper, type ClaimState, type Cue, type Draft, type Named, type Speaker } from './state.ts';
import { CLAUSE_OPENERS, HONORIFICS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, SPEAKER_NOUNS } from './words.ts';

/** Titles of nobility, part of a name as an honorific is ("Lord Currie", "Prince Saud"). */
const NOBLE = /^(lord|lady|baroness|baron|viscount|earl|prince|princess|king|queen|sheikh|sir|dame)$/;
const PARTICLES = /^(la|le|de|du|van|von|der|al|el|bin|ibn|da|di)$/;
/** Words that make a capitalised phrase a body or a document, not a person. */
const BODY_WORDS = /^(act|bill|law|report|centre|center|institute|university|association|foundation|corporation|corp|inc|ltd|group|times|news|post|daily|nation|nations|assembly|union|league|services|service|trust|fund|network|media)$/;
const INDEFINITE = /^(a|an|one|another|some|several|many|two|three|other|senior|former)$/;

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
