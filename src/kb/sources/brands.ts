import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRead, toQid, type SourceRead } from '../record.ts';

interface Brand {
  displayName?: unknown;
  tags?: Record<string, unknown>;
}

/** The English and unqualified names of a brand, in order of preference for a label. */
const NAME_TAGS = ['brand:en', 'name:en', 'brand', 'name'];

/** `brands/*.json` (name-suggestion-index): every item with a `brand:wikidata` is an organisation. */
export function readBrands(dir: string): SourceRead {
  const read = emptyRead();
  const folder = join(dir, 'brands');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const source = `brands/${file.replace(/\.json$/, '')}`;
    // "shop--clothes.json" → "Clothes brand (shop)".
    const [key, value] = file.replace(/\.json$/, '').split('--');
    const kind = (value ?? key ?? '').replace(/_/g, ' ');
    const description = `${kind.charAt(0).toUpperCase()}${kind.slice(1)} brand${value ? ` (${key})` : ''}`;
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { items?: Brand[] };
    for (const item of data.items ?? []) {
      read.rows++;
      const tags = item.tags ?? {};
      const qid = toQid(tags['brand:wikidata']);
      const names = [...NAME_TAGS.map((t) => tags[t]), item.displayName].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
      if (!qid || !names.length) {
        read.skipped++;
        continue;
      }
      read.records.push({ qid, source, type: 'organization', label: names[0]!, aliases: names.slice(1), description });
    }
  }
  return read;
}
