import { slugify } from '../ingest/index.ts';
import type { Entity } from '../types.ts';
import { compare, type MergedItem } from './merge.ts';

/** A merged item with its id: the knowledge base's Wikidata-derived entry. */
export type KbEntry = MergedItem & { id: string };

/** Letters NFKD does not take apart, spelled as English writes them, so "Racławice" slugs as "raclawice". */
const SPELLED: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H' };

function slug(label: string): string {
  return slugify(label.replace(/[łŁøØæÆœŒßđĐðÐþÞıħĦ]/g, (c) => SPELLED[c] ?? c));
}

function qidNumber(qid: string): number {
  return Number(qid.slice(1));
}

/**
 * Gives each item a readable, unique, stable id. A hand-written entry's id goes to the item with
 * its QID; every other hand-written id is reserved. Among the rest, items whose labels make the
 * same slug are taken most popular first (then lowest QID): the first gets the bare slug when it
 * is free, the others `slug-q12345`.
 */
export function assignIds(items: MergedItem[], handWritten: Entity[]): KbEntry[] {
  const byQid = new Map(handWritten.filter((e) => e.wikidata).map((e) => [e.wikidata!, e.id]));
  const taken = new Set(handWritten.map((e) => e.id));
  const order = [...items].sort((a, b) => b.popularity - a.popularity || qidNumber(a.wikidata) - qidNumber(b.wikidata));
  const ids = new Map<string, string>();
  for (const item of order) {
    const hand = byQid.get(item.wikidata);
    if (hand) {
      ids.set(item.wikidata, hand);
      continue;
    }
    const base = slug(item.label);
    const qualified = base ? `${base}-${item.wikidata.toLowerCase()}` : item.wikidata.toLowerCase();
    const id = base && !taken.has(base) ? base : qualified;
    taken.add(id);
    ids.set(item.wikidata, id);
  }
  return items.map((item) => ({ id: ids.get(item.wikidata)!, ...item })).sort((a, b) => compare(a.id, b.id));
}
