import { quoteOf } from '../text/offsets.ts';
import type { Claim, Mention, Polarity } from '../types.ts';
import type { AnnotationView, Sentence, Token } from './tokens.ts';

/** Reporting verbs, every inflection a cue: "said", "warns", "believe". */
const REPORTING = new Set(
  [
    'say says said saying', 'tell tells told', 'warn warns warned', 'argue argues argued', 'believe believes believed',
    'suggest suggests suggested', 'note notes noted', 'add adds added', 'claim claims claimed', 'deny denies denied',
    'hint hints hinted hinting', 'insist insists insisted', 'state states stated', 'announce announces announced',
    'report reports reported', 'acknowledge acknowledges acknowledged', 'admit admits admitted', 'estimate estimates estimated',
    'predict predicts predicted', 'think thinks thought', 'fear fears feared', 'allege alleges alleged', 'confirm confirms confirmed',
    'reveal reveals revealed', 'disclose discloses disclosed', 'maintain maintains maintained', 'contend contends contended',
    'conclude concludes concluded', 'caution cautions cautioned', 'assert asserts asserted', 'explain explains explained',
    'write writes wrote', 'reckon reckons reckoned', 'predicts', 'concede concedes conceded', 'reject rejects rejected',
    'dismiss dismisses dismissed', 'accuse accuses accused', 'agree agrees agreed', 'recall recalls recalled', 'stress stresses stressed',
    'emphasise emphasises emphasised emphasize emphasizes emphasized', 'observe observes observed', 'point pointed',
  ].flatMap((s) => s.split(' ')),
);
const DENYING = new Set(['deny', 'denies', 'denied', 'reject', 'rejects', 'rejected', 'dismiss', 'dismisses', 'dismissed']);
const AUXILIARY = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'did', 'does', 'do', 'also', 'further', 'first', 'previously', 'repeatedly', 'consistently', 'reportedly', 'already', 'later', 'often', 'long', 'recently', 'publicly', 'privately', 'once', 'again', 'still', 'only', 'even', 'now', 'then', 'had', 'flatly', 'strongly', 'vehemently']);
/** Words that open a new clause: a source never reaches back past them. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'while', 'although', 'though', 'but', 'however', 'because', 'as', 'if', 'when', 'since', 'so', 'and', 'yet', 'whereas', 'unless', 'after', 'before', 'where', 'nevertheless', 'nonetheless', 'moreover', 'meanwhile', 'still', 'indeed', 'also', 'than', 'to', 'by', 'with', 'of', 'on', 'for']);
/** Nouns that name a source that can speak: "US officials", "experts in Seoul", "intelligence sources". */
const SPEAKERS = new Set(['official', 'officials', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources', 'diplomat', 'diplomats', 'intelligence', 'military', 'government', 'governments', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'researcher', 'researchers', 'scientist', 'scientists', 'critic', 'critics', 'observer', 'observers', 'commentator', 'commentators', 'leader', 'leaders', 'president', 'minister', 'ambassador', 'authorities', 'police', 'prosecutors', 'prosecutor', 'report', 'study', 'survey', 'statement', 'spokespeople', 'representatives', 'representative', 'executives', 'executive', 'chief', 'director', 'chairman', 'chair', 'union', 'unions', 'workers', 'residents', 'witnesses', 'doctors', 'lawyers', 'lawyer', 'economists', 'economist', 'investors', 'regulators', 'regulator', 'officers', 'officer', 'agency', 'administration', 'campaigners', 'activists', 'members', 'member', 'people', 'fellow', 'professor', 'adviser', 'advisers', 'advisor', 'secretary', 'media', 'newspaper', 'he', 'she', 'they', 'it', 'we', 'i', 'some', 'many', 'others', 'officials', 'council', 'committee', 'commission', 'court', 'judge', 'army', 'navy', 'command', 'staff', 'team', 'group', 'institute', 'organisation', 'organization', 'company', 'firm', 'bank', 'party']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they']);
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

function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  return tokens.filter((t) => t.start >= start && t.end <= end);
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
    if (opens > closes && text.trimStart().startsWith('“')) {
      open = { ...s };
      continue;
    }
    units.push(s);
  }
  if (open) units.push(open);
  return units;
}

/**
 * Finds the attributed claims of an article: direct quotations with their speaker (attribution
 * before, after, or carried over from the previous quotation), reported speech with a reporting
 * verb or "according to", and "X is in denial" constructions. Sources link to entity mentions.
 */
export function findClaims(view: AnnotationView, mentions: Mention[]): Claim[] {
  const { text, tokens, article, map } = view;
  const mentionAt = new Map<number, Mention>();
  const units = mentions.map((m) => ({ m, start: map.toUnit(m.start), end: map.toUnit(m.end) }));
  for (const u of units) mentionAt.set(u.start, u.m);
  const drafts: Draft[] = [];
  let lastSpeaker: Speaker | null = null;
  let lastSpeakerBlock = -1;

  const lastPersonBefore = (at: number, types: string[]): Speaker | null => {
    let best: (typeof units)[number] | null = null;
    for (const u of units) if (u.end <= at && types.includes(u.m.type) && u.m.form === 'name') best = u;
    return best ? { source: labelFor(best.m), sourceEntityId: best.m.entityId } : null;
  };
  const labelFor = (m: Mention): string => {
    const same = units.find((u) => u.m.entityId === m.entityId && u.m.type === 'person');
    return same ? same.m.exact : m.exact;
  };

  /** The source phrase ending just before token index `k` (the cue), skipping auxiliaries and an apposition. */
  const sourceBefore = (sentenceTokens: Token[], k: number): { phrase: Token[]; speaker: Speaker } | null => {
    let j = k - 1;
    while (j >= 0 && AUXILIARY.has(sentenceTokens[j]!.key)) j--;
    if (j >= 0 && sentenceTokens[j]!.text === ',') {
      // "Yang Uk, a research fellow at …, suggests": the source stands before the apposition.
      let c = j - 1;
      while (c >= 0 && sentenceTokens[c]!.text !== ',') c--;
      if (c > 0) j = c - 1;
      else return null;
    }
    const phrase: Token[] = [];
    for (; j >= 0; j--) {
      const t = sentenceTokens[j]!;
      if (!t.word && !(t.text === '.' && phrase.length) && t.text !== '’' && t.text !== "'") break;
      if (phrase.length && CLAUSE_OPENERS.has(t.key) && !(t.key === 'and' && phrase.length && sentenceTokens[j - 1]?.word)) break;
      if (phrase.length && (t.key === 'of' || t.key === 'to') && /^\p{Ll}/u.test(t.text)) {
        // "ambassador to North Korea", "director of the programme": keep the head before it.
        phrase.unshift(t);
        continue;
      }
      if (phrase.length >= 9) break;
      phrase.unshift(t);
    }
    while (phrase.length && /^(the|however|and|but|so|yet|still|nevertheless|nonetheless|meanwhile|moreover)$/.test(phrase[0]!.key)) phrase.shift();
    while (phrase.length && (phrase[0]!.text === '’' || phrase[0]!.text === "'")) phrase.shift();
    if (!phrase.length) return null;
    const first = phrase[0]!;
    const last = phrase[phrase.length - 1]!;
    const inner = units.filter((u) => u.start >= first.start && u.end <= last.end);
    const head = last.key;
    const lastMention = inner.length ? inner[inner.length - 1]! : null;
    if (phrase.length === 1 && PRONOUNS.has(head)) {
      const ref = head === 'it' ? lastPersonBefore(first.start, ['organization', 'place']) : head === 'they' ? null : lastPersonBefore(first.start, ['person']);
      if (!ref) return null;
      return { phrase, speaker: ref };
    }
    const spoken = SPEAKERS.has(head) || inner.some((u) => u.m.type !== 'date');
    if (!spoken) return null;
    let entityId: string | null = null;
    if (lastMention && lastMention.end === last.end && lastMention.m.form === 'name' && lastMention.m.type !== 'date') {
      const wholeIsMention = inner.length === 1 && lastMention.start <= first.start + 4;
      if (lastMention.m.type === 'person' || wholeIsMention) entityId = lastMention.m.entityId;
    }
    const source = text.slice(first.start, last.end).replace(/\s+/g, ' ');
    return { phrase, speaker: { source, sourceEntityId: entityId } };
  };

  /** A source phrase starting at token index `k`: "said Anthony Rinna, a specialist…". */
  const sourceAfter = (sentenceTokens: Token[], k: number): Speaker | null => {
    const phrase: Token[] = [];
    for (let j = k; j < sentenceTokens.length; j++) {
      const t = sentenceTokens[j]!;
      if (!t.word && t.text !== '.') break;
      if (t.text === '.' && !(phrase.length && /^(mr|mrs|ms|dr|prof)$/.test(phrase[phrase.length - 1]!.key))) break;
      phrase.push(t);
      if (phrase.length >= 6) break;
    }
    while (phrase.length && /^(the)$/.test(phrase[0]!.key)) phrase.shift();
    if (!phrase.length) return null;
    const first = phrase[0]!;
    const mention = units.find((u) => u.start >= first.start && u.start <= first.start + 5 && u.m.type === 'person');
    if (phrase.length === 1 && PRONOUNS.has(first.key)) return first.key === 'they' ? null : lastPersonBefore(first.start, first.key === 'it' ? ['organization', 'place'] : ['person']);
    if (mention) return { source: text.slice(first.start, mention.end), sourceEntityId: mention.m.entityId };
    const last = phrase[phrase.length - 1]!;
    if (!SPEAKERS.has(last.key) && !units.some((u) => u.start >= first.start && u.end <= last.end)) return null;
    return { source: text.slice(first.start, last.end).replace(/\s+/g, ' '), sourceEntityId: null };
  };

  for (const unit of quotationUnits(view)) {
    const st = tokensIn(tokens, unit.start, unit.end);
    if (!st.length) continue;
    const sentence = text.slice(unit.start, unit.end);
    const startsWithQuote = OPEN_QUOTES.has(st[0]!.text);
    // Direct quotation with attribution after it: “…,” said X / “…,” X said.
    const closeIdx = st.findIndex((t, i) => i > 0 && CLOSE_QUOTES.has(t.text) && (st[i - 1]!.text === ',' || st[i - 1]!.text === '?' || st[i - 1]!.text === '!' || st[i - 1]!.text === '.' || st[i + 1]?.text === ','));
    if (startsWithQuote && closeIdx > 0) {
      let k = closeIdx + 1;
      if (st[k]?.text === ',') k++;
      const after = st[k];
      let speaker: Speaker | null = null;
      let cue = '';
      if (after && REPORTING.has(after.key)) {
        speaker = sourceAfter(st, k + 1);
        cue = after.text;
      } else if (after) {
        const verbAt = st.findIndex((t, i) => i > k && i <= k + 7 && REPORTING.has(t.key));
        if (verbAt > 0) {
          const found = sourceBefore(st, verbAt);
          speaker = found?.speaker ?? null;
          cue = st[verbAt]!.text;
        }
      }
      if (speaker) {
        drafts.push({ start: unit.start, end: unit.end, ...speaker, cue, quote: true, content: text.slice(st[0]!.end, st[closeIdx]!.start), method: 'rule:quotation', confidence: 0.9, cueDenies: DENYING.has(cue.toLowerCase()) });
        lastSpeaker = speaker;
        lastSpeakerBlock = unit.block;
        continue;
      }
    }
    // A quotation standing alone continues the speaker last named (guidelines).
    const endsWithQuote = CLOSE_QUOTES.has(st[st.length - 1]!.text) || (st.length > 1 && CLOSE_QUOTES.has(st[st.length - 2]!.text));
    const hasCue = st.some((t) => REPORTING.has(t.key));
    if (startsWithQuote && endsWithQuote && !hasCue) {
      const speaker = lastSpeaker && unit.block - lastSpeakerBlock <= 2 ? lastSpeaker : null;
      if (speaker) {
        drafts.push({ start: unit.start, end: unit.end, ...speaker, cue: 'quotation', quote: true, content: sentence, method: 'rule:quotation', confidence: 0.75, cueDenies: false });
        lastSpeakerBlock = unit.block;
        continue;
      }
    }
    // Reported speech, possibly two attributed clauses joined by "although" / "while" / "though".
    for (const clause of clauses(st, text)) {
      const draft = reported(clause.tokens, clause.start, clause.end);
      if (draft) {
        drafts.push(draft);
        if (draft.sourceEntityId || draft.quote) {
          lastSpeaker = { source: draft.source, sourceEntityId: draft.sourceEntityId };
          lastSpeakerBlock = unit.block;
        }
      }
    }
  }

  function reported(ct: Token[], start: number, end: number): Draft | null {
    for (let k = 0; k < ct.length; k++) {
      const t = ct[k]!;
      let cue = '';
      let speaker: Speaker | null = null;
      let contentFrom = k + 1;
      if (t.key === 'according' && ct[k + 1]?.key === 'to') {
        speaker = sourceAfter(ct, k + 2);
        cue = 'according to';
        if (speaker) {
          const afterSource = ct.findIndex((x, i) => i > k + 2 && x.text === ',');
          contentFrom = afterSource > 0 ? afterSource + 1 : k + 2;
        }
      } else if (t.key === 'in' && ct[k + 1]?.key === 'denial' && (ct[k - 1]?.key === 'is' || ct[k - 1]?.key === 'are' || ct[k - 1]?.key === 'was')) {
        const found = sourceBefore(ct, k - 1);
        speaker = found?.speaker ?? null;
        cue = `${ct[k - 1]!.text} in denial`;
        contentFrom = k + 2;
      } else if (REPORTING.has(t.key) && t.word && /^\p{Ll}/u.test(t.text) && !(k > 0 && /^(who|which|that)$/.test(ct[k - 1]!.key))) {
        // "is believed", "is expected": a passive with no agent is not a claim (guidelines).
        if (k > 0 && /^(is|are|was|were|be|been|being)$/.test(ct[k - 1]!.key)) continue;
        if (t.key.endsWith('ing') && k > 0 && ct[k - 1]!.text === ',') continue;
        const found = sourceBefore(ct, k);
        if (found) {
          speaker = found.speaker;
          let j = k - 1;
          while (j >= 0 && AUXILIARY.has(ct[j]!.key) && ct[j]!.end > found.phrase[found.phrase.length - 1]!.end) j--;
          cue = text.slice(ct[j + 1]!.start, t.end);
        }
      }
      if (!speaker) continue;
      const contentStart = ct[contentFrom]?.start ?? t.end;
      const content = text.slice(contentStart, end);
      const quoted = /[“"][^”"]*\s[^”"]*\s[^”"]*\s[^”"]*[”"]/.test(content);
      return { start, end, ...speaker, cue, quote: quoted, content, method: cue === 'according to' ? 'rule:according-to' : 'rule:reporting-verb', confidence: speaker.sourceEntityId ? 0.8 : 0.7, cueDenies: DENYING.has(t.key) || cue.endsWith('denial') };
    }
    return null;
  }

  return drafts
    .sort((a, b) => a.start - b.start)
    .filter((d, i, all) => i === 0 || d.start >= all[i - 1]!.end)
    .map((d, i) => {
      const start = map.toPoint(d.start);
      const end = map.toPoint(d.end);
      const inside = units.filter((u) => u.start >= d.start && u.end <= d.end && u.m.entityId && u.m.entityId !== d.sourceEntityId);
      const negated = NEGATIONS.test(d.content.replace(/\bno\s+(?:doubt|question)\b/gi, ''));
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

/** Splits a sentence at ", although" / ", while" / ", though" / "; " into clauses that each may carry a claim. */
function clauses(st: Token[], text: string): Array<{ tokens: Token[]; start: number; end: number }> {
  const out: Array<{ tokens: Token[]; start: number; end: number }> = [];
  let from = 0;
  for (let i = 1; i < st.length - 1; i++) {
    const t = st[i]!;
    const linking = st[i - 1]!.text === ',' && /^(although|though|while|whereas|but)$/.test(t.key);
    const semicolon = t.text === ';';
    if (!linking && !semicolon) continue;
    const left = st.slice(from, linking ? i - 1 : i);
    const hasCueLeft = left.some((x) => REPORTING.has(x.key));
    const hasCueRight = st.slice(i + 1).some((x) => REPORTING.has(x.key));
    if (!hasCueLeft || !hasCueRight) continue;
    out.push({ tokens: left, start: left[0]!.start, end: left[left.length - 1]!.end });
    from = i + 1;
  }
  const rest = st.slice(from);
  if (rest.length) out.push({ tokens: rest, start: from === 0 ? st[0]!.start : rest[0]!.start, end: st[st.length - 1]!.end });
  void text;
  return out;
}
