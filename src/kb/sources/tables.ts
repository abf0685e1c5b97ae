import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { emptyRead, toQid, type SourceRead } from '../record.ts';

function readCsv(path: string, delimiter = ','): Array<Record<string, string>> {
  return parse(readFileSync(path, 'utf8'), { columns: true, delimiter, skip_empty_lines: true, relax_quotes: true, relax_column_count: true, trim: true }) as Array<Record<string, string>>;
}

/** `parties/partyfacts-wikidata.csv`: political parties; an all-capital `name_short` of three or more letters is an alias ("DUP"), a native name in Latin script too. */
export function readParties(dir: string): SourceRead {
  const read = emptyRead();
  for (const row of readCsv(join(dir, 'parties', 'partyfacts-wikidata.csv'))) {
    read.rows++;
    const qid = toQid(row['wikidata_id']);
    const name = row['name'] ?? '';
    if (!qid || !name) {
      read.skipped++;
      continue;
    }
    const short = row['name_short'] ?? '';
    const aliases = [/^\p{Lu}{3,}$/u.test(short) ? short : '', row['name_native'] ?? ''].filter(Boolean);
    read.records.push({ qid, source: 'partyfacts', type: 'organization', label: name, aliases, description: `Political party (${row['country'] || 'country unknown'})` });
  }
  return read;
}

/** `newspapers/wikipedia-us-newspapers.tsv`: US newspapers; rows without a QID and repeated rows are skipped. */
export function readNewspapers(dir: string): SourceRead {
  const read = emptyRead();
  for (const row of readCsv(join(dir, 'newspapers', 'wikipedia-us-newspapers.tsv'), '\t')) {
    read.rows++;
    const qid = toQid(row['qid']);
    const title = row['WP-title'] ?? '';
    // "Troy, Missouri": the list names the town where it lacks the paper's own article.
    if (!qid || !title || title.includes(',')) {
      read.skipped++;
      continue;
    }
    read.records.push({ qid, source: 'newspapers', type: 'organization', label: title, aliases: [], description: `Newspaper in ${row['state'] || 'the United States'}` });
  }
  return read;
}

/** `football/club-memberships.csv`: each row names a footballer (a person) and a club (an organisation); a player's clubs, by start year, describe them. */
export function readFootball(dir: string): SourceRead {
  const read = emptyRead();
  const players = new Map<string, { name: string; clubs: Array<{ year: string; name: string }> }>();
  for (const row of readCsv(join(dir, 'football', 'club-memberships.csv'))) {
    read.rows++;
    const player = toQid(row['player_qid']);
    const club = toQid(row['team_qid']);
    const playerName = row['player_name'] ?? '';
    const clubName = row['team_name'] ?? '';
    const year = /^[0-9]{4}$/.test(row['start_year'] ?? '') ? row['start_year']! : '';
    if (player && playerName && !/^Q[0-9]+$/.test(playerName)) {
      const entry = players.get(player) ?? { name: playerName, clubs: [] };
      if (clubName && !/^Q[0-9]+$/.test(clubName)) entry.clubs.push({ year, name: clubName });
      players.set(player, entry);
    }
    if (club && clubName && !/^Q[0-9]+$/.test(clubName)) read.records.push({ qid: club, source: 'football', type: 'organization', label: clubName, aliases: [], description: 'Football club' });
    if (!player || !club) read.skipped++;
  }
  for (const [qid, { name, clubs }] of players) {
    const sorted = clubs.sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(-3);
    const description = sorted.length ? `Footballer (${sorted.map((c) => (c.year ? `${c.name} from ${c.year}` : c.name)).join('; ')})` : 'Footballer';
    read.records.push({ qid, source: 'football', type: 'person', label: name, aliases: [], description });
  }
  return read;
}
