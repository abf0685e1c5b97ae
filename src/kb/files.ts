import type { KbType } from './record.ts';
import type { KbEntry } from './ids.ts';
import type { FieldSources } from './merge.ts';

/** One file of `_data/kb/`: its name and the entries it holds. */
export interface KbFile {
  name: string;
  entries: KbEntry[];
}

/** At most this many bytes a file, well under the 15 MB a file may have. */
export const MAX_FILE_BYTES = 10_000_000;

const FIELD_ORDER = ['id', 'type', 'label', 'aliases', 'partialAliases', 'commonNames', 'description', 'popularity', 'wikidata', 'sources'] as const;

/**
 * An entry's sources as the file stores them: one name when every field came from one source
 * (most entries), else the object with its fields in a fixed order. `expandSources` undoes it.
 */
export function compactSources(sources: FieldSources): string | FieldSources {
  const { type, label, description, popularity, aliases } = sources;
  const all = [type, label, popularity, ...(description ? [description] : []), ...(aliases ?? [])];
  if (all.every((s) => s === type)) return type;
  return { type, label, ...(description ? { description } : {}), popularity, ...(aliases ? { aliases } : {}) };
}

/** The sources of a stored entry, given its fields: the inverse of `compactSources`. */
export function expandSources(stored: string | FieldSources, has: { description: boolean; aliases: boolean }): FieldSources {
  if (typeof stored !== 'string') return stored;
  return { type: stored, label: stored, ...(has.description ? { description: stored } : {}), popularity: stored, ...(has.aliases ? { aliases: [stored] } : {}) };
}

/** One entry as one line of JSON, fields in a fixed order, empty lists left out. */
export function entryLine(entry: KbEntry): string {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = entry[key as keyof KbEntry];
    if (Array.isArray(value) && !value.length) continue;
    if (value === '' && key !== 'description') continue;
    out[key] = key === 'sources' ? compactSources(entry.sources) : value;
  }
  return JSON.stringify(out);
}

/** A JSON array with one entry a line: readable in a diff, parsed in one call. */
export function fileText(entries: KbEntry[]): string {
  return entries.length ? `[\n${entries.map(entryLine).join(',\n')}\n]\n` : '[]\n';
}

/**
 * Splits the entries into files by type, and a type whose file would pass MAX_FILE_BYTES into
 * parts by the first character of the id (`place-a-k.json`, ...), so a change to one entry
 * touches one file and files stay under the limit. Entries are in id order throughout.
 */
export function layoutFiles(entries: KbEntry[]): KbFile[] {
  const files: KbFile[] = [];
  const types: KbType[] = ['event', 'organization', 'person', 'place'];
  for (const type of types) {
    const ofType = entries.filter((e) => e.type === type);
    const bytes = Buffer.byteLength(fileText(ofType));
    const parts = Math.ceil(bytes / MAX_FILE_BYTES);
    if (parts <= 1) {
      files.push({ name: `${type}.json`, entries: ofType });
      continue;
    }
    for (const [from, to] of letterRanges(parts)) {
      const part = ofType.filter((e) => e.id[0]! >= from && e.id[0]! <= to);
      files.push({ name: `${type}-${from}-${to}.json`, entries: part });
    }
  }
  return files;
}

/** Id's first characters (0-9 then a-z) in `parts` contiguous ranges of similar size in the alphabet. */
function letterRanges(parts: number): Array<[string, string]> {
  const chars = '0123456789abcdefghijklmnopqrstuvwxyz';
  const size = Math.ceil(chars.length / parts);
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < chars.length; i += size) ranges.push([chars[i]!, chars[Math.min(i + size, chars.length) - 1]!]);
  return ranges;
}
