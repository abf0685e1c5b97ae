import type { Entity } from '../types.ts';
import { assignIds, type KbEntry } from './ids.ts';
import { mergeRecords, type DropReason } from './merge.ts';
import { COUNTRY_FLOOR } from './popularity.ts';
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
  // A country of the hand-written knowledge base (what a capital stands for) is never obscure,
  // whatever its Wikidata description says ("republic with mainland in Europe...").
  const capitals = new Set(handWritten.flatMap((e) => (e.capitalOf ? [e.capitalOf] : [])));
  const countries = new Set(handWritten.filter((e) => capitals.has(e.id) && e.wikidata).map((e) => e.wikidata!));
  const floored = items.map((item) => (countries.has(item.wikidata) && item.popularity < COUNTRY_FLOOR ? { ...item, popularity: COUNTRY_FLOOR, sources: { ...item.sources, popularity: 'entities.json' } } : item));
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
