import { quoteOf } from '../text/offsets.ts';
import type { Claim, Mention, Polarity } from '../types.ts';
import type { AnnotationView, Sentence, Token } from './tokens.ts';

/** Reporting verbs, the inflections that are verbs only (not "claims", "states", "notes" the nouns). */
const REPORTING = new Set(
  [
    'say says said saying', 'tell tells told telling', 'warn warns warned warning', 'argue argues argued arguing', 'believe believes believed',
    'suggest suggests suggested suggesting', 'noted', 'add adds added adding', 'claimed claiming', 'deny denies denied denying',
    'hinted hinting', 'insist insists insisted insisting', 'stated', 'announce announces announced announcing',
    'reported', 'acknowledge acknowledges acknowledged acknowledging', 'admit admits admitted', 'estimates estimated',
    'predict predicts predicted', 'think thinks thought', 'feared', 'allege alleges alleged', 'confirm confirms confirmed',
    'reveal reveals revealed', 'disclose discloses disclosed', 'maintains maintained', 'contend contends contended',
    'conclude concludes concluded', 'cautioned', 'assert asserts asserted', 'explain explains explained',
    'wrote', 'reckon reckons reckoned', 'concede concedes conceded', 'reject rejects rejected',
    'dismiss dismisses dismissed', 'accuse accuses accused', 'recalled', 'stressed', 'emphasised emphasized', 'observed',
    'blame blames blamed blaming',
  ].flatMap((x) => x.split(' ')),
);
/** Cues of two or three words: "issued warnings", "expressed hope", "draws parallels", "appeared to endorse". */
const PHRASE_CUES: RegExp[] = [
  /^(issued|issues|issue|has issued|have issued) (a )?(warning|warnings)$/,
  /^(expressed|expresses|express) (hope|concern|concerns|fears|doubt|doubts|confidence|alarm)$/,
  /^(draws|drew|draw) (a )?(parallel|parallels|comparison|comparisons)$/,
  /^(raised|raises) (concern|concerns|doubts|questions)$/,
  /^(made|makes) (it )?clear$/,
  /^(pointed|points) out$/,
  /^(appeared|appears|seemed|seems) to (endorse|confirm|suggest|acknowledge|deny|accept)$/,
];
/** Sources a cue may find: the first word of a phrase cue. */
const PHRASE_STARTS = new Set(['issued', 'issues', 'issue', 'expressed', 'expresses', 'express', 'draws', 'drew', 'draw', 'raised', 'raises', 'made', 'makes', 'pointed', 'points', 'appeared', 'appears', 'seemed', 'seems']);
/** Gerunds that report a speech act of the sentence's subject ("…, hinting that"), unlike "suggesting" the inference. */
const SPEECH_GERUNDS = new Set(['hinting', 'saying', 'warning', 'adding', 'insisting', 'claiming', 'arguing', 'denying', 'blaming', 'telling', 'acknowledging', 'announcing']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'to', 'must']);
const DENYING = new Set(['deny', 'denies', 'denied', 'reject', 'rejects', 'rejected', 'dismiss', 'dismisses', 'dismissed']);
const AUXILIARY = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'did', 'does', 'do', 'also', 'further', 'first', 'previously', 'repeatedly', 'consistently', 'reportedly', 'already', 'later', 'often', 'long', 'recently', 'publicly', 'privately', 'once', 'again', 'still', 'only', 'even', 'now', 'then', 'had', 'flatly', 'strongly', 'vehemently']);
/** Words that open a new clause: a source never reaches back past them. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'while', 'although', 'though', 'but', 'however', 'because', 'as', 'if', 'when', 'since', 'so', 'and', 'yet', 'whereas', 'unless', 'after', 'before', 'where', 'nevertheless', 'nonetheless', 'moreover', 'meanwhile', 'still', 'indeed', 'also', 'than', 'to', 'by', 'with', 'of', 'on', 'for']);
/** Nouns that name a source that can speak: "US officials", "experts in Seoul", "intelligence sources". */
const SPEAKERS = new Set(['countries', 'nations', 'sides', 'parties', 'governments', 'groups', 'agents', 'unions', 'companies', 'firms', 'operators', 'operator', 'spokesman', 'official', 'officials', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources', 'diplomat', 'diplomats', 'intelligence', 'military', 'government', 'governments', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'researcher', 'researchers', 'scientist', 'scientists', 'critic', 'critics', 'observer', 'observers', 'commentator', 'commentators', 'leader', 'leaders', 'president', 'minister', 'ambassador', 'authorities', 'police', 'prosecutors', 'prosecutor', 'report', 'study', 'survey', 'statement', 'spokespeople', 'representatives', 'representative', 'executives', 'executive', 'chief', 'director', 'chairman', 'chair', 'union', 'unions', 'workers', 'residents', 'witnesses', 'doctors', 'lawyers', 'lawyer', 'economists', 'economist', 'investors', 'regulators', 'regulator', 'officers', 'officer', 'agency', 'administration', 'campaigners', 'activists', 'members', 'member', 'people', 'fellow', 'professor', 'adviser', 'advisers', 'advisor', 'secretary', 'media', 'newspaper', 'he', 'she', 'they', 'it', 'we', 'i', 'some', 'many', 'others', 'officials', 'council', 'committee', 'commission', 'court', 'judge', 'army', 'navy', 'command', 'staff', 'team', 'group', 'institute', 'organisation', 'organization', 'company', 'firm', 'bank', 'party']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they']);
const HONORIFIC = /^(mr|mrs|ms|dr|prof|sir|dame)$/;
/** Words that open a subordinate clause, where a negation does not negate the claim. */
const SUBORDINATORS = /^(?:even if|if|although|though|while|when|whether|because|unless|as|since|which|who|where)\b/i;
const NEGATIONS = /\b(not|never|no|none|nothing|neither|nor|cannot|unlikely|unthinkable|impossible|refrains?|refrained|denied|denies|deny|rejects?|rejected|without evidence|no longer|n['’]t)\b|n['’]t\b/i;
const HEDGES = /\b(may|might|could|likely|possibly|perhaps|potentially|probably|possible|would likely|unclear|uncertain)\b/i;

const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);

/** A claim under construction, UTF-16 indices. */
interface Draft {
  start: number;
  end: number;
  source: string;
  sourceEntityId: string | null;
  cue: string;
  quote: boolean;
  content: string;
  method: string;
  confidence: number;
  cueDenies: boolean;
}

interface Speaker {
  source: string;
  sourceEntityId: string | null;
}

/** The tokens within [start, end), found by binary search (tokens are in text order). */
function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < tokens.length && tokens[stop]!.end <= end) stop++;
  return tokens.slice(lo, stop);
}

/** The sentences of the article, with multi-sentence quotations joined into one. */
function quotationUnits(view: AnnotationView): Sentence[] {
  const units: Sentence[] = [];
  let open: Sentence | null = null;
  for (const s of view.sentences) {
    const text = view.text.slice(s.start, s.end);
    const opens = (text.match(/“/g) ?? []).length;
    const closes = (text.match(/”/g) ?? []).length;
    if (open) {
      open = { start: open.start, end: s.end, block: open.block };
      if (closes > opens) {
        units.push(open);
        open = null;
      }
      continue;
    }
    if (opens > closes) {
      open = { ...s };
      continue;
    }
    units.push(s);
  }
  if (open) units.push(open);
  return units;
}

/** A cue found at token `at`: its written form and the token where the content begins. */
interface Cue {
  at: number;
  last: number;
  text: string;
}

/** The reporting cue that starts at token k, if any: a verb, a phrase cue, "according to", "is in denial". */
function cueAt(ct: Token[], k: number, text: string): Cue | null {
  const t = ct[k]!;
  if (!REPORTING.has(t.key) && !PHRASE_STARTS.has(t.key) && t.key !== 'according' && t.key !== 'in' && t.key !== 'has' && t.key !== 'have') return null;
  if (!t.word || (!/^\p{Ll}/u.test(t.text) && t.key !== 'according')) return null;
  const next = ct[k + 1];
  // "think-tank" is no cue: a word joined by a hyphen is part of a compound.
  if ((next && next.gap === 'hyphen') || t.gap === 'hyphen') return null;
  for (let len = 3; len >= 2; len--) {
    if (!PHRASE_STARTS.has(t.key) && !(t.key === 'has' || t.key === 'have')) break;
    const words = ct.slice(k, k + len);
    if (words.length < len || words.some((w) => !w.word)) continue;
    const phrase = words.map((w) => w.key).join(' ');
    if (PHRASE_CUES.some((re) => re.test(phrase))) return { at: k, last: k + len - 1, text: text.slice(words[0]!.start, words[len - 1]!.end) };
  }
  if (t.key === 'according' && next?.key === 'to') return { at: k, last: k + 1, text: 'according to' };
  if (t.key === 'in' && next?.key === 'denial' && /^(is|are|was|were)$/.test(ct[k - 1]?.key ?? '')) return { at: k - 1, last: k + 1, text: `${ct[k - 1]!.text} in denial` };
  if (!REPORTING.has(t.key)) return null;
  const before = ct[k - 1];
  // "is believed", "is expected": a passive with no agent is not a claim (guidelines); "may believe", "to maintain": not asserted.
  if (before && (/^(is|are|was|were|be|been|being)$/.test(before.key) || MODALS.has(before.key) || /^(who|which|that)$/.test(before.key))) return null;
  return { at: k, last: k, text: t.text };
}

/** Where the reported proposition sits in a claim's content: the main clause, not an "if" or "which" clause. */
function mainClause(content: string): string {
  let c = content.replace(/^[\s:,]*(that\s+)?/i, '').replace(/^[“"‘]/, '');
  if (SUBORDINATORS.test(c)) {
    const comma = c.indexOf(',');
    c = comma >= 0 ? c.slice(comma + 1) : '';
  }
  const stop = c.search(/,|;|\s(?:because|which|who|although|though|but|while|unless|if|as|since|when)\s|[.!?]["”’]?\s/i);
  return stop >= 0 ? c.slice(0, stop) : c;
}

/** Whether a content is a direct quotation: it opens with a quotation mark and closes with one. */
function isDirectQuotation(content: string): boolean {
  const c = content.replace(/^[\s:,]*/, '');
  return /^[“"]/.test(c) && /[”"][\s.,!?]*$/.test(c);
}

/**
 * Finds the attributed claims of an article: direct quotations with their speaker (attribution
 * before, after, in the next sentence, or carried over from the previous quotation), reported
 * speech with a reporting verb or "according to", and "X is in denial" constructions. Sources
 * link to entity mentions; pronouns are replaced by the source they stand for.
 */
export function findClaims(view: AnnotationView, mentions: Mention[]): Claim[] {
  const { text, tokens, article, map } = view;
  const units = mentions.map((m) => ({ m, start: map.toUnit(m.start), end: map.toUnit(m.end) })).sort((a, b) => a.start - b.start);
  type Unit = (typeof units)[number];
  /** First index of a unit starting at or after `at` (units are sorted by start). */
  const lowerBound = (list: Unit[], at: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The mentions starting in [from, to], without scanning the whole article. */
  const unitsFrom = (from: number, to: number): Unit[] => {
    const out: Unit[] = [];
    for (let i = lowerBound(units, from); i < units.length && units[i]!.start <= to; i++) out.push(units[i]!);
    return out;
  };
  const named = (types: string[]): Unit[] => units.filter((u) => types.includes(u.m.type) && u.m.form === 'name');
  const people = named(['person']);
  const bodies = named(['organization', 'place']);
  const drafts: Draft[] = [];
  let lastSpeaker: Speaker | null = null;
  let lastSpeakerBlock = -1;
  let lastPlural: Speaker | null = null;

  /** The person (or organisation, place) last named before a position, as last written. */
  const lastNamedBefore = (at: number, types: string[]): Speaker | null => {
    const list = types.includes('person') ? people : bodies;
    let i = lowerBound(list, at) - 1;
    while (i >= 0 && list[i]!.end > at) i--;
    const best = i >= 0 ? list[i]! : null;
    return best ? { source: best.m.exact, sourceEntityId: best.m.entityId } : null;
  };
  const resolvePronoun = (word: string, at: number): Speaker | null => {
    if (word === 'they') return lastPlural;
    if (word === 'it') return lastNamedBefore(at, ['organization', 'place']);
    return lastNamedBefore(at, ['person']);
  };
  const speakerOf = (first: Token, last: Token): Speaker | null => {
    const inner = unitsFrom(first.start, last.end).filter((u) => u.end <= last.end && u.m.type !== 'date');
    const person = inner.find((u) => u.m.type === 'person');
    // "Dr. Sofia Almeida at Leiden University": the person is the source.
    if (person && person.start <= first.start + 4) return { source: text.slice(person.start, person.end), sourceEntityId: person.m.entityId };
    const source = text.slice(first.start, last.end).replace(/\s+/g, ' ');
    const whole = inner.length === 1 && inner[0]!.start === first.start && inner[0]!.end === last.end && inner[0]!.m.form === 'name';
    const head = last.key;
    const named = /^\p{Lu}/u.test(first.text) && /^\p{Lu}/u.test(last.text);
    if (!whole && !SPEAKERS.has(head) && !inner.length && !named) return null;
    const endsWithPerson = inner.length && inner[inner.length - 1]!.end === last.end && inner[inner.length - 1]!.m.type === 'person';
    const entityId = whole ? inner[0]!.m.entityId : endsWithPerson ? inner[inner.length - 1]!.m.entityId : null;
    return { source, sourceEntityId: entityId };
  };

  /** The source phrase ending just before token `k` (the cue), past auxiliaries and an apposition. */
  const sourceBefore = (ct: Token[], k: number): Speaker | null => {
    let j = k - 1;
    while (j >= 0 && AUXILIARY.has(ct[j]!.key)) j--;
    if (j >= 0 && ct[j]!.text === ',') {
      let c = j - 1;
      while (c >= 0 && ct[c]!.text !== ',') c--;
      if (c < 0) return null;
      // "Its chief executive, Mr Idris Halvorsen, said": a name in the apposition is the source.
      const inside = unitsFrom(ct[c + 1]!.start, ct[j - 1]!.end).filter((u) => u.end <= ct[j - 1]!.end && (u.m.type === 'person' || u.m.type === 'organization'));
      const appositive = ct.slice(c + 1, j);
      const spansName = inside.length === 1 && inside[0]!.end === ct[j - 1]!.end && inside[0]!.start <= ct[c + 1]!.start + 4;
      if (spansName) {
        const start = HONORIFIC.test(ct[c + 1]!.key) ? ct[c + 1]!.start : inside[0]!.start;
        return { source: text.slice(start, inside[0]!.end), sourceEntityId: inside[0]!.m.entityId };
      }
      if (appositive.length && appositive.length <= 5 && appositive.every((t) => t.word && /^\p{Lu}/u.test(t.text))) {
        return { source: text.slice(appositive[0]!.start, appositive[appositive.length - 1]!.end), sourceEntityId: null };
      }
      j = c - 1;
    }
    const phrase: Token[] = [];
    for (; j >= 0; j--) {
      const t = ct[j]!;
      if (!t.word && !(t.text === '.' && phrase.length) && t.text !== '’' && t.text !== "'") break;
      if (phrase.length && CLAUSE_OPENERS.has(t.key) && !(t.key === 'and' && ct[j - 1]?.word) && !((t.key === 'of' || t.key === 'to') && /^\p{Ll}/u.test(t.text))) break;
      if (phrase.length >= 14) break;
      phrase.unshift(t);
    }
    while (phrase.length && /^(the|however|and|but|so|yet|still|nevertheless|nonetheless|meanwhile|moreover|both)$/.test(phrase[0]!.key)) phrase.shift();
    while (phrase.length && !phrase[0]!.word) phrase.shift();
    if (!phrase.length) return null;
    const last = phrase[phrase.length - 1]!;
    if (PRONOUNS.has(last.key)) return resolvePronoun(last.key, last.start);
    return speakerOf(phrase[0]!, last);
  };

  /** A source phrase starting at token `k`: "said Anthony Rinna, a specialist…", "according to the Chamber". */
  const sourceAfter = (ct: Token[], k: number): Speaker | null => {
    const phrase: Token[] = [];
    for (let j = k; j < ct.length; j++) {
      const t = ct[j]!;
      if (!t.word && !(t.text === '.' && phrase.length && HONORIFIC.test(phrase[phrase.length - 1]!.key)) && !(t.text === '’' && ct[j + 1]?.key === 's')) break;
      phrase.push(t);
      if (phrase.length >= 8) break;
    }
    while (phrase.length && /^(the)$/.test(phrase[0]!.key)) phrase.shift();
    if (!phrase.length) return null;
    const first = phrase[0]!;
    if (phrase.length === 1 && PRONOUNS.has(first.key)) return resolvePronoun(first.key, first.start);
    // "according to Verhoeven’s deputy, Mr Pieter Smit, …": the apposed name.
    const afterPhrase = ct[k + phrase.length];
    if (afterPhrase?.text === ',') {
      const nameStart = ct[k + phrase.length + 1];
      const name = nameStart ? unitsFrom(nameStart.start, nameStart.start + 5).find((u) => u.m.type === 'person') : undefined;
      const closing = name ? ct.find((t) => t.start === name.end || (t.start > name.end && t.text === ',')) : undefined;
      if (name && closing?.text === ',' && !SPEAKERS.has(first.key) && units.every((u) => !(u.start === first.start && u.m.type === 'person'))) {
        const start = HONORIFIC.test(nameStart!.key) ? nameStart!.start : name.start;
        return { source: text.slice(start, name.end), sourceEntityId: name.m.entityId };
      }
    }
    const mention = unitsFrom(first.start, first.start + 5).find((u) => u.m.type === 'person' || u.m.type === 'organization');
    if (mention) {
      const start = HONORIFIC.test(first.key) ? first.start : mention.start;
      return { source: text.slice(start, mention.end), sourceEntityId: mention.m.entityId };
    }
    let last = phrase[phrase.length - 1]!;
    while (phrase.length > 1 && !last.word) last = phrase[phrase.length - 2]!;
    return speakerOf(first, last);
  };

  const remember = (speaker: Speaker, block: number): void => {
    lastSpeaker = speaker;
    lastSpeakerBlock = block;
    if (/s$/.test(speaker.source) && !speaker.sourceEntityId) lastPlural = speaker;
  };

  const sentenceUnits = quotationUnits(view);
  sentenceUnits.forEach((unit, unitIndex) => {
    const st = tokensIn(tokens, unit.start, unit.end);
    if (!st.length) return;
    const startsWithQuote = OPEN_QUOTES.has(st[0]!.text);
    // Direct quotation with the attribution after it: “…,” said X / “…,” X said.
    const closeIdx = st.findIndex((t, i) => i > 0 && CLOSE_QUOTES.has(t.text) && /^[,?!.]$/.test(st[i - 1]!.text) && st[i + 1] !== undefined);
    if (startsWithQuote && closeIdx > 0) {
      let k = closeIdx + 1;
      if (st[k]?.text === ',') k++;
      let speaker: Speaker | null = null;
      let cue = '';
      const direct = st[k] ? cueAt(st, k, text) : null;
      if (direct) {
        speaker = sourceAfter(st, direct.last + 1);
        cue = direct.text;
      } else {
        for (let v = k + 1; v <= k + 8 && v < st.length; v++) {
          const found = cueAt(st, v, text);
          if (!found) continue;
          speaker = sourceBefore(st, found.at);
          cue = found.text;
          break;
        }
      }
      if (speaker) {
        drafts.push({ start: unit.start, end: unit.end, ...speaker, cue, quote: true, content: text.slice(st[0]!.end, st[closeIdx]!.start), method: 'rule:quotation', confidence: 0.9, cueDenies: DENYING.has(cue.toLowerCase()) });
        remember(speaker, unit.block);
        return;
      }
    }
    const endsWithQuote = CLOSE_QUOTES.has(st[st.length - 1]!.text) || (st.length > 1 && CLOSE_QUOTES.has(st[st.length - 2]!.text));
    let depth = 0;
    const hasCue = st.some((t, k) => {
      if (OPEN_QUOTES.has(t.text) && t.text !== '"') depth++;
      else if (CLOSE_QUOTES.has(t.text) && t.text !== '"' && t.text !== '’') depth = Math.max(0, depth - 1);
      return depth === 0 && cueAt(st, k, text) !== null;
    });
    if (startsWithQuote && endsWithQuote && !hasCue) {
      // The next sentence may name the speaker: "That was the message from Tomasz Brzeziński".
      const next = sentenceUnits[unitIndex + 1];
      const nt = next ? tokensIn(tokens, next.start, next.end) : [];
      let speaker: Speaker | null = null;
      if (nt.length && /^(that|this|such|so)$/.test(nt[0]!.key)) {
        const by = nt.findIndex((t, i) => i < 10 && /^(from|of|by)$/.test(t.key));
        const person = by > 0 ? unitsFrom(nt[by]!.end, nt[by]!.end + 6).find((u) => u.m.type === 'person') : undefined;
        if (person) speaker = { source: person.m.exact, sourceEntityId: person.m.entityId };
      }
      // A quotation standing alone continues the speaker last named (guidelines).
      if (!speaker && lastSpeaker && unit.block - lastSpeakerBlock <= 2) speaker = lastSpeaker;
      if (speaker) {
        drafts.push({ start: unit.start, end: unit.end, ...speaker, cue: 'quotation', quote: true, content: text.slice(unit.start, unit.end), method: 'rule:quotation', confidence: 0.75, cueDenies: false });
        remember(speaker, unit.block);
        return;
      }
    }
    // Reported speech, possibly two attributed clauses joined by "although", "while", a gerund cue.
    let previous: Speaker | null = null;
    for (const clause of clauses(st)) {
      const draft = reported(clause.tokens, clause.start, clause.end, clause.inheritsSource ? (previous ?? subjectOf(st)) : null);
      if (!draft) continue;
      drafts.push(draft);
      previous = { source: draft.source, sourceEntityId: draft.sourceEntityId };
      remember(previous, unit.block);
    }
  });

  function reported(ct: Token[], start: number, end: number, inherited: Speaker | null): Draft | null {
    for (let k = 0; k < ct.length; k++) {
      const cue = cueAt(ct, k, text);
      if (!cue) continue;
      let speaker: Speaker | null = null;
      let contentFrom = cue.last + 1;
      const gerund = ct[cue.at]!.key.endsWith('ing') && cue.text !== 'according to';
      if (gerund && !SPEECH_GERUNDS.has(ct[cue.at]!.key)) continue;
      if (cue.text === 'according to') {
        speaker = sourceAfter(ct, cue.last + 1);
        const comma = ct.findIndex((x, i) => i > cue.last && x.text === ',');
        if (comma > 0) contentFrom = comma + 1;
      } else if (gerund && (cue.at === 0 || ct[cue.at - 1]!.text === ',')) {
        // "…, hinting only that…", "While acknowledging that…": the sentence's subject speaks.
        speaker = inherited ?? subjectOf(ct);
      } else {
        speaker = sourceBefore(ct, cue.at);
      }
      if (!speaker) continue;
      const content = text.slice(ct[contentFrom]?.start ?? ct[cue.last]!.end, end);
      const method = cue.text === 'according to' ? 'rule:according-to' : 'rule:reporting-verb';
      return { start, end, ...speaker, cue: cue.text, quote: isDirectQuotation(content), content, method, confidence: speaker.sourceEntityId ? 0.8 : 0.7, cueDenies: DENYING.has(ct[cue.at]!.key) || cue.text.endsWith('denial') };
    }
    return null;
  }

  /** The named entity a sentence opens with: "North Korea was quick to…, blaming…". */
  function subjectOf(ct: Token[]): Speaker | null {
    const first = ct.find((t) => t.word);
    if (!first) return null;
    const m = unitsFrom(first.start, first.start).find((u) => u.m.form === 'name' && u.m.type !== 'date');
    return m ? { source: m.m.exact, sourceEntityId: m.m.entityId } : null;
  }

  return drafts
    .sort((a, b) => a.start - b.start)
    .filter((d, i, all) => i === 0 || d.start >= all[i - 1]!.end)
    .map((d, i) => {
      const start = map.toPoint(d.start);
      const end = map.toPoint(d.end);
      const inside = unitsFrom(d.start, d.end).filter((u) => u.end <= d.end && u.m.entityId && u.m.entityId !== d.sourceEntityId);
      const main = mainClause(d.content).replace(/\bno\s+(?:doubt|question|telling)\b/gi, '');
      const negated = NEGATIONS.test(main);
      const polarity: Polarity = d.cueDenies !== negated ? 'deny' : 'affirm';
      return {
        id: `c-${article.id}-${i + 1}`,
        articleId: article.id,
        start,
        end,
        ...quoteOf(map, start, end),
        source: d.source.trim(),
        sourceEntityId: d.sourceEntityId,
        cue: d.cue,
        quote: d.quote,
        polarity,
        hedged: HEDGES.test(d.content),
        entityIds: [...new Set(inside.map((u) => u.m.entityId!))].sort(),
        clusterId: null,
        method: d.method,
        confidence: d.confidence,
      };
    });
}

/** A clause of a sentence that may carry its own claim; `inheritsSource` when it opens with a gerund cue. */
interface Clause {
  tokens: Token[];
  start: number;
  end: number;
  inheritsSource: boolean;
}

/**
 * Splits a sentence into clauses that each carry a claim: at ", although" / ", while" / ", though"
 * / ";" when both sides have a cue, at ", hinting…" (a gerund cue after a claim), and after a
 * leading "While acknowledging that…," (whose speaker is the main clause's subject).
 */
function clauses(st: Token[]): Clause[] {
  const hasCue = (list: Token[]): boolean => list.some((x) => REPORTING.has(x.key) || x.key === 'according' || x.key === 'denial' || PHRASE_STARTS.has(x.key));
  const out: Clause[] = [];
  const push = (list: Token[], inheritsSource: boolean, endAt?: number): void => {
    if (list.length) out.push({ tokens: list, start: list[0]!.start, end: endAt ?? list[list.length - 1]!.end, inheritsSource });
  };
  // "While acknowledging that X, a diplomat expressed hope that Y."
  const lead = st[0]?.key === 'while' || st[0]?.key === 'after' || st[0]?.key === 'although' ? 1 : 0;
  if (lead && st[1] && REPORTING.has(st[1].key) && st[1].key.endsWith('ing')) {
    const comma = st.findIndex((t, i) => i > 1 && t.text === ',' && !CLOSE_QUOTES.has(st[i + 1]?.text ?? ''));
    if (comma > 0 && hasCue(st.slice(comma + 1))) {
      const main = st.slice(comma + 1);
      const rest = clauses(main);
      const subordinate = st.slice(1, comma);
      out.push({ tokens: subordinate, start: subordinate[0]!.start, end: subordinate[subordinate.length - 1]!.end, inheritsSource: true });
      // The subordinate clause's speaker is the main clause's: put the main clause first to find it.
      return [...rest, ...out];
    }
  }
  let from = 0;
  for (let i = 1; i < st.length - 1; i++) {
    const t = st[i]!;
    const linking = st[i - 1]!.text === ',' && /^(although|though|while|whereas)$/.test(t.key);
    const gerund = st[i - 1]!.text === ',' && SPEECH_GERUNDS.has(t.key);
    const semicolon = t.text === ';';
    if (!linking && !gerund && !semicolon) continue;
    const left = st.slice(from, linking || gerund ? i - 1 : i);
    if (!hasCue(left) || !hasCue(st.slice(gerund ? i : i + 1))) continue;
    push(left, false);
    from = gerund ? i : i + 1;
  }
  const rest = st.slice(from);
  push(rest, from > 0 && REPORTING.has(rest[0]?.key ?? '') && (rest[0]?.key ?? '').endsWith('ing'), st[st.length - 1]!.end);
  return out;
}
