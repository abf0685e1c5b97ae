import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRead, toQid, type SourceRead } from '../record.ts';
import { queryType } from '../typing.ts';

interface Row {
  item?: unknown;
  itemLabel?: unknown;
  sitelinks?: unknown;
  description?: unknown;
  year?: unknown;
}

/** What the year of each kind of query records. */
const YEAR_VERBS: Array<[RegExp, string]> = [
  [/-taking-office$/, 'took office'],
  [/-death-year$/, 'died'],
  [/-(founding|establishment|creation)-year$/, 'founded'],
  [/-opening-year$/, 'opened'],
  [/-completion-year$/, 'completed'],
  [/-construction-start-year$/, 'begun'],
  [/-launch-year$/, 'launched'],
  [/-(start-)?year$/, ''],
];
/** Words of query names written with capitals. */
const PROPER = new Map(['us', 'uk', 'nba', 'nfl', 'mlb', 'nhl', 'f1', 'tv'].map((w) => [w, w.toUpperCase()]));
for (const w of ['abbasid', 'aragonese', 'assyrian', 'australian', 'ayyubid', 'babylon', 'bavaria', 'belgian', 'bohemian', 'brazilian', 'british', 'burgundy', 'byzantine', 'canadian', 'castile', 'aragon', 'castilian', 'chinese', 'danish', 'delhi', 'dutch', 'english', 'ethiopian', 'fatimid', 'french', 'german', 'gupta', 'holy', 'roman', 'hungarian', 'inca', 'indian', 'indonesian', 'israeli', 'italian', 'japanese', 'jerusalem', 'jordanian', 'joseon', 'franks', 'leon', 'macedon', 'mamluk', 'mauryan', 'mercia', 'mexican', 'moroccan', 'mughal', 'navarre', 'new', 'zealand', 'northumbria', 'norwegian', 'ottoman', 'polish', 'portuguese', 'prussian', 'russian', 'safavid', 'saudi', 'scottish', 'sicily', 'south', 'korean', 'spanish', 'swedish', 'thai', 'trebizond', 'umayyad', 'wessex']) PROPER.set(w, w.charAt(0).toUpperCase() + w.slice(1));

/** A neutral line for an item the query gives no description of: "UK prime minister, took office 1997". */
export function queryDescription(query: string, year: unknown): string {
  const [pattern, verb] = YEAR_VERBS.find(([p]) => p.test(query)) ?? [/$/, ''];
  const words = query.replace(pattern, '').replace(/^famous-/, '').split('-');
  if (!words.includes('and')) words[words.length - 1] = words[words.length - 1]!.replace(/ies$/, 'y').replace(/(ch|sh|ss)es$/, '$1').replace(/([^s])s$/, '$1');
  const topic = words.map((w) => PROPER.get(w) ?? w).join(' ');
  const text = topic.charAt(0).toUpperCase() + topic.slice(1);
  const y = typeof year === 'string' || typeof year === 'number' ? String(year).trim() : '';
  const when = /^-?[0-9]{1,4}$/.test(y) ? (y.startsWith('-') ? `${y.slice(1)} BC` : y) : '';
  return when ? `${text}${verb ? `, ${verb}` : ''} ${verb ? when : `(${when})`}` : text;
}

/** `wikitrivia-queries/*.json`: one list a query; the query's name gives the type, queries of works are skipped whole. */
export function readWikitrivia(dir: string): SourceRead {
  const read = emptyRead();
  const folder = join(dir, 'wikitrivia-queries');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const query = file.replace(/\.json$/, '');
    const rows = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Row[];
    const type = queryType(query);
    for (const row of rows) {
      read.rows++;
      const qid = toQid(row.item);
      if (!type || !qid || typeof row.itemLabel !== 'string') {
        read.skipped++;
        continue;
      }
      const sitelinks = Number(row.sitelinks);
      const description = typeof row.description === 'string' && row.description.trim() ? row.description : queryDescription(query, row.year);
      read.records.push({ qid, source: `wikitrivia/${query}`, type, label: row.itemLabel, aliases: [], description, ...(Number.isFinite(sitelinks) && sitelinks >= 0 ? { sitelinks } : {}) });
    }
  }
  return read;
}
