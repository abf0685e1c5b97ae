import type { Entity } from '../types.ts';
import { assignIds, type KbEntry } from './ids.ts';
import { mergeRecords, type DropReason } from './merge.ts';
import { CAPITAL_FLOOR, COUNTRY_FLOOR } from './popularity.ts';
import type { SourceRead, SourceRecord } from './record.ts';
import { SOURCES } from './sources/index.ts';

/** What `npm run kb` made and what it left out. */
export interface KbBuild {
  entries: KbEntry[];
  /** Per source: rows read, rows skipped, lines repaired, records kept. */
  sources: Array<{ name: string; rows: number; skipped: number; repaired: number; records: number }>;
  /** Items dropped, by reason. */
  dropped: Record<DropReason, number>;
}

/** Merges source records into knowledge-base entries, ids settled against the hand-written entries. */
export function buildFromRecords(records: SourceRecord[], handWritten: Entity[]): Pick<KbBuild, 'entries' | 'dropped'> {
  const { items, dropped } = mergeRecords(records);
  // A country of the hand-written knowledge base (what a capital stands for) and its capital are
  // never obscure, whatever the sources say (a description "republic with mainland in Europe...",
  // no population for Berlin or Beijing, so only FB15k-237's floor of 30).
  const countryIds = new Set(handWritten.flatMap((e) => (e.capitalOf ? [e.capitalOf] : [])));
  const floors = new Map<string, number>();
  for (const e of handWritten) {
    if (!e.wikidata) continue;
    if (countryIds.has(e.id)) floors.set(e.wikidata, COUNTRY_FLOOR);
    else if (e.capitalOf) floors.set(e.wikidata, CAPITAL_FLOOR);
  }
  const floored = items.map((item) => {
    const floor = floors.get(item.wikidata) ?? 0;
    return item.popularity < floor ? { ...item, popularity: floor, sources: { ...item.sources, popularity: 'entities.json' } } : item;
  });
  return { entries: assignIds(floored, handWritten), dropped };
}

/** Reads every source of `corpora/wikidata/` and builds the knowledge base's Wikidata-derived entries. */
export function buildKnowledgeBase(sourceDir: string, handWritten: Entity[], readers: Array<[string, (dir: string) => SourceRead]> = SOURCES): KbBuild {
  const records: SourceRecord[] = [];
  const sources: KbBuild['sources'] = [];
  for (const [name, read] of readers) {
    const result = read(sourceDir);
    records.push(...result.records);
    sources.push({ name, rows: result.rows, skipped: result.skipped, repaired: result.repaired, records: result.records.length });
  }
  return { ...buildFromRecords(records, handWritten), sources };
}
