import { STOP_LABELS } from './common-words.ts';
import { cleanName, derivedNames, hasOrganizationSuffix, isCommonName, surname } from './names.ts';
import { popularity } from './popularity.ts';
import type { KbType, SourceRecord } from './record.ts';
import { describesUnmarked, typeFromDescription } from './typing.ts';

/** Which source file each field of a merged entity came from (short names, as in SourceRecord.source). */
export interface FieldSources {
  type: string;
  label: string;
  description?: string;
  popularity: string;
  /** Every source that gave at least one kept alias. */
  aliases?: string[];
}

/** One Wikidata item, merged from every source that names it; ids come later. */
export interface MergedItem {
  wikidata: string;
  type: KbType;
  label: string;
  aliases: string[];
  partialAliases: string[];
  commonNames: string[];
  description: string;
  popularity: number;
  sources: FieldSources;
}

/** Why an item was dropped, for `npm run kb`'s report. */
export type DropReason = 'untyped' | 'no-usable-label' | 'junk-label' | 'small-place' | 'no-article';

/**
 * The order in which sources are trusted for a label or a description: Wikidata's English label
 * as FB15k-237 and the queries carry it first, the lists' own spellings last.
 */
const RANK: Array<[RegExp, number]> = [
  [/^fb15k$/, 0],
  [/^wikitrivia\//, 1],
  [/^places\/countries$/, 2],
  [/^places\//, 3],
  [/^us-congress$/, 4],
  [/^partyfacts$/, 5],
  [/^newspapers$/, 6],
  [/^football$/, 7],
  [/^brands\//, 8],
];

function rank(source: string): number {
  return RANK.find(([p]) => p.test(source))?.[1] ?? RANK.length;
}

/** Records ordered by trust, then by source name and label, so every choice below is deterministic. */
function byTrust(a: SourceRecord, b: SourceRecord): number {
  return rank(a.source) - rank(b.source) || compare(a.source, b.source) || compare(a.label, b.label) || compare(a.description ?? '', b.description ?? '');
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Labels of offices and titles, which FB15k-237 describes as people ("head of government"). */
const OFFICE = /^((Prime Minister|President|Vice President|Secretary|Minister|Chancellor|Governor|Mayor|Speaker|Chief Executive|Head|Leader|Member|Emperor|King|Queen|Monarch|Archbishop|Bishop|Chairman) of|(Secretary|Attorney|Surgeon|Director|Governor) General)\b/;

/** The type one record gives: its list's, else its description's. */
function recordType(r: SourceRecord): KbType | null {
  if (r.type) return r.type;
  const described = typeFromDescription(r.description);
  if (described !== 'person') return described;
  // "Apple Inc.: American producer of computers" is no person, whatever its description's head;
  // nor is an office ("Prime Minister of the United Kingdom: head of government...").
  if (hasOrganizationSuffix(r.label)) return 'organization';
  return OFFICE.test(r.label) ? null : 'person';
}

/**
 * The item's type. Each source votes: a list by what it lists, FB15k-237 and the queries also by
 * their description's head noun. The type with most votes wins; on a tie, the type of the most
 * trusted source (a newspaper list that gives a town's QID to the town's newspaper loses to the
 * list of places). Null when nothing types the item.
 */
function chooseType(records: SourceRecord[]): { type: KbType; source: string } | null {
  const votes = new Map<KbType, { count: number; best: number; source: string }>();
  const vote = (type: KbType | null, source: string): void => {
    if (!type) return;
    const v = votes.get(type) ?? { count: 0, best: Infinity, source };
    v.count++;
    if (rank(source) < v.best) Object.assign(v, { best: rank(source), source });
    votes.set(type, v);
  };
  for (const r of records) {
    // The list of places holds a few things that are not ("Italian trotter: horse breed").
    if (r.source.startsWith('places/') && describesUnmarked(r.description)) continue;
    vote(recordType(r), r.source);
  }
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count || a[1].best - b[1].best || compare(a[0], b[0]));
  return ranked.length ? { type: ranked[0]![0], source: ranked[0]![1].source } : null;
}

/** Places smaller than this, known only from the list of places, are left out. */
export const SMALL_PLACE = 1000;

/**
 * Whether an item is a village or hamlet of fewer than SMALL_PLACE inhabitants that only the list
 * of places knows: about 23,000 of them ("Paris, Virginia", 51 people), rarely in the news, each
 * one more wrong candidate for a common name, and a fifth of the file size.
 */
function isSmallPlace(records: SourceRecord[]): boolean {
  return records.every((r) => r.source.startsWith('places/') && r.population !== undefined && r.population < SMALL_PLACE);
}

/** Two-letter names that are the hand-written knowledge base's (countries, unions): never an organisation's alias. */
const RESERVED_CODES = new Set(['US', 'UK', 'EU', 'UN']);

/** Whether a name can serve as a label or an alias: clean, with a capital letter somewhere. */
function usable(name: string): string | null {
  const clean = cleanName(name);
  return clean && /\p{Lu}/u.test(clean) ? clean : null;
}

/** The initials of a name's capitalised words ("Hewlett Packard" → "HP", "University of Michigan" → "UM"). */
function initials(name: string): string {
  return name.split(/[\s\-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/**
 * An organisation's two-capital aliases that are the initials of one of its names ("HP" for
 * Hewlett Packard, "GE", "AP"); other two-letter codes (airline codes, "MS" for Microsoft, the
 * country codes a place would have) stay out, as do the hand-written knowledge base's US, UK, EU, UN.
 */
function initialisms(records: SourceRecord[]): string[] {
  const names = records.flatMap((r) => [r.label, ...r.aliases]);
  const own = new Set(names.map(initials));
  return names.map((n) => n.trim()).filter((n) => /^\p{Lu}{2}$/u.test(n) && !RESERVED_CODES.has(n) && own.has(n));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Merges the records of one Wikidata item into one entity: type, label, description and
 * popularity from the most trusted source that has them, aliases from all of them (cleaned, plus
 * derived forms), a person's surname as a partial alias, and the names that are also ordinary
 * English words listed in `commonNames`.
 */
export function mergeItem(qid: string, records: SourceRecord[]): MergedItem | DropReason {
  const typed = chooseType(records);
  if (!typed) return 'untyped';
  if (isSmallPlace(records)) return 'small-place';
  // Known only from the queries, with no Wikipedia article in any language: often a broken item ("David, UK prime minister").
  if (records.every((r) => r.source.startsWith('wikitrivia/') && r.sitelinks === 0)) return 'no-article';
  const { type } = typed;
  // A record that says the item is something else carries a wrong QID: its names are not this item's.
  const sorted = records.filter((r) => (recordType(r) ?? type) === type).sort(byTrust);
  let label: string | null = null;
  let labelSource = '';
  for (const r of sorted) {
    label = usable(r.label);
    if (label) {
      labelSource = r.source;
      break;
    }
  }
  if (!label) return 'no-usable-label';
  if (STOP_LABELS.has(label.toLowerCase())) return 'junk-label';

  const described = sorted.find((r) => r.description && r.description.trim());
  const description = described ? capitalise(described.description!.replace(/\s+/g, ' ').trim()) : '';
  const last = type === 'person' ? surname(label, description) : null;

  const aliasSources = new Map<string, Set<string>>();
  const addAlias = (name: string, source: string): void => {
    if (name === label) return;
    aliasSources.set(name, (aliasSources.get(name) ?? new Set()).add(source));
  };
  const partials = new Set<string>();
  for (const r of sorted) {
    const own = [r.label, ...r.aliases].map(usable).filter((n): n is string => n !== null);
    for (const name of own) {
      const oneWord = !/\s/.test(name);
      if (type === 'person' && oneWord) {
        // A person's one-word alias is their surname (a partial alias) or a nickname: left out.
        if (name === last) partials.add(name);
        continue;
      }
      addAlias(name, r.source);
    }
    for (const name of derivedNames(type, [r.label, ...r.aliases].map((n) => n.replace(/\s+/g, ' ').trim()))) {
      const clean = usable(name);
      if (clean) addAlias(clean, r.source);
    }
  }
  if (type === 'organization') for (const code of initialisms(sorted)) addAlias(code, sorted.find((r) => r.aliases.includes(code) || r.label === code)!.source);
  if (last && last !== label && !aliasSources.has(last)) partials.add(last);
  const aliases = [...aliasSources.keys()].sort(compare);
  const partialAliases = [...partials].filter((p) => p !== label && !aliasSources.has(p)).sort(compare);
  const commonNames = [label, ...aliases, ...partialAliases].filter(isCommonName).sort(compare);
  const pop = popularity(sorted, type);
  const aliasFrom = [...new Set([...aliasSources.values()].flatMap((s) => [...s]))].sort(compare);
  const sources: FieldSources = { type: typed.source, label: labelSource, ...(described ? { description: described.source } : {}), popularity: pop.source, ...(aliasFrom.length ? { aliases: aliasFrom } : {}) };
  return { wikidata: qid, type, label, aliases, partialAliases, commonNames, description, popularity: pop.value, sources };
}

/** Groups records by QID (in QID order, numerically) and merges each group; counts what was dropped and why. */
export function mergeRecords(records: SourceRecord[]): { items: MergedItem[]; dropped: Record<DropReason, number> } {
  const groups = new Map<string, SourceRecord[]>();
  for (const r of records) groups.set(r.qid, [...(groups.get(r.qid) ?? []), r]);
  const qids = [...groups.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const dropped: Record<DropReason, number> = { untyped: 0, 'no-usable-label': 0, 'junk-label': 0, 'small-place': 0, 'no-article': 0 };
  const items: MergedItem[] = [];
  for (const qid of qids) {
    const merged = mergeItem(qid, groups.get(qid)!);
    if (typeof merged === 'string') dropped[merged]++;
    else items.push(merged);
  }
  return { items, dropped };
}
