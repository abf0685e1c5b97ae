import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { annotate, compileAnnotator } from '../src/annotate/index.ts';
import { applyCuration, anchor, loadCuration } from '../src/annotate/curation.ts';
import { clusterClaims } from '../src/annotate/clusters.ts';
import { resolveDate } from '../src/annotate/dates.ts';
import { loadKnowledgeBase } from '../src/annotate/knowledge-base.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { ingestFile } from '../src/ingest/index.ts';
import { OffsetMap } from '../src/text/offsets.ts';
import type { AnnotationDocument, ArticleMeta, Claim, Entity, Mention } from '../src/types.ts';
import { ROOT, tempDir } from './helpers.ts';
import { mkdirSync, writeFileSync } from 'node:fs';

const kb = loadKnowledgeBase(join(ROOT, '_data', 'entities.json'), '_data/entities.json');
const annotator = compileAnnotator(loadMergedKnowledgeBase(join(ROOT, '_data')).entities);
const { gazetteer } = annotator;

/** Annotates a text as if it were an article file: headline, blank line, paragraphs. */
function run(body: string, meta: ArticleMeta = {}, name = 'fixture.txt'): AnnotationDocument {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, body);
  const { article, problems } = ingestFile(path, `seeds/${name}`, meta);
  if (!article) throw new Error(problems.map((p) => p.message).join('; '));
  return annotate(article, annotator).document;
}
const headed = (text: string): string => `A headline for the test\n\n${text}\n`;
const find = (doc: AnnotationDocument, exact: string, nth = 0): Mention | undefined => doc.mentions.filter((m) => m.exact === exact)[nth];
const claimWith = (doc: AnnotationDocument, fragment: string): Claim | undefined => doc.claims.find((c) => c.exact.includes(fragment));

const KB = suite('knowledge base');

KB('loads, valid against its schema, with no name shared by two entities', () => {
  assert.equal(kb.problems, []);
  assert.ok(kb.entities.length > 60);
});

KB('reports an alias shared by two entities, naming both ids', () => {
  const dir = tempDir();
  const path = join(dir, 'entities.json');
  const two: Entity[] = [
    { id: 'a-one', type: 'person', label: 'A One', aliases: ['Ace'], adjectivals: [], description: '' },
    { id: 'b-two', type: 'person', label: 'B Two', aliases: ['Ace'], adjectivals: [], description: '' },
  ];
  writeFileSync(path, JSON.stringify(two));
  const r = loadKnowledgeBase(path, '_data/entities.json');
  assert.is(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /gives the name "Ace" to both "a-one" and "b-two"/);
});

KB('reports a schema violation with its JSON pointer', () => {
  const dir = tempDir();
  const path = join(dir, 'entities.json');
  writeFileSync(path, JSON.stringify([{ id: 'x', type: 'planet', label: 'X', aliases: [], adjectivals: [], description: '' }]));
  const r = loadKnowledgeBase(path, '_data/entities.json');
  assert.is(r.problems[0]!.position, 'at /0/type');
  assert.match(r.problems[0]!.message, /must be one of "person", "organization", "place", "event"/);
});

KB.run();

const Names = suite('entity recogniser and linker');

Names('links aliases and spelling variants to one entity', () => {
  const doc = run(headed('Kim Jong-un met Kim Jong Un, and the U.S. and the United States replied.'));
  assert.is(find(doc, 'Kim Jong-un')!.entityId, 'kim-jong-un');
  assert.is(find(doc, 'Kim Jong Un')!.entityId, 'kim-jong-un');
  assert.is(find(doc, 'U.S.')!.entityId, 'united-states');
  assert.is(find(doc, 'United States')!.entityId, 'united-states');
});

Names('a city in a list of places is a place, whatever club shares its name', () => {
  for (const text of ['The study enrolled 900 adults at hospitals in Bergamo, Brescia and Milan.', 'Fans travelled from Turin, Milan and Genoa for the rally.']) {
    const milan = find(run(headed(text)), 'Milan');
    assert.ok(milan, text);
    assert.is(milan!.type, 'place', text);
  }
});

Names('a word of an organisation named in full before is that organisation, not a person', () => {
  const doc = run(headed('Halvorsen Freight Systems won the contract last year. Halvorsen declined to comment on the price.'));
  const full = find(doc, 'Halvorsen Freight Systems');
  assert.ok(full);
  const short = find(doc, 'Halvorsen');
  assert.ok(short, 'the short form is marked');
  assert.is(short!.type, 'organization');
  assert.is(short!.entityId, full!.entityId);
});

Names('marks a possessive name without its apostrophe-s', () => {
  const doc = run(headed('Russia’s army and Kim Jong-un\'s train were seen.'));
  assert.ok(find(doc, 'Russia'));
  assert.is(find(doc, 'Russia')!.form, 'name');
  assert.ok(find(doc, 'Kim Jong-un'));
});

Names('does not take "us" for the US, but takes "US" and "the US"', () => {
  const doc = run(headed('Tell us what the US wants. Let us go.'));
  assert.is(doc.mentions.filter((m) => m.entityId === 'united-states').length, 1);
  assert.is(find(doc, 'US')!.start, 'A headline for the test\n\nTell us what the '.length);
});

Names('matches names across a line break and with dash variants', () => {
  const doc = run(headed('They met Kim\nJong Un, and Kim Jong‑un again.'));
  assert.is(doc.mentions.filter((m) => m.entityId === 'kim-jong-un').length, 2);
});

Names('marks a capital standing for its government with refersTo, but not a place named as a place', () => {
  const doc = run(headed('Pyongyang denied it. Yun Sun works in Washington.'));
  assert.is(find(doc, 'Pyongyang')!.refersTo, 'north-korea');
  assert.is(find(doc, 'Washington')!.refersTo, null);
});

Names('marks demonyms and country modifiers as adjectival place mentions', () => {
  const doc = run(headed('Russian troops and US officials met at a US-drafted meeting on North Korea-Russia relations.'));
  assert.is(find(doc, 'Russian')!.form, 'adjectival');
  assert.is(find(doc, 'Russian')!.entityId, 'russia');
  assert.is(find(doc, 'US', 0)!.form, 'adjectival');
  assert.is(find(doc, 'US', 1)!.form, 'adjectival');
  assert.is(find(doc, 'North Korea')!.form, 'adjectival');
  assert.is(find(doc, 'Russia')!.form, 'adjectival');
});

Names('keeps a country governing a verb as a name: "Russia feels", "China doesn’t"', () => {
  const doc = run(headed('Russia feels alone, and China doesn’t want this.'));
  assert.is(find(doc, 'Russia')!.form, 'name');
  assert.is(find(doc, 'China')!.form, 'name');
});

Names('types events and not generic phrases', () => {
  const doc = run(headed('The Korean War and the Cold War shaped the invasion of Ukraine, but the war goes on.'));
  assert.is(find(doc, 'Korean War')!.type, 'event');
  assert.is(find(doc, 'Cold War')!.type, 'event');
  assert.is(find(doc, 'invasion of Ukraine')!.entityId, '2022-russian-invasion-of-ukraine');
  assert.not.ok(doc.mentions.find((m) => m.exact === 'war'));
});

Names('includes honorifics but not office titles in person spans', () => {
  const doc = run(headed('President Vladimir Putin met Mr Kim. Dr. Bernard Loo watched.'));
  assert.ok(find(doc, 'Vladimir Putin'));
  assert.ok(find(doc, 'Mr Kim'));
  assert.ok(find(doc, 'Dr. Bernard Loo'));
});

Names('finds names the knowledge base lacks and gives them generated entities with lower confidence', () => {
  const doc = run(headed('Dr. Amara Okonkwo, who leads the Baltic Dockworkers Union, spoke in Gdansk and Rotterdam at the Milan Sepsis Summit.'));
  const person = find(doc, 'Dr. Amara Okonkwo')!;
  assert.is(person.type, 'person');
  assert.is(person.entityId, 'amara-okonkwo');
  assert.is(person.method, 'ner');
  assert.ok(person.confidence < 0.8);
  assert.is(find(doc, 'Baltic Dockworkers Union')!.type, 'organization');
  assert.is(find(doc, 'Rotterdam')!.type, 'place');
  assert.is(find(doc, 'Milan Sepsis Summit')!.type, 'event');
});

Names('links a later surname to the full name introduced earlier', () => {
  const doc = run(headed('Henrik Vass leads the union. Later, Vass said talks had failed.'));
  const later = find(doc, 'Vass')!;
  assert.is(later.entityId, find(doc, 'Henrik Vass')!.entityId);
  assert.is(later.method, 'rule:surname');
});

Names('mentions never overlap', () => {
  for (const name of ['000_068ea4b581333b37.txt', '003_efab3dd01ed1d94e.txt']) {
    const { article } = ingestFile(join(ROOT, 'seeds', name), `seeds/${name}`, {});
    const doc = annotate(article!, annotator).document;
    for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i]!.start >= doc.mentions[i - 1]!.end);
  }
});

Names('counts offsets in code points when an emoji stands before a name', () => {
  const text = headed('🚢𝔸 Dockers met Vladimir Putin in Moscow.');
  const doc = run(text);
  const putin = find(doc, 'Vladimir Putin')!;
  const points = [...text];
  assert.is(points.slice(putin.start, putin.end).join(''), 'Vladimir Putin');
  assert.is.not(text.indexOf('Vladimir Putin'), putin.start, 'UTF-16 index differs from the code-point offset');
  assert.is(putin.prefix.endsWith('Dockers met '), true);
});

Names.run();

const Dates = suite('dates');

Dates('marks explicit and relative time expressions, not durations', () => {
  const doc = run(headed('On September 13 and in April 2019, and last year, and this month, on Tuesday, an 18-month war lasted two days. It began in 1950-53, on November 18 and 19 of last year.'));
  const dates = doc.mentions.filter((m) => m.type === 'date').map((m) => m.exact);
  assert.equal(dates, ['September 13', 'April 2019', 'last year', 'this month', 'Tuesday', '1950-53', 'November 18 and 19 of last year']);
});

Dates('resolves to ISO values, using the publication date for relative ones', () => {
  assert.is(resolveDate('April 2019', null), '2019-04');
  assert.is(resolveDate('1950-53', null), '1950/1953');
  assert.is(resolveDate('Tuesday', '2023-09-07'), '2023-09-05');
  assert.is(resolveDate('last Tuesday', '2023-09-05'), '2023-08-29');
  assert.is(resolveDate('this month', '2023-09-07'), '2023-09');
  assert.is(resolveDate('last year', '2023-09-07'), '2022');
  assert.is(resolveDate('YESTERDAY', '2022-09-07'), '2022-09-06');
  assert.is(resolveDate('September 13', '2023-09-20'), '2023-09-13');
  assert.is(resolveDate('November 18 and 19 of last year', '2023-01-20'), '2022-11-18/2022-11-19');
  assert.is(resolveDate('Tuesday', null), null);
});

Dates('resolves in the article with a known publication date', () => {
  const doc = run(headed('US officials said on Tuesday that talks began this month.'), { published: '2022-09-07' });
  assert.is(find(doc, 'Tuesday')!.value, '2022-09-06');
  assert.is(find(doc, 'this month')!.value, '2022-09');
});

Dates('a time expression never runs from one paragraph into the next', () => {
  // Paragraphs one a line (as the recogniser's evaluation rebuilds CoNLL-2003): "Sept." ends one, "5" opens the next.
  const text = 'Talks resume\nShe flies home on Sept.\n5 people said she would.';
  const lines = text.split('\n');
  let at = 0;
  const blocks = lines.map((line, i) => {
    const block = { kind: i === 0 ? 'title' : 'paragraph', start: at, end: at + line.length, hidden: [] };
    at += line.length + 1;
    return block;
  }) as AnnotationDocument['article']['blocks'];
  const article = { ...run(headed('x')).article, text, blocks, title: lines[0]! };
  const doc = annotate(article, annotator).document;
  const dates = doc.mentions.filter((m) => m.type === 'date');
  assert.ok(dates.every((m) => !text.slice(m.start, m.end).includes('\n')), dates.map((m) => m.exact).join(', '));
  for (const c of doc.claims) for (const m of doc.mentions) assert.ok(m.end <= c.start || m.start >= c.end || (m.start >= c.start && m.end <= c.end), `${m.exact} crosses ${c.exact}`);
});

Dates.run();

const Claims = suite('claims');

Claims('reported speech with each kind of cue', () => {
  const doc = run(headed('US officials said that Russia bought shells. According to analysts, the deal is done. Experts in Seoul believe that talks will fail. Dr. Loo warned that costs rise. Russia is in denial about the purchases.'));
  assert.is(claimWith(doc, 'US officials said')!.source, 'US officials');
  assert.is(claimWith(doc, 'According to analysts')!.cue, 'according to');
  assert.is(claimWith(doc, 'According to analysts')!.source, 'analysts');
  assert.is(claimWith(doc, 'Experts in Seoul')!.cue, 'believe');
  assert.is(claimWith(doc, 'Dr. Loo warned')!.sourceEntityId, 'bernard-loo');
  assert.is(claimWith(doc, 'in denial')!.cue, 'is in denial');
  assert.is(claimWith(doc, 'in denial')!.polarity, 'deny');
});

Claims('direct quotations with the attribution after, before, and in the next sentence', () => {
  const doc = run(headed('“Prices will rise,” said Aaron Arnold. Anthony Rinna said: “Talks have failed.”\n\n“Our door is open.” That was the message from Jake Sullivan.'));
  const after = claimWith(doc, 'Prices will rise')!;
  assert.is(after.sourceEntityId, 'aaron-arnold');
  assert.ok(after.quote);
  const before = claimWith(doc, 'Talks have failed')!;
  assert.is(before.sourceEntityId, 'anthony-rinna');
  assert.ok(before.quote);
  const next = claimWith(doc, 'Our door is open')!;
  assert.is(next.sourceEntityId, 'jake-sullivan');
  assert.is(next.cue, 'quotation');
});

Claims('a following quotation with no cue continues the last speaker', () => {
  const doc = run(headed('“Russia has been in violation of sanctions for years,” said Arnold. “These are egregious violations.”'));
  const second = claimWith(doc, 'egregious')!;
  assert.is(second.source, 'Arnold');
  assert.is(second.cue, 'quotation');
});

Claims('a quotation of several sentences with one attribution is one claim', () => {
  const doc = run(headed('“Smuggling is growing. This is how it operates,” said Alexander Gabuev.'));
  assert.is(doc.claims.length, 1);
  assert.ok(doc.claims[0]!.exact.startsWith('“Smuggling') && doc.claims[0]!.exact.endsWith('Gabuev.'));
});

Claims('nested quotation marks stay inside the claim', () => {
  const doc = run(headed('Yun Sun studies the region.\n\n“China fears a ‘Northern Triangle’ of states,” she said.'));
  assert.is(doc.claims.length, 1);
  assert.match(doc.claims[0]!.exact, /‘Northern Triangle’/);
});

Claims('denial and a negated proposition are deny; a negation in an if-clause is not', () => {
  const doc = run(headed('North Korea says that it has not provided arms to Russia. Both countries denied any deal. Analysts said that if talks do not fail, the deal will stand.'));
  assert.is(claimWith(doc, 'has not provided')!.polarity, 'deny');
  assert.is(claimWith(doc, 'denied any deal')!.polarity, 'deny');
  assert.is(claimWith(doc, 'if talks do not fail')!.polarity, 'affirm');
});

Claims('hedged propositions are marked; an "appeared to" attribution is not hedging', () => {
  const doc = run(headed('Experts believe Russia could supply oil. The ambassador appeared to endorse the claims. Officials said the deal is done.'));
  assert.ok(claimWith(doc, 'could supply')!.hedged);
  assert.not.ok(claimWith(doc, 'appeared to endorse')!.hedged);
  assert.not.ok(claimWith(doc, 'deal is done')!.hedged);
});

Claims('a sentence with two attributed claims gives two clause claims', () => {
  const doc = run(headed('North Korea says that it has not provided arms to Russia, although intelligence sources say it did supply them.'));
  assert.is(doc.claims.length, 2);
  assert.is(doc.claims[0]!.exact, 'North Korea says that it has not provided arms to Russia');
  assert.is(doc.claims[1]!.exact, 'intelligence sources say it did supply them.');
  assert.is(doc.claims[1]!.source, 'intelligence sources');
});

Claims('the author’s own sentences and agentless passives are not claims', () => {
  const doc = run(headed('The deal would be a breach of international law. China is believed to have propped it up.'));
  assert.is(doc.claims.length, 0);
});

Claims('a pronoun source is replaced by the person it refers to', () => {
  const doc = run(headed('Yun Sun studies China. “China is concerned,” she said.'));
  assert.is(claimWith(doc, 'China is concerned')!.source, 'Yun Sun');
});

Claims('an apposed name is the source: "Its chief executive, Mr Idris Halvorsen, said"', () => {
  const doc = run(headed('The firm builds tools. Its chief executive, Mr Idris Halvorsen, said the tool was fair.'));
  assert.is(claimWith(doc, 'tool was fair')!.source, 'Mr Idris Halvorsen');
});

Claims.run();

const Clusters = suite('clusterClaims');

Clusters('groups paraphrases across two articles and keeps unrelated claims apart', () => {
  const a = run(headed('US officials said North Korea sold artillery shells to Russia. Analysts said the harvest in Brazil was good.'), {}, 'a.txt');
  const b = run('Another headline here\n\nIntelligence sources say Pyongyang supplied rockets and ammunition to Russia. Farmers said rain ruined crops in India.\n', {}, 'b.txt');
  const { documents, clusters } = clusterClaims([a, b], new Map(), gazetteer.entities);
  const [shells, harvest] = documents[0]!.claims;
  const [rockets, rain] = documents[1]!.claims;
  assert.ok(shells!.clusterId);
  assert.is(shells!.clusterId, rockets!.clusterId);
  assert.is(harvest!.clusterId, null);
  assert.is(rain!.clusterId, null);
  assert.is(clusters.length, 1);
  assert.ok(clusters[0]!.label.length > 10);
});

Clusters('keeps an editor’s cluster and its label', () => {
  const a = run(headed('US officials said the talks failed.'), {}, 'a.txt');
  a.claims[0]!.clusterId = 'k-talks';
  const { clusters } = clusterClaims([a], new Map([['k-talks', 'The talks failed']]), gazetteer.entities);
  assert.equal(clusters.map((k) => [k.id, k.label, k.method]), [['k-talks', 'The talks failed', 'curated']]);
});

Clusters.run();

const Curation = suite('curation');

function curate(doc: AnnotationDocument, data: object): ReturnType<typeof applyCuration> & { load: ReturnType<typeof loadCuration> } {
  const dir = tempDir();
  mkdirSync(join(dir, 'curation'));
  writeFileSync(join(dir, 'curation', `${doc.article.id}.json`), JSON.stringify(data));
  const load = loadCuration(join(dir, 'curation'), [doc.article], kb.entities);
  return { ...applyCuration([doc], load, gazetteer.entities), load };
}

Curation('adds, removes and retypes mentions; curated entries win', () => {
  const doc = run(headed('The Wagner Group met Kim Jong Un and the Northern Triangle in Moscow.'));
  const r = curate(doc, {
    mentions: [
      { id: 'add-1', action: 'add', selector: { exact: 'Northern Triangle' }, type: 'organization', entity: 'united-nations' },
      { id: 'rm-1', action: 'remove', selector: { exact: 'Moscow' } },
      { id: 'rt-1', action: 'retype', selector: { exact: 'Wagner Group' }, type: 'organization', entity: 'white-house' },
    ],
  });
  assert.equal([...r.load.problems, ...r.problems], []);
  const out = r.documents[0]!;
  const added = out.mentions.find((m) => m.exact === 'Northern Triangle')!;
  assert.is(added.method, 'curated');
  assert.is(added.confidence, 1);
  assert.not.ok(out.mentions.find((m) => m.exact === 'Moscow'));
  assert.is(out.mentions.find((m) => m.exact === 'Wagner Group')!.entityId, 'white-house');
  assert.equal(out.mentions.map((m) => m.id), out.mentions.map((_, i) => `m-${doc.article.id}-${i + 1}`));
});

Curation('reports an orphaned anchor with file and entry, as a warning', () => {
  const doc = run(headed('Kim Jong Un spoke.'));
  const r = curate(doc, { mentions: [{ id: 'gone-1', action: 'add', selector: { exact: 'Vladimir Putin' }, type: 'person', entity: 'vladimir-putin' }] });
  assert.is(r.problems.length, 1);
  assert.is(r.problems[0]!.severity, 'warning');
  assert.is(r.problems[0]!.file, `_data/curation/${doc.article.id}.json`);
  assert.match(r.problems[0]!.position, /entry gone-1/);
  assert.match(r.problems[0]!.message, /no longer contains/);
});

Curation('rejects an unknown entity, overlapping entries and bad offsets', () => {
  const doc = run(headed('Kim Jong Un met Vladimir Putin.'));
  const unknown = curate(doc, { mentions: [{ id: 'u', action: 'add', selector: { exact: 'Kim' }, type: 'person', entity: 'nobody-here' }] });
  assert.match(unknown.load.problems[0]!.message, /cites entity "nobody-here", which the knowledge base lacks/);
  const overlap = curate(doc, { mentions: [
    { id: 'o1', action: 'add', selector: { exact: 'Kim Jong' }, type: 'person', entity: 'kim-jong-un' },
    { id: 'o2', action: 'add', selector: { exact: 'Jong Un' }, type: 'person', entity: 'kim-jong-un' },
  ] });
  assert.match(overlap.problems[0]!.message, /overlaps entry o1/);
  const backwards = curate(doc, { mentions: [{ id: 'b', action: 'add', selector: { exact: 'Kim', start: 40, end: 30 }, type: 'person', entity: 'kim-jong-un' }] });
  assert.match(backwards.problems[0]!.message, /start 40 not before its end 30/);
  const past = curate(doc, { mentions: [{ id: 'p', action: 'add', selector: { exact: 'Kim', start: 400, end: 403 }, type: 'person', entity: 'kim-jong-un' }] });
  assert.match(past.problems[0]!.message, /past the end of the text/);
});

Curation('anchors by prefix and suffix when the quote repeats', () => {
  const map = new OffsetMap('Kim met Kim and 🚢 Kim.');
  const a = anchor(map, { exact: 'Kim', prefix: '🚢 ', suffix: '.' });
  assert.ok(a.ok);
  if (a.ok) assert.is(a.start, 18);
  const ambiguous = anchor(map, { exact: 'Kim' });
  assert.not.ok(ambiguous.ok);
});

Curation.run();

const Eval = suite('evaluation against the gold');

Eval('meets the bars on the seed gold and on the unseen-name gold', async () => {
  const { evaluateSet } = await import('../src/evaluate/index.ts');
  const seeds = evaluateSet('seeds', join(ROOT, 'tests', 'gold', 'seeds'), ROOT, annotator);
  const unseen = evaluateSet('unseen', join(ROOT, 'tests', 'gold', 'unseen'), ROOT, annotator);
  assert.ok(seeds.entities.named.f1 >= 0.95, `seed person/org/place F1 ${seeds.entities.named.f1}`);
  assert.ok(seeds.entities.linking.accuracy >= 0.97, `seed linking ${seeds.entities.linking.accuracy}`);
  assert.ok(unseen.entities.overall.f1 >= 0.85, `unseen F1 ${unseen.entities.overall.f1}`);
  assert.ok(seeds.claims.detection.f1 >= 0.85, `seed claim F1 ${seeds.claims.detection.f1}`);
  assert.ok(seeds.claims.source.accuracy >= 0.9, `seed source accuracy ${seeds.claims.source.accuracy}`);
  assert.ok(seeds.claims.polarity.accuracy >= 0.95, `seed polarity accuracy ${seeds.claims.polarity.accuracy}`);
});

Eval('every gold offset selects its quote, in code points', () => {
  for (const set of ['seeds', 'unseen']) {
    const dir = join(ROOT, 'tests', 'gold', set);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'clusters.json')) {
      const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { source: string; mentions: Array<{ start: number; end: number; exact: string }>; claims: Array<{ start: number; end: number; exact: string }> };
      const points = [...readFileSync(join(ROOT, gold.source), 'utf8').replace(/^\uFEFF/, '')];
      for (const r of [...gold.mentions, ...gold.claims]) assert.is(points.slice(r.start, r.end).join(''), r.exact, `${name} ${r.start}`);
    }
  }
});

Eval.run();
