import nlp from 'compromise';
import { slugify } from '../ingest/index.ts';
import { quoteOf } from '../text/offsets.ts';
import type { Entity, EntityType, Mention, MentionForm } from '../types.ts';
import { findDates } from './dates.ts';
import { matchGazetteer, type Gazetteer } from './gazetteer.ts';
import { HONORIFICS, findNames } from './names.ts';
import type { AnnotationView, Token } from './tokens.ts';

/** A mention before it gets its id and quote: UTF-16 span into the source. */
interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  entityId: string | null;
  form: MentionForm;
  value: string | null;
  method: string;
  confidence: number;
  /** Ranks candidates of equal length: the knowledge base before rules. */
  priority: number;
  /** First and last token, when the candidate came from tokens. */
  from: number;
  to: number;
}

/** Mentions of one article, and the entities made for names the knowledge base lacks. */
export interface MentionResult {
  mentions: Mention[];
  generated: Entity[];
}

/** Words that open many organisations' names, so never a short form ("University", "Royal"). */
const ORG_WORDS = /^(the|university|bank|ministry|department|institute|council|court|office|national|royal|federal|international|european|world|global|united|new|north|south|east|west)$/;
const LOCATIVE_BEFORE = new Set(['in', 'at', 'near', 'into', 'outside', 'inside', 'around', 'across', 'visit', 'visited', 'visiting', 'city', 'capital', 'of']);
const nounCache = new Map<string, boolean>();

type Tag = string | string[] | undefined;
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, Tag> } }).one.lexicon;
/** Words after which the word before is a verb with its object or infinitive: "Russia need to", "advance its". */
const AUXILIARIES = new Set(['have', 'has', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did', 'need', 'dare', 'ought', 'says', 'said']);
const OBJECT_OPENERS = new Set(['to', 'its', 'the', 'a', 'an', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'them', 'it', 'him', 'us', 'me', 'from', 'with', 'on', 'up', 'out']);

/**
 * Whether a lower-case word after a country name is a noun the name modifies ("US officials",
 * "Ukraine campaign") rather than a verb it governs ("Russia feels", "Russia need to"):
 * compromise tags the pair, and the word after settles verbs that take an object.
 */
function isModifiedNoun(word: string, next: string | undefined): boolean {
  if (AUXILIARIES.has(word) || (next !== undefined && OBJECT_OPENERS.has(next))) return false;
  const cached = nounCache.get(word);
  if (cached !== undefined) return cached;
  const tags = new Set(nlp(`Russia ${word}`).json()[0]?.terms?.[1]?.tags ?? []);
  const lexicon = LEXICON[word];
  const plural = lexicon === 'Plural' || (Array.isArray(lexicon) && lexicon.includes('Plural'));
  const noun = ((tags.has('Noun') && !tags.has('Verb')) || (tags.has('Infinitive') && !word.endsWith('s'))) && (!word.endsWith('s') || plural || word.endsWith('ss'));
  nounCache.set(word, noun);
  return noun;
}

/** A country (or other place) name used as a modifier: "US officials", "US-drafted", "US-Japan-South Korea". */
function usedAsModifier(tokens: Token[], from: number, to: number): boolean {
  const after = tokens[to];
  const before = tokens[from - 1];
  if (after && after.gap === 'hyphen' && after.word) return true;
  if (before && tokens[from]!.gap === 'hyphen' && before.word && /^\p{Lu}/u.test(before.text)) return true;
  const contracted = tokens[to + 1]?.gap === 'none' && /^['’]$/.test(tokens[to + 1]!.text);
  if (after && after.word && after.gap === 'space' && /^\p{Ll}/u.test(after.text) && !contracted && isModifiedNoun(after.key, tokens[to + 1]?.key)) return true;
  return false;
}

function longestFirst(a: Candidate, b: Candidate): number {
  return b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start;
}

/** Keeps the longest of overlapping candidates (the knowledge base winning ties), in text order. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const end = candidates.reduce((m, c) => Math.max(m, c.end), 0);
  const taken = new Uint8Array(end + 1);
  for (const c of [...candidates].sort(longestFirst)) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds the entity and date mentions of an article: knowledge-base names (longest match), names it
 * lacks (rules), surnames linked to full names earlier in the article, and time expressions.
 */
export function findMentions(view: AnnotationView, gazetteer: Gazetteer): MentionResult {
  const { tokens, text, article } = view;
  const candidates: Candidate[] = [];
  const taken = new Uint8Array(tokens.length);

  const kbMatches = matchGazetteer(gazetteer, tokens);
  const establishedPeople = new Set(kbMatches.filter((m) => !m.surface.short && gazetteer.entities.get(m.surface.entityId)?.type === 'person').map((m) => m.surface.entityId));
  for (const m of kbMatches) {
    const entity = gazetteer.entities.get(m.surface.entityId)!;
    if (m.surface.short && !establishedPeople.has(entity.id) && gazetteer.ambiguousShort.has(tokens[m.from]!.key)) continue;
    for (let k = m.from; k < m.to; k++) taken[k] = 1;
    const first = tokens[m.from]!;
    const last = tokens[m.to - 1]!;
    const place = entity.type === 'place';
    const form: MentionForm = m.surface.form === 'adjectival' || (place && !entity.capitalOf && usedAsModifier(tokens, m.from, m.to)) ? 'adjectival' : 'name';
    candidates.push({
      start: first.start,
      end: last.end,
      type: entity.type,
      entityId: entity.id,
      form,
      value: null,
      method: 'gazetteer',
      confidence: m.surface.short ? (establishedPeople.has(entity.id) ? 0.9 : 0.8) : form === 'adjectival' ? 0.9 : 0.95,
      priority: 0,
      from: m.from,
      to: m.to,
    });
  }

  const lowerWords = new Set<string>();
  for (const t of tokens) if (t.word && /^\p{Ll}/u.test(t.text)) lowerWords.add(t.key);
  const names = findNames(tokens, taken, lowerWords);
  const generated = new Map<string, Entity>();
  /** Short forms that refer back to a name introduced earlier: a person's surname, an organisation's first word. */
  const shortForms = new Map<string, string>();
  const placeBefore = new Map(candidates.filter((c) => c.type === 'place' && c.form === 'name').map((c) => [c.to, c]));
  for (const n of names) {
    // "Netherlands Digital Oversight Office": a country name opening an organisation's name belongs to it.
    const opener = n.type === 'organization' ? placeBefore.get(n.from) : undefined;
    if (opener && tokens[n.from]!.gap === 'space') {
      candidates.splice(candidates.indexOf(opener), 1);
      n.from = opener.from;
    }
    const label = text.slice(tokens[n.from]!.start, tokens[n.to - 1]!.end).replace(/\s+/g, ' ');
    let id = slugify(label) || `name-${n.from}`;
    if (gazetteer.entities.has(id)) id = `${id}-${n.type}`;
    if (n.to - n.from === 1 && shortForms.has(tokens[n.from]!.key)) id = shortForms.get(tokens[n.from]!.key)!;
    if (!generated.has(id) && !gazetteer.entities.has(id)) {
      generated.set(id, { id, type: n.type, label, aliases: [], adjectivals: [], description: `${n.type === 'organization' ? 'Organisation' : n.type[0]!.toUpperCase() + n.type.slice(1)} named in the corpus; not in the knowledge base`, generated: true });
    }
    const words = tokens.slice(n.from, n.to).filter((t) => t.word);
    if (n.type === 'person' && words.length >= 2) shortForms.set(words[words.length - 1]!.key, id);
    if (n.type === 'organization' && words.length >= 2 && !lowerWords.has(words[0]!.key) && !ORG_WORDS.test(words[0]!.key)) shortForms.set(words[0]!.key, id);
    const type = n.to - n.from === 1 && shortForms.get(tokens[n.from]!.key) === id ? (generated.get(id)?.type ?? n.type) : n.type;
    candidates.push({ start: tokens[n.from]!.start, end: tokens[n.to - 1]!.end, type, entityId: id, form: 'name', value: null, method: 'ner', confidence: n.confidence, priority: 2, from: n.from, to: n.to });
  }
  // A short form alone after the full name: "Arnold" after "Aaron Arnold", "Meridian" after "Meridian Health Trust".
  const fullNames = new Map<string, Candidate[]>();
  for (const c of candidates) if (c.entityId && c.to - c.from >= 2) (fullNames.get(c.entityId) ?? fullNames.set(c.entityId, []).get(c.entityId)!).push(c);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const id = shortForms.get(t.key);
    if (!id || taken[i] || !/^\p{Lu}/u.test(t.text)) continue;
    const full = fullNames.get(id) ?? [];
    if (!full.length || full[0]!.start > t.start) continue;
    if (tokens[i - 1]?.word && t.gap === 'none') continue;
    // "Meridian Health Trust" itself is not a short form of itself.
    if (full.some((c) => c.from <= i && c.to > i)) continue;
    const type = generated.get(id)?.type ?? 'person';
    candidates.push({ start: t.start, end: t.end, type, entityId: id, form: 'name', value: null, method: type === 'person' ? 'rule:surname' : 'rule:short-name', confidence: 0.8, priority: 1, from: i, to: i + 1 });
  }

  for (const d of findDates(text, article.published)) {
    candidates.push({ start: d.start, end: d.end, type: 'date', entityId: null, form: 'name', value: d.value, method: 'rule:date', confidence: 0.9, priority: 1, from: -1, to: -1 });
  }

  const kept = resolveOverlaps(candidates).map((c) => withHonorific(c, tokens));
  const mentions: Mention[] = kept.map((c, index) => {
    const start = view.map.toPoint(c.start);
    const end = view.map.toPoint(c.end);
    const entity = c.entityId ? gazetteer.entities.get(c.entityId) : undefined;
    return {
      id: `m-${article.id}-${index + 1}`,
      articleId: article.id,
      entityId: c.entityId,
      type: c.type,
      form: c.form,
      refersTo: entity?.capitalOf && !locativeBefore(tokens, c.from) ? entity.capitalOf : null,
      value: c.value,
      start,
      end,
      ...quoteOf(view.map, start, end),
      method: c.method,
      confidence: c.confidence,
    };
  });
  const used = new Set(mentions.map((m) => m.entityId));
  return { mentions, generated: [...generated.values()].filter((e) => used.has(e.id)) };
}

/** "in Seoul" is the city; "Seoul believes" is its government. */
function locativeBefore(tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  return before !== undefined && LOCATIVE_BEFORE.has(before.key);
}

/** Takes an honorific before a person into the span: "Mr Kim", "Dr. Loo". */
function withHonorific(c: Candidate, tokens: Token[]): Candidate {
  if (c.type !== 'person' || c.from < 1) return c;
  let k = c.from - 1;
  if (tokens[k]?.text === '.' && tokens[k]!.gap === 'none') k--;
  const h = tokens[k];
  if (!h || !HONORIFICS.has(h.key) || !/^\p{Lu}/u.test(h.text) || h.block !== tokens[c.from]!.block) return c;
  return { ...c, start: h.start, from: k };
}
