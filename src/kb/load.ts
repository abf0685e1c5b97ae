import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../annotate/knowledge-base.ts';
import { parseJson } from '../ingest/index.ts';
import { error } from '../problems.ts';
import type { ContentProblem, Entity, EntitySources } from '../types.ts';
import { expandSources } from './files.ts';
import type { FieldSources } from './merge.ts';

/** One entry of a `_data/kb/*.json` file as stored (see `entryLine`). */
interface StoredEntry {
  id: string;
  type: Entity['type'];
  label: string;
  aliases?: string[];
  partialAliases?: string[];
  commonNames?: string[];
  description: string;
  popularity: number;
  wikidata: string;
  sources: string | FieldSources;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const QID = /^Q[1-9][0-9]*$/;
const TYPES = new Set(['person', 'organization', 'place', 'event']);
/** Office titles that the guidelines leave outside a person's span. */
const TITLED = /^(President|Vice President|Prime Minister|Chancellor|King|Queen|Prince|Princess|Pope|Senator|Governor|Mayor|General|Secretary|Minister|Premier|Emperor|Sultan|Sheikh|Chairman)\s/;
const REBUILD = 'rebuild the folder with npm run kb, or restore it from git';

/** What is wrong with a stored entry, or null: the cheap checks that keep loading under a second. */
function entryProblem(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'is not an object';
  const e = entry as Partial<StoredEntry>;
  if (typeof e.id !== 'string' || !ID.test(e.id)) return 'has no kebab-case "id"';
  if (!TYPES.has(e.type as string)) return `has the type ${JSON.stringify(e.type)}, not one of person, organization, place, event`;
  if (typeof e.label !== 'string' || !e.label) return 'has no "label"';
  if (typeof e.wikidata !== 'string' || !QID.test(e.wikidata)) return 'has no Wikidata QID in "wikidata"';
  if (typeof e.popularity !== 'number') return 'has no numeric "popularity"';
  for (const key of ['aliases', 'partialAliases', 'commonNames'] as const) if (e[key] !== undefined && !(Array.isArray(e[key]) && e[key]!.every((n) => typeof n === 'string' && n))) return `has a "${key}" that is not a list of names`;
  return null;
}

/** One empty list shared by every entry without adjectivals or aliases (frozen: the knowledge base is read, never changed). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * The stored entry as an Entity, made in place: parsed objects are not copied, and entries whose
 * fields came from one source share one frozen sources object, so 100,000 entries load fast.
 */
function toEntity(stored: StoredEntry, shared: Map<string, EntitySources>): Entity {
  const e = stored as unknown as Entity & { sources: string | FieldSources };
  e.aliases ??= NONE;
  e.adjectivals = NONE;
  if (typeof e.sources === 'string') {
    const has = { description: e.description !== '', aliases: e.aliases.length > 0 };
    const key = `${e.sources}|${has.description}|${has.aliases}`;
    let sources = shared.get(key);
    if (!sources) shared.set(key, (sources = Object.freeze(expandSources(e.sources, has))));
    e.sources = sources;
  }
  return e as Entity;
}

/** Reads the Wikidata-derived entries of `_data/kb/` (every `*.json` there, in name order). */
export function readDerivedEntries(kbDir: string, displayDir = '_data/kb'): KnowledgeBase {
  if (!existsSync(kbDir)) return { entities: [], problems: [] };
  const entities: Entity[] = [];
  const problems: ContentProblem[] = [];
  const shared = new Map<string, EntitySources>();
  for (const name of readdirSync(kbDir).filter((f) => f.endsWith('.json')).sort()) {
    const display = `${displayDir}/${name}`;
    const parsed = parseJson(readFileSync(join(kbDir, name), 'utf8'), display);
    if (!parsed.ok) {
      problems.push({ ...parsed.problem, message: parsed.problem.message.replace(/; fix the syntax.*$/, `; ${REBUILD}`) });
      continue;
    }
    if (!Array.isArray(parsed.value)) {
      problems.push(error(display, '', `is not a list of entities; ${REBUILD}`));
      continue;
    }
    let previous = '';
    parsed.value.forEach((entry: unknown, index) => {
      const wrong = entryProblem(entry) ?? ((entry as StoredEntry).id > previous ? null : `has the id "${(entry as StoredEntry).id}", not after "${previous}": the entries must be in id order, each id once`);
      if (wrong) problems.push(error(display, `at /${index} (line ${index + 2})`, `${wrong}; ${REBUILD}`));
      else {
        previous = (entry as StoredEntry).id;
        entities.push(toEntity(entry as StoredEntry, shared));
      }
    });
  }
  return { entities, problems };
}

function namesOf(entity: Entity): string[] {
  return [entity.label, ...entity.aliases, ...entity.adjectivals];
}

/**
 * Puts the hand-written entries and the Wikidata-derived ones together. A hand-written entry wins
 * where it speaks: the derived entry with its QID gives it only what it lacks (popularity, the
 * surname as a partial alias, and names as aliases where no other hand-written entry has them).
 * A derived entry whose id a hand-written entry without its QID took becomes `ID-qNNN`. Names
 * shared between derived entries, or between a derived and a hand-written entry, are left for the
 * linker to tell apart.
 */
export function mergeHandWritten(hand: Entity[], derived: Entity[]): { entities: Entity[]; problems: ContentProblem[] } {
  const owner = new Map<string, string>();
  for (const h of hand) for (const n of namesOf(h)) owner.set(n.toLowerCase(), h.id);
  const byQid = new Map(hand.filter((h) => h.wikidata).map((h) => [h.wikidata!, h]));
  // Derived ids are unique (npm run kb makes them so, and each file is checked to be in id order):
  // only the hand-written ids need a set, which keeps 100,000 ids out of a hash table.
  const ids = new Set(hand.map((h) => h.id));
  const merged = new Map<string, Entity>();
  const rest: Entity[] = [];
  const problems: ContentProblem[] = [];
  for (const d of derived) {
    const h = d.wikidata ? byQid.get(d.wikidata) : undefined;
    if (h) {
      const own = new Set(namesOf(h).map((n) => n.toLowerCase()));
      // A derived name with a lower-case "the" ("the US") or an office title ("President Donald Trump")
      // would match words the guidelines leave outside the span.
      const free = (n: string): boolean => !/^the\s/.test(n) && !TITLED.test(n) && !own.has(n.toLowerCase()) && (owner.get(n.toLowerCase()) ?? h.id) === h.id;
      const aliases = [...h.aliases, ...[d.label, ...d.aliases].filter(free)];
      const partialAliases = (d.partialAliases ?? []).filter(free);
      // The hand-written names are the user's word: only names the merge adds are flagged.
      const added = new Set([...aliases.slice(h.aliases.length), ...partialAliases]);
      const commonNames = (d.commonNames ?? []).filter((n) => added.has(n));
      const sources: EntitySources = {
        type: 'entities.json',
        label: 'entities.json',
        description: 'entities.json',
        popularity: d.sources?.popularity ?? '',
        ...(aliases.length ? { aliases: [...new Set([...(h.aliases.length ? ['entities.json'] : []), ...(aliases.length > h.aliases.length ? (d.sources?.aliases ?? []) : [])])] } : {}),
      };
      merged.set(h.id, { ...h, aliases, ...(partialAliases.length ? { partialAliases } : {}), ...(commonNames.length ? { commonNames } : {}), ...(d.popularity !== undefined ? { popularity: d.popularity } : {}), sources });
      continue;
    }
    if (!ids.has(d.id)) {
      rest.push(d);
      continue;
    }
    const renamed = `${d.id}-${(d.wikidata ?? 'x').toLowerCase()}`;
    if (ids.has(renamed)) {
      problems.push(error('_data/entities.json', `entry "${d.id}"`, `takes the id of the Wikidata-derived entry for ${d.wikidata} (${JSON.stringify(d.label)}) and of its fallback "${renamed}"; give the hand-written entry another id`));
      continue;
    }
    ids.add(renamed);
    rest.push({ ...d, id: renamed });
  }
  return { entities: [...hand.map((h) => merged.get(h.id) ?? h), ...rest], problems };
}

/**
 * The whole knowledge base: `_data/entities.json` (checked as `loadKnowledgeBase` checks it, two
 * hand-written entries still may not share a name) and the Wikidata-derived `_data/kb/`, merged.
 * `dataDir` is the `_data` folder.
 */
export function loadMergedKnowledgeBase(dataDir: string): KnowledgeBase {
  const hand = loadKnowledgeBase(join(dataDir, 'entities.json'), '_data/entities.json');
  if (hand.problems.length) return hand;
  const derived = readDerivedEntries(join(dataDir, 'kb'));
  if (derived.problems.length) return { entities: [], problems: derived.problems };
  const { entities, problems } = mergeHandWritten(hand.entities, derived.entities);
  return { entities: problems.length ? [] : entities, problems };
}
