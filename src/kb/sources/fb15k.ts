import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRead, toQid, type SourceRead } from '../record.ts';

interface Fb15kEntry {
  wikidata_id?: unknown;
  label?: unknown;
  alternatives?: unknown;
  description?: unknown;
}

/** `fb15k-237-entity2wikidata.json`: one object keyed by Freebase id; types come later, from the descriptions. */
export function readFb15k(dir: string): SourceRead {
  const read = emptyRead();
  const data = JSON.parse(readFileSync(join(dir, 'fb15k-237-entity2wikidata.json'), 'utf8')) as Record<string, Fb15kEntry>;
  for (const key of Object.keys(data).sort()) {
    const entry = data[key]!;
    read.rows++;
    const qid = toQid(entry.wikidata_id);
    if (!qid || typeof entry.label !== 'string') {
      read.skipped++;
      continue;
    }
    const aliases = Array.isArray(entry.alternatives) ? entry.alternatives.filter((a): a is string => typeof a === 'string') : [];
    const description = typeof entry.description === 'string' ? entry.description : undefined;
    read.records.push({ qid, source: 'fb15k', type: null, label: entry.label, aliases, ...(description ? { description } : {}) });
  }
  return read;
}
