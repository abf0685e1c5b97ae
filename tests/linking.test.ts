/**
 * The linking scorer (src/evaluate/linking.ts) on hand-made cases, and the linking gold of
 * tests/gold/linking/: well formed, every QID in the knowledge base, and (where ../shared/ is
 * beside the project) every span quoting its BBC article.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addLinkingScores, evaluateLinkingSet, linkedShare, predictedLinks, readLinkingGold, sameArticle, scoreLinking, type GoldLink } from '../src/evaluate/linking.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import type { Entity, Mention } from '../src/types.ts';
import { ROOT, tempDir } from './helpers.ts';

const g = (start: number, end: number, wikidata: string | null, exact = 'x'): GoldLink => ({ start, end, exact, type: 'person', wikidata });

// ---------------------------------------------------------------------------------------------
const Score = suite('scoreLinking');

Score('counts right links, wrong links, links that should be none and misses', () => {
  const gold = [g(0, 10, 'Q1'), g(20, 25, 'Q2'), g(30, 35, null), g(40, 45, 'Q3'), g(50, 55, null)];
  const predicted = [
    { start: 0, end: 10, wikidata: 'Q1' },
    { start: 20, end: 25, wikidata: 'Q9' },
    { start: 30, end: 35, wikidata: 'Q4' },
    { start: 40, end: 45, wikidata: null },
  ];
  assert.equal(scoreLinking(gold, predicted), { mentions: 5, held: 3, linked: 3, correct: 1, wrong: 1, shouldBeNone: 1, missed: 1, precision: 1 / 3, coverage: 1 / 3 });
});

Score('a predicted span that overlaps answers for the gold mention ("Blair" for "Mr Blair")', () => {
  const score = scoreLinking([g(100, 108, 'Q9545', 'Mr Blair')], [{ start: 103, end: 108, wikidata: 'Q9545' }]);
  assert.is(score.correct, 1);
  assert.is(score.precision, 1);
});

Score('the most overlapping prediction answers; a prediction outside every gold mention is not counted', () => {
  const gold = [g(0, 14, 'Q1431486', 'France Telecom')];
  const predicted = [
    { start: 0, end: 6, wikidata: 'Q142' },
    { start: 0, end: 14, wikidata: 'Q1431486' },
    { start: 200, end: 210, wikidata: 'Q5' },
  ];
  assert.equal(scoreLinking(gold, predicted), { mentions: 1, held: 1, linked: 1, correct: 1, wrong: 0, shouldBeNone: 0, missed: 0, precision: 1, coverage: 1 });
  assert.is(scoreLinking(gold, [{ start: 0, end: 6, wikidata: 'Q142' }]).wrong, 1, '"France" marked inside "France Telecom" is a wrong link');
});

Score('no links made: precision 1 by convention, coverage 0', () => {
  const score = scoreLinking([g(0, 5, 'Q1'), g(10, 15, null)], []);
  assert.is(score.precision, 1);
  assert.is(score.coverage, 0);
  assert.is(score.missed, 1);
});

Score('addLinkingScores pools counts before dividing', () => {
  const a = scoreLinking([g(0, 5, 'Q1')], [{ start: 0, end: 5, wikidata: 'Q1' }]);
  const b = scoreLinking([g(0, 5, 'Q2'), g(9, 12, 'Q3'), g(20, 22, null)], [{ start: 0, end: 5, wikidata: 'Q7' }, { start: 20, end: 22, wikidata: 'Q8' }]);
  const pooled = addLinkingScores([a, b]);
  assert.equal([pooled.linked, pooled.correct, pooled.held, pooled.wrong, pooled.shouldBeNone, pooled.missed], [3, 1, 3, 1, 1, 1]);
  assert.is(pooled.precision, 1 / 3);
});

Score('predictedLinks takes the QID of each mention\'s entity; dates and unknown entities give none', () => {
  const entities: Entity[] = [{ id: 'tony-blair', type: 'person', label: 'Tony Blair', aliases: [], adjectivals: [], description: '', wikidata: 'Q9545' }, { id: 'new-name', type: 'person', label: 'New Name', aliases: [], adjectivals: [], description: '', generated: true }];
  const m = (start: number, entityId: string | null, type: Mention['type'] = 'person'): Mention => ({ id: `m-${start}`, articleId: 'a', entityId, type, form: 'name', refersTo: null, value: null, exact: 'x', prefix: '', suffix: '', start, end: start + 1, method: 'gazetteer', confidence: 1 });
  assert.equal(predictedLinks([m(0, 'tony-blair'), m(5, 'new-name'), m(9, null, 'date')], entities), [{ start: 0, end: 1, wikidata: 'Q9545' }, { start: 5, end: 6, wikidata: null }]);
});

Score('evaluateLinkingSet skips a gold file whose article changed, and reports wrong links', () => {
  const shared = tempDir('gloss-linking-');
  const goldDir = join(shared, 'gold');
  mkdirSync(join(shared, 'corpora'), { recursive: true });
  mkdirSync(goldDir);
  const text = 'Mr Blair met Mr Howard.\n';
  writeFileSync(join(shared, 'corpora', 'a.txt'), text);
  writeFileSync(join(shared, 'corpora', 'b.txt'), 'changed since');
  const sha = createHash('sha256').update(text).digest('hex');
  writeFileSync(join(goldDir, 'a.json'), JSON.stringify({ file: 'corpora/a.txt', sha256: sha, mentions: [g(0, 8, 'Q9545', 'Mr Blair'), g(13, 22, null, 'Mr Howard')] }));
  writeFileSync(join(goldDir, 'b.json'), JSON.stringify({ file: 'corpora/b.txt', sha256: sha, mentions: [g(0, 7, 'Q1')] }));
  const report = evaluateLinkingSet(goldDir, shared, () => [{ start: 3, end: 8, wikidata: 'Q9545' }, { start: 16, end: 22, wikidata: 'Q6831258' }]);
  assert.is(report.files.length, 1);
  assert.equal(report.skipped, ['b.json: corpora/b.txt is not the article the gold was made on (SHA-256 differs)']);
  assert.is(report.score.correct, 1);
  assert.is(report.score.shouldBeNone, 1);
  assert.equal(report.errors, ['a.json "Mr Howard" at 13: linked Q6831258, gold none']);
});

Score('linkedShare counts person, organisation and place mentions whose entity has a QID', () => {
  const entities = new Map<string, Entity>([
    ['blair', { id: 'blair', type: 'person', label: 'Tony Blair', aliases: [], adjectivals: [], description: 'x', wikidata: 'Q9545' }],
    ['local', { id: 'local', type: 'person', label: 'Ann Local', aliases: [], adjectivals: [], description: 'x', generated: true }],
    ['bbc', { id: 'bbc', type: 'organization', label: 'BBC', aliases: [], adjectivals: [], description: 'x', wikidata: 'Q9531' }],
  ]);
  const m = (type: Mention['type'], entityId: string | null): Mention => ({ id: `m-${Math.random()}`, articleId: 'a', entityId, type, form: 'name', refersTo: null, value: null, exact: 'x', prefix: '', suffix: '', start: 0, end: 1, method: 'ner', confidence: 1 });
  const share = linkedShare([[m('person', 'blair'), m('person', 'local'), m('date', null)], [m('organization', 'bbc'), m('event', 'bbc'), m('place', 'nowhere')]], entities);
  assert.is(share.mentions, 4);
  assert.is(share.linked, 2);
  assert.is(share.share, 0.5);
  assert.equal(share.byType.person, { mentions: 2, linked: 1, share: 0.5 });
  assert.equal(share.byType.place, { mentions: 1, linked: 0, share: 0 });
});

Score.run();

// ---------------------------------------------------------------------------------------------
const Gold = suite('the linking gold');
const GOLD = readLinkingGold(join(ROOT, 'tests', 'gold', 'linking'));
const SHARED = join(ROOT, '..', 'shared');

Gold('holds at least 300 linked mentions from at least 30 articles over the five BBC folders', () => {
  const mentions = GOLD.flatMap(({ gold }) => gold.mentions);
  assert.ok(GOLD.length >= 30, `${GOLD.length} articles`);
  assert.ok(mentions.filter((m) => m.wikidata).length >= 300);
  const folders = new Set(GOLD.map(({ gold }) => gold.file.split('/')[2]));
  assert.equal([...folders].sort(), ['business', 'entertainment', 'politics', 'sport', 'tech']);
});

Gold('every mention is well formed, in text order, and every QID is a knowledge-base entity', () => {
  const kb = loadMergedKnowledgeBase(join(ROOT, '_data'));
  const qids = new Set(kb.entities.flatMap((e) => (e.wikidata ? [e.wikidata] : [])));
  for (const { name, gold } of GOLD) {
    assert.match(gold.file, /^corpora\/bbc-news\/(business|entertainment|politics|sport|tech)\/\d{3}\.txt$/, name);
    assert.match(gold.sha256, /^[0-9a-f]{64}$/, name);
    let last = -1;
    for (const m of gold.mentions) {
      assert.ok(m.start > last && m.end > m.start, `${name} ${m.exact} at ${m.start}`);
      assert.is([...m.exact].length, m.end - m.start, `${name} ${m.exact}`);
      assert.ok(['person', 'organization', 'place'].includes(m.type), `${name} ${m.exact}`);
      assert.ok(m.exact.length <= 60, `${name}: a name, not a sentence`);
      if (m.wikidata !== null) assert.ok(qids.has(m.wikidata), `${name} ${m.exact}: ${m.wikidata} is not in the knowledge base`);
      last = m.end - 1;
    }
  }
});

Gold('every span quotes its article, counted in code points (needs ../shared/)', () => {
  if (!existsSync(join(SHARED, 'corpora', 'bbc-news'))) {
    console.log('  note: skipped the check of the linking gold against the BBC articles: ../shared/corpora/bbc-news/ is absent');
    return;
  }
  for (const { name, gold } of GOLD) {
    const bytes = readFileSync(join(SHARED, gold.file));
    assert.ok(sameArticle(gold, bytes), `${name}: SHA-256 differs`);
    const points = [...new TextDecoder('utf-8', { fatal: true }).decode(bytes)];
    for (const m of gold.mentions) assert.is(points.slice(m.start, m.end).join(''), m.exact, `${name} at ${m.start}`);
  }
});

Gold.run();
