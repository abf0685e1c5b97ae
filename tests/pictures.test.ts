/**
 * The pictures as data: the co-occurrence statistics behind the networks (an edge only above
 * chance), the networks' determinism and their tables, and the proposition shown beside each
 * claim. tests/accessibility.test.ts looks at the drawn pictures in Chromium.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cooccurrence, MIN_SHARED } from '../src/render/cooccurrence.ts';
import { egoNetwork, labelWidth, networkChart } from '../src/render/network.ts';
import { proposition } from '../src/render/proposition.ts';
import { siteData } from '../src/render/site.ts';
import { runPipeline } from '../src/pipeline.ts';
import type { AnnotationDocument, Block, Claim, Corpus, Entity, Mention } from '../src/types.ts';
import { ROOT } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// A corpus made by hand: paragraphs whose entities are known, so the statistics can be worked out.

const ENTITIES: Entity[] = ['alpha', 'beta', 'gamma', 'delta'].map((id) => ({ id, type: 'place', label: id.charAt(0).toUpperCase() + id.slice(1), aliases: [], adjectivals: [], description: '' }));

/** An article whose paragraphs mention the given entities, by their labels. */
function article(id: string, paragraphs: string[][]): AnnotationDocument {
  let text = '';
  const blocks: Block[] = [];
  const mentions: Mention[] = [];
  for (const names of paragraphs) {
    const start = text.length;
    for (const name of names) {
      const at = text.length;
      text += `${name} `;
      mentions.push({ id: `m-${id}-${mentions.length}`, articleId: id, entityId: name.toLowerCase(), type: 'place', form: 'name', refersTo: null, value: null, exact: name, prefix: '', suffix: '', method: 'gazetteer', confidence: 0.9, start: at, end: at + name.length });
    }
    blocks.push({ kind: 'paragraph', start, end: text.length, hidden: [] });
    text += '\n\n';
  }
  return {
    article: { id, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), text, title: id, standfirst: null, byline: null, author: null, outlet: null, section: null, published: null, url: null, language: 'en', blocks, setAside: [], wordCount: 0, duplicateOf: null },
    mentions,
    claims: [],
  };
}

function corpusOf(documents: AnnotationDocument[]): Corpus {
  return { documents, entities: ENTITIES, clusters: [], warnings: [] };
}

// Alpha and Beta share two of four paragraphs, twice what chance gives them: PMI = log2(2·4/(2·2)) = 1.
// Gamma is in every paragraph, so it goes with anything exactly as often as chance: PMI = 0.
// Delta shares two paragraphs with Gamma only (PMI 0) and one with nobody else.
const HAND = corpusOf([
  article('one', [['Alpha', 'Beta', 'Gamma'], ['Gamma', 'Delta']]),
  article('two', [['Alpha', 'Beta', 'Gamma'], ['Gamma', 'Delta']]),
]);

const Stats = suite('cooccurrence');

Stats('counts paragraphs, and joins two entities only where they share paragraphs more often than chance', () => {
  const c = cooccurrence(siteData(HAND));
  assert.is(c.paragraphs, 4);
  assert.equal(Object.fromEntries(c.count), { alpha: 2, beta: 2, gamma: 4, delta: 2 });
  const alpha = c.neighbours.get('alpha') ?? [];
  assert.equal(alpha.map((a) => a.id), ['beta'], 'Gamma goes with Alpha only as often as chance does');
  assert.is(alpha[0]?.shared, 2);
  assert.ok(Math.abs((alpha[0]?.pmi ?? 0) - 1) < 1e-12, `PMI ${alpha[0]?.pmi}`);
  assert.ok(Math.abs((alpha[0]?.npmi ?? 0) - 1) < 1e-12, 'NPMI = PMI / -log2(2/4) = 1');
  assert.not.ok(c.neighbours.has('gamma'), 'an entity in every paragraph is associated with none');
  assert.not.ok(c.neighbours.has('delta'));
});

Stats(`needs ${MIN_SHARED} shared paragraphs: one shared paragraph draws no line, however rare the pair`, () => {
  const c = cooccurrence(siteData(corpusOf([article('one', [['Alpha', 'Delta'], ['Beta'], ['Gamma'], ['Beta', 'Gamma']])])));
  assert.not.ok(c.neighbours.has('alpha'), 'Alpha and Delta share one paragraph of four: PMI 2 bits, but one paragraph proves little');
});

Stats('leaves out the byline: a name there is not said alongside the others', () => {
  const doc = article('one', [['Alpha', 'Beta'], ['Alpha', 'Beta'], ['Gamma']]);
  const bylined = { ...doc, article: { ...doc.article, blocks: doc.article.blocks.map((b, i) => (i === 0 ? { ...b, kind: 'byline' as const } : b)) } };
  assert.is(cooccurrence(siteData(corpusOf([bylined]))).count.get('alpha'), 1);
});

Stats.run();

// ---------------------------------------------------------------------------------------------

const seeds = await runPipeline({ root: ROOT });
if (!seeds.corpus) throw new Error('the seeds did not build');
const SEEDS = seeds.corpus;

const Pictures = suite('networkChart and egoNetwork');

Pictures('draw the same bytes for the same corpus, whatever the order of its articles and entities', () => {
  const again = siteData({ ...SEEDS, documents: [...SEEDS.documents].reverse(), entities: [...SEEDS.entities].reverse() });
  const site = siteData(SEEDS);
  assert.is(networkChart(again).value, networkChart(site).value);
  for (const s of site.entities.slice(0, 20)) assert.is(egoNetwork(again, s.entity.id).value, egoNetwork(site, s.entity.id).value, s.entity.id);
});

/** The rows of a picture's table: [entity, entity or type, shared, pmi]. */
function tableRows(svgHtml: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(svgHtml)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

Pictures('list in their table exactly the lines they draw, each above chance', () => {
  const site = siteData(SEEDS);
  const chart = networkChart(site).value;
  const lines = (chart.match(/<line /g) ?? []).length;
  const rows = tableRows(chart);
  assert.ok(lines > 5, `${lines} lines on the seeds`);
  assert.is(rows.length, lines);
  for (const [, , shared, pmi] of rows) assert.ok(Number(shared) >= MIN_SHARED && Number(pmi) > 0, `${shared} shared, PMI ${pmi}`);
  const kim = egoNetwork(site, 'kim-jong-un').value;
  const neighbours = tableRows(kim);
  assert.ok(neighbours.length > 0 && neighbours.length <= 10);
  const expected = (cooccurrence(site).neighbours.get('kim-jong-un') ?? []).slice(0, 10).map((a) => site.entityById.get(a.id)!.label);
  assert.equal(neighbours.map((r) => r[0]), expected, 'strongest first');
});

Pictures('set every coordinate inside the viewBox, with room for each label measured wide', () => {
  const site = siteData(SEEDS);
  for (const svg of [networkChart(site).value, egoNetwork(site, 'kim-jong-un').value]) {
    const [x, y, w, h] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number) as [number, number, number, number];
    const labels = [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(start|end|middle)">([^<]*)<\/text>/g)];
    assert.is(labels.length, (svg.match(/<text /g) ?? []).length, 'every label is checked');
    for (const m of labels) {
      const tx = Number(m[1]);
      const width = labelWidth(m[4]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
      const [left, right] = m[3] === 'start' ? [tx, tx + width] : m[3] === 'end' ? [tx - width, tx] : [tx - width / 2, tx + width / 2];
      assert.ok(left >= x && right <= x + w && Number(m[2]) - 11 >= y && Number(m[2]) <= y + h, `${m[4]} at ${left}–${right} in ${x}–${x + w}`);
    }
  }
});

Pictures('link an entity only when it has a page: a name found in a single article is drawn and listed without a link', () => {
  // Epsilon, which the recogniser found in article one alone, shares two of its four paragraphs with Alpha.
  const epsilon: Entity = { id: 'epsilon', type: 'place', label: 'Epsilon', aliases: [], adjectivals: [], description: '', generated: true };
  const site = siteData({ ...corpusOf([article('one', [['Alpha', 'Epsilon'], ['Alpha', 'Epsilon'], ['Beta'], ['Gamma']]), article('two', [['Alpha'], ['Beta']])]), entities: [...ENTITIES, epsilon] });
  assert.not.ok(site.pagedEntityIds.has('epsilon'), 'Epsilon has no page');
  for (const svg of [networkChart(site).value, egoNetwork(site, 'alpha').value]) {
    assert.match(svg, /<g><circle class="t-place" [^>]*\/><text [^>]*>Epsilon<\/text><\/g>/, 'its node is drawn, unlinked');
    assert.match(svg, /<a href="\/entities\/alpha\/"><circle /, "Alpha's node links its page");
    assert.match(svg, /<td>Epsilon<\/td>/, 'its table cell is text');
    assert.not.match(svg, /\/entities\/epsilon\//);
  }
});

Pictures('say so in words when no pair is above chance', () => {
  const site = siteData(corpusOf([article('one', [['Alpha'], ['Beta']])]));
  assert.match(networkChart(site).value, /No two entities share paragraphs more often than chance/);
  assert.match(egoNetwork(site, 'alpha').value, /No entity shares 2 or more paragraphs with this one/);
});

Pictures.run();

// ---------------------------------------------------------------------------------------------

const Proposition = suite('proposition');

const claim = (exact: string, source: string, cue: string): Claim => ({ id: 'c-x-1', articleId: 'x', exact, prefix: '', suffix: '', start: 0, end: exact.length, source, sourceEntityId: null, cue, quote: false, polarity: 'affirm', hedged: false, entityIds: [], clusterId: null, method: 'rule:reporting-verb', confidence: 0.8 });

Proposition('drops the attribution that the list shows beside it', () => {
  assert.is(proposition(claim('Some analysts argue that Moscow could boost the programme.', 'Some analysts', 'argue')), 'Moscow could boost the programme.');
  assert.is(proposition(claim('U.S. officials, who first said the visit was imminent, said arms talks were advancing.', 'U.S. officials', 'said')), 'Arms talks were advancing.');
  assert.is(proposition(claim('According to US officials, the purpose of the meeting is to explore arms supplies.', 'US officials', 'according to')), 'The purpose of the meeting is to explore arms supplies.');
  assert.is(proposition(claim('“Pyongyang sees in Russia’s isolation an opportunity,” said Anthony Rinna, a specialist.', 'Anthony Rinna', 'said')), 'Pyongyang sees in Russia’s isolation an opportunity');
  assert.is(proposition(claim('“It is unthinkable that they would veto a resolution,” Sun added.', 'Sun', 'added')), 'It is unthinkable that they would veto a resolution');
});

Proposition('shortens a long proposition at a word boundary, with an ellipsis, and drops link markup', () => {
  const long = proposition(claim(`Analysts said ${'the [rockets](#) and shells '.repeat(20)}arrived.`, 'Analysts', 'said'), 80);
  assert.ok([...long].length <= 80, long);
  assert.match(long, /…$/);
  assert.match(long, /^The rockets and shells the rockets/);
  assert.not.match(long, /[[\]]/);
});

Proposition('keeps the whole sentence when it finds no attribution in it', () => {
  assert.is(proposition(claim('Sanctions are failing.', 'the report', 'found')), 'Sanctions are failing.');
});

Proposition.run();
