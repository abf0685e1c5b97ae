import { createHash } from 'node:crypto';
import nlp from 'compromise';
import { slugify } from '../ingest/index.ts';
import { quoteOf } from '../text/offsets.ts';
import type { Entity, EntityType, Mention, MentionForm } from '../types.ts';
import { findDates } from './dates.ts';
import { matchGazetteer, type GazetteerMatch } from './gazetteer.ts';
import type { Annotator } from './annotator.ts';
import { contextWords, link, namesOf, type Link, type LinkContext } from './linker.ts';

/** Below this confidence a link shows the candidates it was chosen from. */
const UNCERTAIN = 0.8;
import type { CasingLexicon } from './tagger/casing.ts';
import { tag } from './tagger/model.ts';
import { nameCue } from './tagger/words.ts';
import { taggerSentences } from './tagger/sentences.ts';
import type { AnnotationView, Token } from './tokens.ts';

/** Honorifics that belong inside a person's span (guidelines: "Mr Kim", "Dr. Loo"). */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);

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
  /** Other knowledge-base entities the name could be, for an uncertain or missing link. */
  alternatives?: string[];
}

/** Mentions of one article, and the entities made for names the knowledge base lacks. */
export interface MentionResult {
  mentions: Mention[];
  generated: Entity[];
}

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

/** The recogniser's types as Gloss's; MISC names become mentions only through the knowledge base. */
const TYPE_OF: Record<string, Exclude<EntityType, 'date'> | null> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: null };
/** Words that end event names ("Korean War", "World Cup", "Amber Walkout"), not organisations' (so not "Forum" or "Congress"). */
const EVENT_HEADS = /^(war|wars|cup|championship|championships|games|olympics|summit|conference|festival|election|elections|referendum|revolution|uprising|crisis|pandemic|epidemic|tournament|expo|massacre|invasion|offensive|walkout|strike|strikes|protests|marathon|earthquake|hurricane|symposium|convention|siege|blockade)$/;

/** A name the recogniser found: view tokens `[from, to)`. */
interface RecognisedName {
  from: number;
  to: number;
  type: Exclude<EntityType, 'date'>;
}

/** The recogniser's names in the view, as Gloss types (events from names that end like one), trimmed to Gloss's conventions. */
function recognisedNames(view: AnnotationView, annotator: Annotator): { names: RecognisedName[]; other: Uint8Array } {
  const sentences = taggerSentences(view, annotator.recogniser.lexicon, annotator.marker, annotator.recogniser.classes);
  const spans = tag(annotator.recogniser, sentences);
  const out: RecognisedName[] = [];
  /** Tokens of names Gloss does not mark (nationalities, works: the recogniser's MISC). */
  const other = new Uint8Array(view.tokens.length);
  sentences.forEach((s, k) => {
    for (const span of spans[k]!) {
      const from = s.viewIndex[span.start]!;
      const to = s.viewIndex[span.end - 1]! + 1;
      if (span.type === 'MISC') other.fill(1, from, to);
      // A name the recogniser calls MISC or an organisation is an event when it ends like one ("World Cup", "Amber Walkout").
      const eventLike = span.end - span.start > 1 && EVENT_HEADS.test(view.tokens[to - 1]!.key);
      const type = eventLike && (span.type === 'MISC' || span.type === 'ORG') ? 'event' : TYPE_OF[span.type];
      const trimmed = type ? trimToConventions(view.tokens, { from, to, type }) : null;
      if (trimmed) out.push(...splitPlaces(view.tokens, trimmed, annotator));
    }
  });
  return { names: out, other };
}

/**
 * "Park City, Utah" is two places, each its own mention, where the knowledge base knows both
 * parts as places (some corpora mark the pair as one name; Gloss links each).
 */
function splitPlaces(tokens: Token[], n: RecognisedName, annotator: Annotator): RecognisedName[] {
  if (n.type !== 'place') return [n];
  const comma = tokens.slice(n.from, n.to).findIndex((t) => t.text === ',');
  if (comma <= 0 || n.from + comma + 1 >= n.to) return [n];
  const parts: RecognisedName[] = [
    { from: n.from, to: n.from + comma, type: 'place' },
    { from: n.from + comma + 1, to: n.to, type: 'place' },
  ];
  const known = (p: RecognisedName): boolean => namesOf(annotator.names, tokens.slice(p.from, p.to).filter((t) => t.word).map((t) => t.text)).some((x) => x.entity.type === 'place');
  return parts.every(known) ? parts : [n];
}

const QUOTES = new Set(['"', '“', '”', '‘', '’', '«', '»']);

/** Office titles that stay outside a person's span ("President Vladimir Putin" marks "Vladimir Putin"). */
const OFFICE_TITLES = new Set(['president', 'vice', 'prime', 'minister', 'chancellor', 'premier', 'secretary', 'general', 'gen', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'ambassador', 'commissioner', 'chairman', 'chairwoman', 'director', 'inspector', 'detective', 'sergeant', 'colonel', 'col', 'captain', 'capt', 'admiral', 'lieutenant', 'lt', 'coach', 'manager', 'chief', 'deputy', 'foreign', 'defence', 'defense', 'finance', 'home', 'state', 'leader', 'president-elect']);

/**
 * A recognised name trimmed to Gloss's guidelines, which differ from the corpora it learned from:
 * a leading "the" stays outside (a masthead such as "The Guardian" comes from the knowledge base),
 * so do office titles before a person, and a date before an event ("1950-53 Korean War").
 */
function trimToConventions(tokens: Token[], n: RecognisedName): RecognisedName | null {
  let { from } = n;
  const { to } = n;
  // A capital "The" inside a sentence is part of the name ("at The Oval"); elsewhere it is the determiner.
  const determiner = (t: Token): boolean => t.key === 'the' && (t.text === 'the' || t.sentenceStart);
  const drop = (t: Token): boolean =>
    determiner(t) || (n.type === 'person' && OFFICE_TITLES.has(t.key) && /^\p{Lu}/u.test(t.text)) || (n.type === 'event' && !/\p{L}/u.test(t.text)) || (!t.word && t.text !== '.');
  // A decorative letter ("𝔸 Ports briefing") opens no name.
  if ([...tokens[from]!.text].length === 1 && /[^\u0000-\u024f]/u.test(tokens[from]!.text) && tokens[from + 1]?.text !== '.') return null;
  while (from < to - 1 && drop(tokens[from]!)) from++;
  if (to - from === 1 && (determiner(tokens[from]!) || !tokens[from]!.word)) return null;
  return { ...n, from, to };
}

/**
 * A word of an organisation's name that may stand for it alone: capitalised where English writes
 * it in lower case only as a name (not "The" or "City"), and not a word like "Group" or "Bank"
 * that many names share.
 */
function distinctive(word: Token, lexicon: CasingLexicon): boolean {
  const usual = lexicon.get(word.key);
  return /^\p{Lu}/u.test(word.text) && word.text.length > 2 && nameCue(word.text) === null && (usual === undefined || /^\p{Lu}/u.test(usual));
}

/** A short id for names that stay within one article (a surname never introduced in full). */
function articleScoped(slug: string, articleId: string): string {
  return `${slug}-${createHash('sha256').update(articleId).digest('hex').slice(0, 6)}`;
}

/**
 * A name the recogniser read as an organisation in a list of places ("hospitals in Bergamo, Brescia
 * and Milan": a club of the city's name, to a tagger trained on sports news) is a place, when the
 * knowledge base has a place of that name; so is one read as a person ("in Gdansk and Rotterdam")
 * when it has a place and no person of that name.
 */
function placesInLists(names: RecognisedName[], kbPlaces: GazetteerMatch[], tokens: Token[], annotator: Annotator): void {
  const endsAt = new Set<number>();
  const startsAt = new Set<number>();
  for (const span of [...names.filter((n) => n.type === 'place'), ...kbPlaces]) {
    endsAt.add(span.to);
    startsAt.add(span.from);
  }
  const joins = (t: Token | undefined): boolean => t !== undefined && (t.text === ',' || t.key === 'and' || t.key === 'or');
  for (const n of names) {
    if (n.type !== 'organization' && n.type !== 'person') continue;
    // "A, B and C", "A, B, and C": a place right before or after, with a comma or a conjunction between.
    const before = joins(tokens[n.from - 1]) && (endsAt.has(n.from - 1) || (joins(tokens[n.from - 2]) && endsAt.has(n.from - 2)));
    const after = joins(tokens[n.to]) && (startsAt.has(n.to + 1) || (joins(tokens[n.to + 1]) && startsAt.has(n.to + 2)));
    if (!before && !after) continue;
    const words = tokens.slice(n.from, n.to).filter((t) => t.word).map((t) => t.text);
    const none = { words: new Set<string>(), named: new Set<string>() };
    if (n.type === 'person' && link(annotator.names, words, 'person', none).alternatives.length) continue;
    if (link(annotator.names, words, 'place', none).entityId) n.type = 'place';
  }
}

/**
 * Finds the entity and date mentions of an article: knowledge-base names (longest match), the
 * recogniser's names the knowledge base lacks, surnames linked to full names in the same article,
 * and time expressions.
 */
export function findMentions(view: AnnotationView, annotator: Annotator): MentionResult {
  const { gazetteer } = annotator;
  const { tokens, text, article } = view;
  const candidates: Candidate[] = [];
  const { names, other } = recognisedNames(view, annotator);

  const kbMatches = matchGazetteer(gazetteer, tokens);
  const establishedPeople = new Set(kbMatches.filter((m) => !m.surface.short && gazetteer.entities.get(m.surface.entityId)?.type === 'person').map((m) => m.surface.entityId));
  // Where the recogniser and a hand-written name disagree: the same span read as a person where
  // the knowledge base has something else, or the other way round, is the recogniser's ("Jordan"
  // the player), and so is a city read as an organisation (a team); otherwise the hand-written
  // type stands (the guidelines' "White House", a capital standing for its government). A recognised name that contains a
  // hand-written one is the longer name ("Netherlands Digital Oversight Office"); one that crosses
  // it gives way to it.
  const overruled = new Set<GazetteerMatch>();
  const crossed = new Set<RecognisedName>();
  for (const m of kbMatches) {
    const entity = gazetteer.entities.get(m.surface.entityId)!;
    for (const n of names) {
      if (n.to <= m.from || n.from >= m.to) continue;
      const same = n.from === m.from && n.to === m.to;
      const contains = n.from <= m.from && n.to >= m.to && !same;
      // A country or capital is the place, or its government acting ("Pyongyang broke with…"), whatever the recogniser says.
      const state = entity.type === 'place' && (entity.capitalOf !== undefined || entity.adjectivals.length > 0);
      const person = (n.type === 'person') !== (entity.type === 'person') && !state;
      // A team named after its city ("New York beat Boston").
      const team = n.type === 'organization' && entity.type === 'place' && !state;
      // A longer name, unless quotation marks inside it show it runs past one ("‘Northern Triangle’ of North Korea").
      const longer = contains && !tokens.slice(n.from + 1, n.to - 1).some((t) => QUOTES.has(t.text));
      if ((same && (person || team) && m.surface.form === 'name') || longer) overruled.add(m);
      else crossed.add(n);
    }
  }
  names.splice(0, names.length, ...names.filter((n) => !crossed.has(n)));
  placesInLists(names, kbMatches.filter((m) => !overruled.has(m) && gazetteer.entities.get(m.surface.entityId)?.type === 'place'), tokens, annotator);
  for (const m of kbMatches) {
    if (overruled.has(m)) continue;
    const entity = gazetteer.entities.get(m.surface.entityId)!;
    if (m.surface.short && !establishedPeople.has(entity.id) && gazetteer.ambiguousShort.has(tokens[m.from]!.key)) continue;
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

  const generated = new Map<string, Entity>();
  const wordsOf = (from: number, to: number): Token[] => tokens.slice(from, to).filter((t) => t.word && !HONORIFICS.has(t.key));
  const idOf = (n: RecognisedName, label: string): string => {
    const slug = slugify(label) || `name-${n.from}`;
    return gazetteer.entities.has(slug) ? `${slug}-${n.type}` : slug;
  };
  const labelOf = (n: RecognisedName): string => text.slice(tokens[n.from]!.start, tokens[n.to - 1]!.end).replace(/\s+/g, ' ');
  // The article's context for linking: its names' words, and what the hand-written names it matched are.
  const curatedIds = candidates.filter((c) => c.entityId && !(c.type === 'person' && c.to - c.from < 2)).map((c) => c.entityId!);
  const context: LinkContext = { words: new Set(), named: new Set(curatedIds) };
  for (const n of names) contextWords(` ${labelOf(n)}`, context.words);
  for (const id of context.named) {
    const e = gazetteer.entities.get(id);
    if (e) contextWords(e.description, contextWords(` ${e.label}`, context.words));
  }
  const links = new Map<RecognisedName, Link>();
  // How many sources put each entity and word into the context, so that one name's own link can be
  // taken out of the context it is linked in again (a name must not vouch for itself).
  const namedCount = new Map([...context.named].map((id) => [id, 1]));
  const wordCount = new Map([...context.words].map((w) => [w, 1]));
  const contributions = new Map<RecognisedName, { id: string; words: string[] }>();
  const shift = (c: { id: string; words: string[] }, by: 1 | -1): void => {
    for (const [key, counts, set] of [[c.id, namedCount, context.named], ...c.words.map((w) => [w, wordCount, context.words] as const)] as const) {
      const n = (counts.get(key) ?? 0) + by;
      counts.set(key, n);
      if (n > 0) set.add(key);
      else set.delete(key);
    }
  };
  // Twice: what the first round links surely adds its descriptions to the context of the second.
  for (let round = 0; round < 2; round++) {
    for (const n of names) {
      const words = wordsOf(n.from, n.to).map((t) => t.text);
      if (n.type === 'person' && words.length === 1) continue;
      const own = round === 1 ? contributions.get(n) : undefined;
      if (own) shift(own, -1);
      const l = link(annotator.names, words, n.type, context);
      if (own) shift(own, 1);
      links.set(n, l);
      if (round === 0 && l.entityId && l.confidence >= UNCERTAIN) {
        const contribution = { id: l.entityId, words: [...contextWords(gazetteer.entities.get(l.entityId)?.description ?? '')] };
        contributions.set(n, contribution);
        shift(contribution, 1);
      }
    }
  }
  const idOfName = new Map(names.map((n) => [n, links.get(n)?.entityId ?? idOf(n, labelOf(n))]));
  // Short forms that stand for a name given in full earlier in the article (or anywhere in it, for
  // a headline): a person's surname ("Blair"), a word of an organisation's name ("Tessellate",
  // "United" after "Manchester United").
  const surnames = new Map<string, string>();
  const shortNames = new Map<string, { id: string; type: EntityType; from: number }>();
  const fullNames = [
    ...candidates.filter((c) => c.entityId && (c.type === 'person' || c.type === 'organization')).map((c) => ({ from: c.from, to: c.to, type: c.type, id: c.entityId! })),
    ...names.filter((n) => n.type === 'person' || n.type === 'organization').map((n) => ({ from: n.from, to: n.to, type: n.type, id: idOfName.get(n)! })),
  ].sort((x, y) => x.from - y.from);
  for (const f of fullNames) {
    const words = wordsOf(f.from, f.to);
    if (words.length < 2) continue;
    if (f.type === 'person' && !surnames.has(words[words.length - 1]!.key)) surnames.set(words[words.length - 1]!.key, f.id);
    if (f.type === 'organization') for (const w of [words[0]!, words[words.length - 1]!]) if (!shortNames.has(w.key) && distinctive(w, annotator.recogniser.lexicon)) shortNames.set(w.key, { id: f.id, type: f.type, from: f.from });
  }
  for (const n of names) {
    const label = labelOf(n);
    const words = wordsOf(n.from, n.to);
    const linked = links.get(n);
    let id = idOfName.get(n)!;
    let method = linked?.entityId ? 'ner:linked' : 'ner';
    let confidence = linked?.entityId ? Math.min(0.95, linked.confidence) : 0.75;
    if (words.length === 1 && n.type === 'person') {
      // A surname alone is the person named in full in this article, or stays this article's own.
      const full = surnames.get(words[0]!.key);
      // Or, read as a person, a word of an organisation named in full before it ("Meridian denied…" after "Meridian Health Trust").
      const organisation = shortNames.get(words[0]!.key);
      if (full) {
        id = full;
        method = 'rule:surname';
        confidence = 0.8;
      } else if (organisation?.type === 'organization' && organisation.from < n.from) {
        id = organisation.id;
        method = 'rule:short-name';
        confidence = 0.7;
      } else id = articleScoped(id, article.id);
    } else if (words.length === 1 && shortNames.get(words[0]!.key)?.type === n.type && !(linked?.entityId && linked.confidence >= UNCERTAIN)) {
      id = shortNames.get(words[0]!.key)!.id;
      method = 'rule:short-name';
      confidence = 0.75;
    }
    const known = gazetteer.entities.get(id);
    const type = known ? known.type : (generated.get(id)?.type ?? n.type);
    if (!known && !generated.has(id)) {
      generated.set(id, { id, type, label, aliases: [], adjectivals: [], description: `${type === 'organization' ? 'Organisation' : type[0]!.toUpperCase() + type.slice(1)} named in the corpus; not in the knowledge base`, generated: true });
    }
    const alternatives = linked && id === idOfName.get(n) && (!linked.entityId || linked.confidence < UNCERTAIN) ? linked.alternatives.slice(0, 5) : [];
    candidates.push({ start: tokens[n.from]!.start, end: tokens[n.to - 1]!.end, type, entityId: id, form: 'name', value: null, method, confidence, priority: 2, from: n.from, to: n.to, alternatives });
  }

  // A short form the recogniser passed over ("Meridian denied…" after "Meridian Health Trust"):
  // a capitalised word that stands alone and is the surname or a word of a name given in full.
  const covered = new Uint8Array(tokens.length);
  for (const c of candidates) covered.fill(1, c.from, c.to);
  tokens.forEach((t, i) => {
    if (covered[i] || other[i] || !t.word || !/^\p{Lu}\p{Ll}/u.test(t.text) || t.gap === 'none' || t.gap === 'hyphen') return;
    if (/^\p{Ll}/u.test(annotator.recogniser.lexicon.get(t.key) ?? 'X')) return;
    const next = tokens[i + 1];
    if (next && next.word && /^\p{Lu}/u.test(next.text) && next.gap === 'space') return;
    const prev = tokens[i - 1];
    if (prev && prev.word && /^\p{Lu}/u.test(prev.text) && t.gap === 'space' && !t.sentenceStart) return;
    const person = surnames.get(t.key);
    const org = shortNames.get(t.key);
    const id = person ?? org?.id;
    if (!id) return;
    const type = person ? 'person' : org!.type;
    candidates.push({ start: t.start, end: t.end, type, entityId: id, form: 'name', value: null, method: person ? 'rule:surname' : 'rule:short-name', confidence: 0.7, priority: 2, from: i, to: i + 1 });
  });

  for (const d of findDates(text, article.published)) {
    // A time expression stays inside its paragraph ("Sept." ending one line is not a date with the "5" opening the next).
    if (!view.blocks.some((b) => b.start <= d.start && d.end <= b.end)) continue;
    candidates.push({ start: d.start, end: d.end, type: 'date', entityId: null, form: 'name', value: d.value, method: 'rule:date', confidence: 0.9, priority: 1, from: -1, to: -1 });
  }

  const kept = resolveOverlaps(candidates.map((c) => withHonorific(c, tokens)));
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
      ...(c.alternatives?.length ? { alternatives: c.alternatives } : {}),
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
