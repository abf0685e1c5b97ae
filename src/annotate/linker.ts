/**
 * Linking a recognised name to the knowledge base, in context. Candidates are the entities with
 * that name (label or alias) and a type the recogniser agrees with; a surname only links after its
 * full name in the same article. The choice weighs each candidate's popularity prior and how well
 * its description fits the article's other names (a "Paris" near "France" is the capital, a
 * "Georgia" near "Atlanta" the state). When unsure, nothing is linked: a wrong Wikidata link is
 * worse than none, and the candidates are kept to show as alternatives.
 */
import type { Entity, EntityType } from '../types.ts';
import { EdgeTable } from './edges.ts';
import { tokenizeName } from './gazetteer.ts';
import { hashKey } from './tagger/hash.ts';

/** How an entity's name was given. */
export type SurfaceKind = 'name' | 'partial';

/** One name of an entity, as the index holds it. */
export interface IndexedName {
  entity: Entity;
  kind: SurfaceKind;
  /** The name is an ordinary English word ("Reading", "Next"). */
  common: boolean;
}

/** Every name of the knowledge base, as a word trie keyed by hashes. */
export interface NameIndex {
  edges: EdgeTable;
  names: Array<IndexedName[] | undefined>;
  entities: Map<string, Entity>;
  /** How telling each capitalised word of a description is: the log of its inverse frequency among all descriptions. */
  weights: Map<string, number>;
}

/** A word as names are compared: lower case, accents dropped ("Gdansk" is "Gdańsk"). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

/** Indexes the labels, aliases and partial aliases (surnames) of every entity. */
export function indexNames(entities: Entity[]): NameIndex {
  const index: NameIndex = { edges: new EdgeTable(entities.length * 4), names: [undefined], entities: new Map(entities.map((e) => [e.id, e])), weights: new Map() };
  const add = (entity: Entity, name: string, kind: SurfaceKind, common: boolean): void => {
    const words = tokenizeName(name).tokens;
    if (!words.length) return;
    let node = 0;
    for (const w of words) {
      const hash = hashKey(fold(w));
      let next = index.edges.get(node, hash);
      if (next < 0) {
        next = index.names.length;
        index.names.push(undefined);
        index.edges.set(node, hash, next);
      }
      node = next;
    }
    const list = (index.names[node] ??= []);
    if (!list.some((n) => n.entity === entity)) list.push({ entity, kind, common });
  };
  const frequency = new Map<string, number>();
  for (const e of entities) {
    const common = new Set(e.commonNames ?? []);
    for (const name of [e.label, ...e.aliases]) add(e, name, 'name', common.has(name));
    for (const name of e.partialAliases ?? []) add(e, name, 'partial', common.has(name));
    for (const w of contextWords(e.description)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  for (const [w, n] of frequency) index.weights.set(w, Math.log(entities.length / n));
  return index;
}

/** The entities named exactly by these words (compared in lower case). */
export function namesOf(index: NameIndex, words: string[]): IndexedName[] {
  let node = 0;
  for (const w of words) {
    const next = index.edges.get(node, hashKey(fold(w)));
    if (next < 0) return [];
    node = next;
  }
  return index.names[node] ?? [];
}

/** What the linker knows of the article around a name. */
export interface LinkContext {
  /** Lower-case capitalised words of the article's names and of the descriptions of what it linked surely. */
  words: Set<string>;
  /** Entities the article has already named in full (surnames may stand for them). */
  named: Set<string>;
}

/** The linker's decision for one name. */
export interface Link {
  /** The chosen entity, or null when unsure. */
  entityId: string | null;
  /** 0 to 1. */
  confidence: number;
  /** Other candidates, most likely first: shown beside an uncertain link or an unlinked name. */
  alternatives: string[];
}

/** Below this confidence a name stays unlinked. */
export const LINK_THRESHOLD = 0.5;
/** From this popularity (a hundred Wikipedias) an entity is known well enough that its name, even an ordinary word ("Arsenal"), found as a name of its type is taken for it. */
const FAMOUS = 100;
/** Below this popularity (a town of about 5,000, a brand few Wikipedias know) an entity needs support from the article to be linked. */
const OBSCURE = 15;
/**
 * The same for an organisation: the lists of brands and parties give no popularity, only the floor
 * of 10 (popularity.ts), which says "a brand or party someone listed", not "obscure"; a name the
 * recogniser read as an organisation is rarely a village or a person of the same name.
 */
const OBSCURE_ORGANISATION = 10;

const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]{2,}/gu;

/**
 * The lower-case capitalised words of a text ("capital of France" → france), but the first word,
 * which a description capitalises whatever it is ("City in Texas").
 */
export function contextWords(text: string, into = new Set<string>()): Set<string> {
  for (const m of text.matchAll(CAPITALISED)) if (m.index! > 0) into.add(m[0].toLowerCase());
  return into;
}

/** Descriptions of a settlement, which news names more often than the region of the same name ("Utrecht", "New York"). */
const SETTLEMENT = /^(?:[\p{L}-]+ )?(?:city|capital|town|municipality|borough|commune|comune|village|metropolis|port city)\b/iu;

/**
 * How well a candidate's description fits the article: the article's words it shares, each
 * weighed by how rare it is among descriptions ("Kentucky" says more than "United States"), up to 3.
 */
function fit(index: NameIndex, entity: Entity, context: LinkContext, own: Set<string>): number {
  let n = 0;
  for (const w of contextWords(entity.description)) if (context.words.has(w) && !own.has(w)) n += (index.weights.get(w) ?? 0) / 5;
  return Math.min(n, 3);
}

/** Confidence in a lone candidate: better-known entities and unusual names are surer. */
function prior(entity: Entity, common: boolean): number {
  const p = Math.min(1, Math.log1p(entity.popularity ?? 30) / Math.log1p(50));
  return 0.6 + 0.35 * p - (common ? 0.2 : 0);
}

/** A candidate's weight before context: popularity is already on a log-like scale (sitelinks, or 20·log10 of population), so its square root. */
function weight(entity: Entity): number {
  return Math.sqrt(entity.popularity ?? 30);
}

/**
 * Chooses the entity a recognised name refers to: among the entities with that name and a
 * matching type, the one with the best popularity prior and fit with the article; null when no
 * candidate is sure enough. A surname counts only for someone the article named in full, and a
 * name that is an ordinary word ("United") only where the article supports the entity.
 */
export function link(index: NameIndex, words: string[], type: Exclude<EntityType, 'date'>, context: LinkContext): Link {
  const own = new Set(words.map((w) => w.toLowerCase()));
  const allowed = (n: IndexedName): boolean => {
    if (n.entity.type !== type) return false;
    if (context.named.has(n.entity.id)) return true;
    if (n.kind === 'partial') return false;
    return !n.common || (n.entity.popularity ?? 0) >= FAMOUS || fit(index, n.entity, context, own) >= 0.5;
  };
  const candidates = namesOf(index, words).filter(allowed);
  if (!candidates.length) return { entityId: null, confidence: 0, alternatives: [] };
  const scored = candidates
    .map((c) => ({ c, score: score(index, c.entity, context, own) }))
    .sort((a, b) => b.score - a.score || (a.c.entity.id < b.c.entity.id ? -1 : 1));
  const best = scored[0]!;
  const total = scored.reduce((sum, s) => sum + Math.exp(s.score - best.score), 0);
  let confidence = Math.round(prior(best.c.entity, best.c.common) * (1 / total) * 100) / 100;
  // An obscure entity (a village, a minor brand) is the name's referent only when the article says so.
  const obscure = best.c.entity.type === 'organization' ? OBSCURE_ORGANISATION : OBSCURE;
  if ((best.c.entity.popularity ?? 30) < obscure && !context.named.has(best.c.entity.id) && fit(index, best.c.entity, context, own) < 0.5) confidence = Math.min(confidence, LINK_THRESHOLD - 0.05);
  const alternatives = scored.map((s) => s.c.entity.id);
  if (confidence < LINK_THRESHOLD) return { entityId: null, confidence, alternatives };
  return { entityId: best.c.entity.id, confidence, alternatives: alternatives.slice(1) };
}

/** A candidate's score: its popularity, how well it fits the article, whether the article named it, and a settlement's edge over a region of its name. */
function score(index: NameIndex, entity: Entity, context: LinkContext, own: Set<string>): number {
  const named = context.named.has(entity.id) ? 3 : 0;
  const settlement = entity.type === 'place' && SETTLEMENT.test(entity.description) ? 1.5 : 0;
  return weight(entity) + 1.5 * fit(index, entity, context, own) + named + settlement + (within(index, entity, context) || holds(index, entity, context) ? CONTAINER : 0);
}

/**
 * Whether a place the article links to is described as in this place, as this place's own
 * description places it: "Atlanta" ("city of Georgia, United States") for the Georgia that is a
 * "State of the United States", not the country.
 */
function holds(index: NameIndex, entity: Entity, context: LinkContext): boolean {
  if (entity.type !== 'place') return false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${entity.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ([\\p{Lu}][\\p{L} ]+)`, 'u');
  for (const id of context.named) {
    const place = index.entities.get(id);
    if (!place || place.id === entity.id || place.type !== 'place') continue;
    const m = pattern.exec(place.description);
    if (m && entity.description.includes(m[1]!.trim())) return true;
  }
  return false;
}

const COUNTRY_OF = /^(?:sovereign state|country|island country|island nation|landlocked country|transcontinental country)\b/i;

/** The edge a place gets when the article names the place its description puts it in ("City in Lamar County, Texas"). */
const CONTAINER = 6;

/** Whether a place's description names a place the article links to ("Paris" in an article that names Texas). */
function within(index: NameIndex, entity: Entity, context: LinkContext): boolean {
  if (entity.type !== 'place') return false;
  for (const id of context.named) {
    const container = index.entities.get(id);
    // A country says too little: every place of the United States names it ("…, United States of America").
    if (!container || container.id === entity.id || container.type !== 'place' || container.label.length < 3 || container.adjectivals.length > 0 || COUNTRY_OF.test(container.description)) continue;
    const at = entity.description.indexOf(container.label);
    if (at < 0) continue;
    const before = entity.description[at - 1];
    const after = entity.description[at + container.label.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}
