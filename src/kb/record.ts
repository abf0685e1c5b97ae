import type { EntityType } from '../types.ts';

/** The entity types the knowledge base holds (dates are never entries). */
export type KbType = Exclude<EntityType, 'date'>;

/**
 * What one row of one source file says about one Wikidata item, before merging. `source` names
 * the file as `_data/kb/` records it ("fb15k", "places/items0", "wikitrivia/uk-prime-ministers-taking-office").
 */
export interface SourceRecord {
  /** Wikidata QID ("Q9545"). */
  qid: string;
  /** Short name of the source file. */
  source: string;
  /** The type the source implies, or null when it cannot say (FB15k-237 types come from the description). */
  type: KbType | null;
  /** The source's name for the item. */
  label: string;
  /** Other names the source gives, raw (cleaned later). */
  aliases: string[];
  /** The source's one-line description, when it has one. */
  description?: string;
  /** How many Wikipedias have an article on the item. */
  sitelinks?: number;
  /** Inhabitants, for places. */
  population?: number;
}

/** What reading one source gave: its records and how many rows it had to skip or repair. */
export interface SourceRead {
  records: SourceRecord[];
  /** Rows read. */
  rows: number;
  /** Rows skipped: no QID, a malformed QID, no usable name. */
  skipped: number;
  /** Lines repaired (two JSON objects run together on one line). */
  repaired: number;
}

const QID = /^Q[1-9][0-9]*$/;

/** A QID from a bare id or a Wikidata entity address; null when it is not one. */
export function toQid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim().replace(/^https?:\/\/www\.wikidata\.org\/(entity|wiki)\//, '');
  return QID.test(id) ? id : null;
}

/** An empty read, to which a reader adds. */
export function emptyRead(): SourceRead {
  return { records: [], rows: 0, skipped: 0, repaired: 0 };
}
