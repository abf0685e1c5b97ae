/**
 * The Wikidata-derived knowledge base: `npm run kb`'s merge on the hand-made miniature of
 * corpora/wikidata/ in tests/fixtures/kb/, its determinism, the loader that puts it together with
 * the hand-written entities.json, and (in CI, where ../shared/ is beside the clone) that the
 * committed _data/kb/ is what `npm run kb` makes.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildKnowledgeBase, buildFromRecords, fileText, layoutFiles, loadMergedKnowledgeBase, mergeHandWritten, readDerivedEntries } from '../src/kb/index.ts';
import { compactSources, expandSources } from '../src/kb/files.ts';
import type { KbEntry } from '../src/kb/ids.ts';
import { cleanName, derivedOrganizationNames, isCommonName, surname } from '../src/kb/names.ts';
import { populationPrior } from '../src/kb/popularity.ts';
import { toQid, type SourceRecord } from '../src/kb/record.ts';
import { splitRunTogether } from '../src/kb/sources/places.ts';
import { SOURCES } from '../src/kb/sources/index.ts';
import { queryDescription } from '../src/kb/sources/wikitrivia.ts';
import { descriptionHead, queryType, typeFromDescription } from '../src/kb/typing.ts';
import { formatProblem } from '../src/problems.ts';
import type { Entity } from '../src/types.ts';
import { ROOT, tempDir } from './helpers.ts';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'kb');
const SOURCE = join(FIXTURE, 'wikidata');
const HAND = JSON.parse(readFileSync(join(FIXTURE, 'entities.json'), 'utf8')) as Entity[];
const build = buildKnowledgeBase(SOURCE, HAND);
const byQid = (qid: string): KbEntry | undefined => build.entries.find((e) => e.wikidata === qid);

/** Writes a `_data` folder: the given hand-written entries and the fixture's derived files. */
function dataDir(hand: unknown, entries: KbEntry[] = build.entries): string {
  const dir = join(tempDir('gloss-kb-'), '_data');
  mkdirSync(join(dir, 'kb'), { recursive: true });
  writeFileSync(join(dir, 'entities.json'), typeof hand === 'string' ? hand : JSON.stringify(hand, null, 2));
  for (const f of layoutFiles(entries)) writeFileSync(join(dir, 'kb', f.name), fileText(f.entries));
  return dir;
}

// ---------------------------------------------------------------------------------------------
const Merge = suite('merge by QID');

Merge('reads every source and counts what it skipped and repaired', () => {
  const by = Object.fromEntries(build.sources.map((s) => [s.name, s]));
  assert.is(by['fb15k-237-entity2wikidata.json']!.skipped, 1, 'the row whose QID is "not-a-qid"');
  assert.is(by['places/']!.repaired, 1, 'two places run together on one line');
  assert.is(by['places/']!.records, 9);
  assert.is(by['brands/']!.skipped, 1, 'the brand without brand:wikidata');
  assert.is(by['us-congress/legislators-current.yaml']!.skipped, 1);
  assert.is(by['newspapers/wikipedia-us-newspapers.tsv']!.skipped, 2, 'no QID, and a town name for a title');
});

Merge('one QID twice in one source with two labels: one entity, the other label an alias', () => {
  const adams = build.entries.filter((e) => e.wikidata === 'Q42');
  assert.is(adams.length, 1);
  assert.is(adams[0]!.label, 'Douglas Adams');
  assert.equal(adams[0]!.aliases, ['Douglas Noel Adams']);
});

Merge('conflicting labels across sources: the most trusted source names it, the others become aliases', () => {
  const united = byQid('Q18656')!;
  assert.is(united.label, 'Manchester United F.C.');
  assert.ok(united.aliases.includes('Manchester United'), 'the query label');
  assert.is(united.sources.label, 'fb15k');
  assert.equal(united.sources.aliases, ['fb15k', 'football', 'wikitrivia/football-clubs-founding-year']);
  assert.is(united.popularity, 147, 'sitelinks from the query');
  assert.is(united.sources.popularity, 'wikitrivia/football-clubs-founding-year');
});

Merge('a record of another type carries a wrong QID: the newspaper does not rename the town', () => {
  const town = byQid('Q49140')!;
  assert.is(town.type, 'place');
  assert.is(town.label, 'West Hartford');
  assert.not.ok(town.aliases.includes('West Hartford News'));
});

Merge('types from the list, the query and the description; works and untyped items are dropped', () => {
  assert.is(byQid('Q9545')!.type, 'person');
  assert.is(byQid('Q1851001')!.type, 'organization');
  assert.is(byQid('Q312')!.type, 'organization', '"American producer of computers" with an Inc. is no person');
  assert.is(byQid('Q826494'), undefined, 'the film');
  assert.is(byQid('Q99999901'), undefined, 'no description, no list');
  assert.is(byQid('Q3801012'), undefined, 'a horse breed in the list of places');
  assert.is(build.dropped.untyped, 3);
});

Merge('drops junk labels, labels in other scripts and bare QIDs, and villages under 1,000', () => {
  assert.is(byQid('Q7711000'), undefined, 'a band called "The"');
  assert.is(byQid('Q4140982'), undefined, 'a brand named only in Cyrillic');
  assert.is(byQid('Q99999902'), undefined, 'a query row labelled with its QID');
  assert.is(byQid('Q984459'), undefined, 'Paris, Idaho: 576 people');
  assert.equal(build.dropped, { untyped: 3, 'no-usable-label': 2, 'junk-label': 1, 'small-place': 1 });
});

Merge('aliases: unusable ones left out, derived forms added', () => {
  const georgia = byQid('Q230')!;
  assert.equal(georgia.aliases, ['Republic of Georgia', 'Sakartvelo'], 'not the code "GE" nor the flag');
  assert.ok(byQid('Q18656')!.aliases.includes('Man Utd'));
  assert.not.ok(byQid('Q18656')!.aliases.includes('MU'), 'a two-letter code');
  assert.equal(byQid('Q312')!.aliases, ['Apple', 'Apple Computer'], '"Apple Inc." without "Inc."');
  assert.equal(byQid('Q178891')!.aliases, ["Ba'ath"], '"Ba\'ath Party" as "Ba\'ath"');
  assert.equal(byQid('Q9630')!.aliases, [], 'not "Labour" from "Labour Party": a common word');
  assert.equal(byQid('Q215519')!.aliases, ['DUP'], 'an all-capital short name, not "Lab"-like ones');
  assert.equal(byQid('Q7279891')!.aliases, ['Racławice'], 'a place without its district');
  assert.equal(byQid('Q830149')!.aliases, ['Paris, Texas']);
  assert.equal(byQid('Q359442')!.aliases, ['Bernie Sanders']);
});

Merge("a person's surname is a partial alias; given names and nicknames are not aliases", () => {
  const blair = byQid('Q9545')!;
  assert.equal(blair.partialAliases, ['Blair']);
  assert.equal(blair.aliases, ['Anthony Blair'], 'not "Tony", "Blair" or the quoted nickname form');
  assert.equal(byQid('Q45785')!.partialAliases, ['Kim'], 'Korean: family name first');
  assert.equal(byQid('Q264766')!.partialAliases, ['May']);
});

Merge('names that are one ordinary English word are listed in commonNames', () => {
  assert.equal(byQid('Q1851001')!.commonNames, ['Next']);
  assert.equal(byQid('Q264766')!.commonNames, ['May']);
  assert.equal(byQid('Q18656')!.commonNames, ['Reds']);
  assert.equal(byQid('Q9545')!.commonNames, []);
});

Merge('an alias shared by entities stays on each: the linker tells them apart', () => {
  const paris = build.entries.filter((e) => e.label === 'Paris' || e.aliases.includes('Paris'));
  assert.equal(paris.map((e) => e.wikidata).sort(), ['Q830149', 'Q90']);
  const georgias = build.entries.filter((e) => e.label === 'Georgia').sort((a, b) => b.popularity - a.popularity);
  assert.equal(georgias.map((e) => e.wikidata), ['Q230', 'Q1428', 'Q1343132'], 'in popularity order');
});

Merge('popularity: sitelinks, else a transform of population, else a floor by source', () => {
  assert.is(populationPrior(2_100_000), 66.4);
  assert.is(populationPrior(1000), 6);
  assert.is(byQid('Q90')!.popularity, 66.4);
  assert.is(byQid('Q830149')!.popularity, 28.3);
  assert.is(byQid('Q230')!.popularity, 100, 'a country');
  assert.is(byQid('Q1583294')!.popularity, 5, 'a newspaper');
  assert.is(byQid('Q11890')!.popularity, 3, 'a footballer');
});

Merge('ids: the hand-written id for its QID, then the bare slug to the most popular, then slug-qNNN', () => {
  assert.is(byQid('Q90')!.id, 'paris');
  assert.is(byQid('Q830149')!.id, 'paris-q830149');
  assert.is(byQid('Q230')!.id, 'georgia');
  assert.is(byQid('Q1428')!.id, 'georgia-q1428', 'the hand-written Georgia is the country');
  assert.is(byQid('Q9630')!.id, 'labour-party-q9630', 'a hand-written entry without a QID holds "labour-party"');
  assert.is(byQid('Q7279891')!.id, 'raclawice-krakow-county');
  assert.is(new Set(build.entries.map((e) => e.id)).size, build.entries.length);
});

Merge('descriptions: the source\'s, else one made from the list', () => {
  assert.is(byQid('Q264766')!.description, 'UK prime minister, took office 2016');
  assert.is(byQid('Q11890')!.description, 'Footballer (Everton F.C. from 2000; Manchester United F.C. from 2004)');
  assert.is(byQid('Q359442')!.description, 'US Senator for VT (Independent)');
  assert.is(queryDescription('babylon-kings-taking-office', '-1792'), 'Babylon king, took office 1792 BC');
  assert.is(queryDescription('battles-year', '1066'), 'Battle (1066)');
});

Merge.run();

// ---------------------------------------------------------------------------------------------
const Determinism = suite('determinism');

Determinism('two builds of the fixtures give the same bytes', () => {
  const again = buildKnowledgeBase(SOURCE, HAND);
  const bytes = (b: typeof build): string => layoutFiles(b.entries).map((f) => `${f.name}\n${fileText(f.entries)}`).join('');
  assert.is(bytes(again), bytes(build));
});

Determinism('the order of the source records does not matter', () => {
  const records: SourceRecord[] = SOURCES.flatMap(([, read]) => read(SOURCE).records);
  const forward = buildFromRecords(records, HAND).entries;
  const backward = buildFromRecords([...records].reverse(), HAND).entries;
  assert.is(layoutFiles(backward).map((f) => fileText(f.entries)).join(''), layoutFiles(forward).map((f) => fileText(f.entries)).join(''));
});

Determinism('a stored entry reads back as the entity it was', () => {
  const dir = dataDir(HAND);
  const { entities, problems } = readDerivedEntries(join(dir, 'kb'));
  assert.equal(problems, []);
  const blair = entities.find((e) => e.wikidata === 'Q9545')!;
  const stored = byQid('Q9545')!;
  assert.equal(blair, { id: stored.id, type: 'person', label: 'Tony Blair', aliases: ['Anthony Blair'], partialAliases: ['Blair'], description: stored.description, popularity: 155, wikidata: 'Q9545', sources: stored.sources, adjectivals: [] });
  for (const e of build.entries) assert.equal(expandSources(compactSources(e.sources), { description: e.description !== '', aliases: e.aliases.length > 0 }), e.sources, e.id);
});

Determinism.run();

// ---------------------------------------------------------------------------------------------
const Load = suite('loadMergedKnowledgeBase');

Load('a hand-written entry wins where it speaks; the derived one adds popularity and free names', () => {
  const kb = loadMergedKnowledgeBase(dataDir(HAND));
  assert.equal(kb.problems, []);
  const paris = kb.entities.find((e) => e.id === 'paris')!;
  assert.is(paris.description, 'Capital of France');
  assert.is(paris.capitalOf, 'france');
  assert.is(paris.popularity, 66.4);
  assert.equal(paris.aliases, ['City of Light']);
  const georgia = kb.entities.find((e) => e.id === 'georgia')!;
  assert.equal(georgia.adjectivals, ['Georgian']);
  assert.equal(georgia.aliases, ['Republic of Georgia'], '"Sakartvelo" is another hand-written entry\'s name');
  assert.is(georgia.sources?.label, 'entities.json');
  assert.is(kb.entities.filter((e) => e.wikidata === 'Q90').length, 1);
});

Load('returns the hand-written entries first, in file order, then the derived ones', () => {
  const kb = loadMergedKnowledgeBase(dataDir(HAND));
  assert.equal(kb.entities.slice(0, HAND.length).map((e) => e.id), HAND.map((e) => e.id));
  assert.is(kb.entities.length, HAND.length + build.entries.length - 2, 'Paris and Georgia merged');
});

Load('a name added to entities.json later wins over a derived entry with its id', () => {
  const added = [...HAND, { id: 'west-hartford', type: 'place', label: 'West Hartford', aliases: ['WeHa'], adjectivals: [], description: 'A town a user taught Gloss' }];
  const kb = loadMergedKnowledgeBase(dataDir(added));
  assert.equal(kb.problems, []);
  assert.is(kb.entities.find((e) => e.id === 'west-hartford')!.description, 'A town a user taught Gloss');
  assert.is(kb.entities.find((e) => e.wikidata === 'Q49140')!.id, 'west-hartford-q49140');
});

Load('still refuses a name shared by two hand-written entries, with today\'s message', () => {
  const clash = [...HAND, { id: 'sakartvelo-bar', type: 'organization', label: 'Sakartvelo Bar', aliases: ['Sakartvelo'], adjectivals: [], description: 'Another' }];
  const kb = loadMergedKnowledgeBase(dataDir(clash));
  assert.equal(kb.entities, []);
  assert.equal(kb.problems.map(formatProblem), ['_data/entities.json, at /5: gives the name "Sakartvelo" to both "sakartvelo-cafe" and "sakartvelo-bar", so mentions of it cannot be linked; keep it on one of them']);
});

Load('reports a broken entities.json as before, and a broken _data/kb file by name, line and the fix', () => {
  const bad = loadMergedKnowledgeBase(dataDir('[{"id": "x",}]'));
  assert.is(bad.problems.length, 1);
  assert.match(formatProblem(bad.problems[0]!), /^_data\/entities\.json, line 1, column \d+: is not valid JSON/);
  const dir = dataDir(HAND);
  writeFileSync(join(dir, 'kb', 'person.json'), '[\n{"id":"x"}\n]\n');
  writeFileSync(join(dir, 'kb', 'place.json'), '[\n{"id":"x",\n');
  const broken = loadMergedKnowledgeBase(dir);
  assert.equal(broken.entities, []);
  const lines = broken.problems.map(formatProblem);
  assert.is(lines[0], '_data/kb/person.json, at /0 (line 2): has the type undefined, not one of person, organization, place, event; rebuild the folder with npm run kb, or restore it from git');
  assert.match(lines[1]!, /^_data\/kb\/place\.json, line \d+, column \d+: is not valid JSON .*; rebuild the folder with npm run kb, or restore it from git$/);
});

Load('derived names shared with hand-written entries are not refused', () => {
  const { entities, problems } = mergeHandWritten(HAND, [{ id: 'labour-party', type: 'organization', label: 'Labour', aliases: [], adjectivals: [], description: '', wikidata: 'Q9630', popularity: 10 }]);
  assert.equal(problems, []);
  assert.equal(entities.filter((e) => e.label === 'Labour').map((e) => e.id), ['labour-party', 'labour-party-q9630']);
});

Load.run();

// ---------------------------------------------------------------------------------------------
const Names = suite('names, types and sources');

Names('cleanName keeps names a linker of English text can use', () => {
  assert.is(cleanName('  Man   Utd '), 'Man Utd');
  for (const bad of ['GE', 'jo', 'x', '🇬🇪', '김대중', 'Georgia (U.S. state)', 'Kimberly "Kim" Kardashian', 'Q12345', 'A'.repeat(81)]) assert.is(cleanName(bad), null, bad);
  assert.is(cleanName('Zürich'), 'Zürich');
  assert.is(cleanName('AT&T'), 'AT&T');
});

Names('surname: the last word with its particles; none for regnal names', () => {
  assert.is(surname('Tony Blair'), 'Blair');
  assert.is(surname('Charles de Gaulle'), 'de Gaulle');
  assert.is(surname('Carlo Ponti, Sr.'), 'Ponti');
  assert.is(surname('Martin Luther King Jr.'), 'King');
  assert.is(surname('Xi Jinping', 'Chinese politician'), 'Xi');
  for (const none of ['Madonna', 'Henry VIII', 'Catherine of Aragon', 'Apple Inc.']) assert.is(surname(none), null, none);
});

Names('derived organisation names: suffixes off, "X Party" only where safe', () => {
  assert.equal(derivedOrganizationNames('Liverpool F.C.'), ['Liverpool']);
  assert.equal(derivedOrganizationNames('Microsoft Corporation'), ['Microsoft']);
  assert.equal(derivedOrganizationNames('British Broadcasting Corporation'), []);
  assert.equal(derivedOrganizationNames('Labour Party'), []);
  assert.equal(derivedOrganizationNames('Likud Party'), ['Likud']);
  assert.equal(derivedOrganizationNames('Scottish National Party'), []);
});

Names('isCommonName: one ordinary English word, a leading "The" aside', () => {
  for (const yes of ['Next', 'Reading', 'The Times', 'Labour', 'May']) assert.ok(isCommonName(yes), yes);
  for (const no of ['Paris', 'Labour Party', 'White House', 'Tony Blair', 'Jordan']) assert.not.ok(isCommonName(no), no);
});

Names('typeFromDescription reads the head noun', () => {
  assert.is(descriptionHead('American film and television producer'), 'producer');
  const cases: Array<[string, string | null]> = [
    ['Former Prime Minister of the United Kingdom', 'person'],
    ['English-born American actress', 'person'],
    ['professional association football club based in Manchester, England', 'organization'],
    ['British public service broadcaster', 'organization'],
    ['English broadcaster and naturalist', 'person'],
    ['county seat of Lamar County, Texas', 'place'],
    ['ethnic group', null],
    ['branch of mathematics', null],
    ['2004 film by Alan Parker', null],
    ['17th edition of the FIFA World Cup', 'event'],
  ];
  for (const [description, type] of cases) assert.is(typeFromDescription(description), type, description);
  assert.is(queryType('uk-prime-ministers-taking-office'), 'person');
  assert.is(queryType('films-release-year'), null);
  assert.is(queryType('battles-year'), 'event');
});

Names('QIDs and run-together lines', () => {
  assert.is(toQid('http://www.wikidata.org/entity/Q9545'), 'Q9545');
  assert.is(toQid('Q0'), null);
  assert.is(toQid('not-a-qid'), null);
  assert.equal(splitRunTogether('{"a":1}{"b":2}'), { objects: ['{"a":1}', '{"b":2}'], repaired: true });
  assert.equal(splitRunTogether('{"a":"}{"}'), { objects: ['{"a":"}', '{"}'], repaired: true }, 'documents the limit: a "}{" inside a string is split too');
});

Names('Entity in src/types.ts and entity.schema.json declare the same fields, each with a JSDoc line', () => {
  const types = readFileSync(join(ROOT, 'src', 'types.ts'), 'utf8');
  const fieldsOf = (name: string): string[] => {
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(types)![1]!;
    const lines = body.split('\n');
    return lines.flatMap((line, i) => {
      const field = /^ {2}(\w+)\??:/.exec(line);
      if (!field) return [];
      assert.match(lines[i - 1]!, /^\s+\/\*\*.*\*\/$/, `${name}.${field[1]} has a JSDoc line`);
      return [field[1]!];
    });
  };
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'entity.schema.json'), 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
  assert.equal(fieldsOf('Entity').sort(), Object.keys(schema.properties).sort());
  assert.equal(fieldsOf('EntitySources').sort(), Object.keys(schema.properties['sources']!.properties!).sort());
});

Names.run();

// ---------------------------------------------------------------------------------------------
const Committed = suite('the committed _data/kb/');
const SHARED = join(ROOT, '..', 'shared', 'corpora', 'wikidata');

Committed('is what npm run kb makes from ../shared/corpora/wikidata/ (CI only: about 30 s)', () => {
  if (!existsSync(join(SHARED, 'SOURCE.md')) || !process.env['CI']) {
    console.log(`  note: skipped the rebuild check of _data/kb/: ${existsSync(SHARED) ? 'it runs in CI (set CI=1 to run it here)' : '../shared/corpora/wikidata/ is absent'}`);
    return;
  }
  const hand = JSON.parse(readFileSync(join(ROOT, '_data', 'entities.json'), 'utf8')) as Entity[];
  const files = layoutFiles(buildKnowledgeBase(SHARED, hand).entries);
  const committed = readdirSync(join(ROOT, '_data', 'kb')).filter((f) => f.endsWith('.json')).sort();
  assert.equal(files.map((f) => f.name).sort(), committed);
  for (const f of files) assert.ok(fileText(f.entries) === readFileSync(join(ROOT, '_data', 'kb', f.name), 'utf8'), `${f.name} differs: run npm run kb and commit`);
});

Committed('loads, every file under 15 MB and all under 30 MB', () => {
  const dir = join(ROOT, '_data', 'kb');
  const sizes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).length);
  for (const size of sizes) assert.ok(size < 15_000_000);
  assert.ok(sizes.reduce((a, b) => a + b, 0) <= 30_000_000);
  const kb = loadMergedKnowledgeBase(join(ROOT, '_data'));
  assert.equal(kb.problems, []);
  assert.ok(kb.entities.length > 90_000);
  assert.is(new Set(kb.entities.map((e) => e.id)).size, kb.entities.length, 'ids unique');
  const blair = kb.entities.find((e) => e.wikidata === 'Q9545');
  assert.is(blair?.label, 'Tony Blair');
});

Committed.run();
