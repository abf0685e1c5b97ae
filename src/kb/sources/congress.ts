import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emptyRead, toQid, type SourceRead } from '../record.ts';

interface Legislator {
  id?: { wikidata?: unknown };
  name?: { first?: string; last?: string; middle?: string; nickname?: string; official_full?: string; suffix?: string };
  terms?: Array<{ type?: string; state?: string; party?: string }>;
}

/** `us-congress/legislators-current.yaml`: current members of Congress, with their names and latest term. */
export function readCongress(dir: string): SourceRead {
  const read = emptyRead();
  const legislators = parse(readFileSync(join(dir, 'us-congress', 'legislators-current.yaml'), 'utf8')) as Legislator[];
  for (const person of legislators) {
    read.rows++;
    const qid = toQid(person.id?.wikidata);
    const name = person.name ?? {};
    const full = name.official_full ?? [name.first, name.last].filter(Boolean).join(' ');
    if (!qid || !full) {
      read.skipped++;
      continue;
    }
    const aliases = [[name.first, name.last].filter(Boolean).join(' '), name.nickname && name.last ? `${name.nickname} ${name.last}` : ''].filter(Boolean);
    const term = person.terms?.[person.terms.length - 1];
    const office = term?.type === 'sen' ? 'Senator' : 'Representative';
    const description = term ? `US ${office}${term.state ? ` for ${term.state}` : ''}${term.party ? ` (${term.party})` : ''}` : 'Member of the US Congress';
    read.records.push({ qid, source: 'us-congress', type: 'person', label: full, aliases, description });
  }
  return read;
}
