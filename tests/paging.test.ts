/**
 * Lists split into pages (src/render/paging.ts and the list pages of src/render/routes.ts), on
 * corpora made in memory: the pager, an entity's mentions grouped by article across pages and the
 * address of a mention's line, a proposition reported more often than a page holds, the orders of
 * the articles index, and which entities get a page.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { articlesIn } from '../src/render/article-index.ts';
import { clusterPage } from '../src/render/claims.ts';
import { mentionInContextUrl, mentionPages } from '../src/render/entity.ts';
import { pageUrl, pager, paginate, paginateGroups } from '../src/render/paging.ts';
import { listRoutes } from '../src/render/routes.ts';
import { timelineChart, timelineOf } from '../src/render/timeline.ts';
import { entityHref, siteData, type SiteData } from '../src/render/site.ts';
import type { AnnotationDocument, Claim, Corpus, Entity, Mention } from '../src/types.ts';

const Paging = suite('paging: pages of a list');

Paging('the first page keeps the list address, later ones add page/N/', () => {
  assert.is(pageUrl('/articles/', 1), '/articles/');
  assert.is(pageUrl('/articles/', 2), '/articles/page/2/');
  assert.is(pageUrl('/entities/kim/', 12), '/entities/kim/page/12/');
});

Paging('splits items into pages of 100, and an empty list into one empty page', () => {
  const items = Array.from({ length: 250 }, (_, i) => i);
  assert.equal(paginate(items).map((p) => p.length), [100, 100, 50]);
  assert.equal(paginate(items).flat(), items);
  assert.equal(paginate([]), [[]]);
});

Paging('splits groups into pages of about 100 items, never splitting a group', () => {
  const groups = [60, 30, 20, 150, 5, 5].map((n, i) => ({ i, n }));
  const pages = paginateGroups(groups, (g) => g.n);
  assert.equal(pages.map((p) => p.map((g) => g.i)), [[0, 1, 2], [3], [4, 5]]);
});

Paging('the pager links first, previous, next and last, except to the page shown', () => {
  const middle = pager('/claims/', 2, 3, 'Pages of claims').value;
  for (const href of ['/claims/', '/claims/page/3/']) assert.match(middle, `href="${href}"`);
  assert.match(middle, 'Page 2 of 3');
  assert.match(middle, 'aria-label="Pages of claims"');
  const first = pager('/claims/', 1, 3, 'Pages of claims').value;
  assert.not.match(first, 'href="/claims/"');
  assert.match(first, 'href="/claims/page/2/" rel="next"');
  assert.is(pager('/claims/', 1, 1, 'Pages of claims').value, '', 'no pager for one page');
});

Paging.run();

// ---------------------------------------------------------------------------------------------
// A corpus made in memory: each article is one paragraph of sentences naming entities.

interface Spec {
  id: string;
  published?: string | null;
  /** Entity id and how many times the article names it. */
  names: Array<[string, number]>;
  /** Claims of the article, each in a cluster or none. */
  claims?: Array<string | null>;
  /** Values of the dates it names. */
  dates?: string[];
}

const ENTITIES: Entity[] = [
  { id: 'kim', type: 'person', label: 'Kim', aliases: [], adjectivals: [], description: 'A person in the knowledge base.' },
  { id: 'ana-once', type: 'person', label: 'Ana Once', aliases: [], adjectivals: [], description: 'Found by the recogniser.', generated: true },
  { id: 'bo-twice', type: 'person', label: 'Bo Twice', aliases: [], adjectivals: [], description: 'Found by the recogniser.', generated: true },
];

function documentOf(spec: Spec): AnnotationDocument {
  let text = '';
  const mentions: Mention[] = [];
  const claims: Claim[] = [];
  for (const [entityId, count] of spec.names) {
    const label = ENTITIES.find((e) => e.id === entityId)!.label;
    for (let i = 0; i < count; i++) {
      text += 'Then ';
      const start = text.length;
      text += label;
      mentions.push({ id: `m-${spec.id}-${mentions.length + 1}`, articleId: spec.id, entityId, type: 'person', form: 'name', refersTo: null, value: null, exact: label, prefix: '', suffix: '', start, end: text.length, method: 'gazetteer', confidence: 0.9 });
      text += ' spoke. ';
    }
  }
  for (const value of spec.dates ?? []) {
    text += 'It was ';
    const start = text.length;
    text += value;
    mentions.push({ id: `m-${spec.id}-${mentions.length + 1}`, articleId: spec.id, entityId: null, type: 'date', form: 'name', refersTo: null, value, exact: value, prefix: '', suffix: '', start, end: text.length, method: 'rule:date', confidence: 0.9 });
    text += '. ';
  }
  for (const clusterId of spec.claims ?? []) {
    const start = text.length;
    text += 'Kim said the port would open. ';
    claims.push({ id: `c-${spec.id}-${claims.length + 1}`, articleId: spec.id, exact: 'Kim said the port would open.', prefix: '', suffix: '', start, end: text.length - 1, source: 'Kim', sourceEntityId: 'kim', cue: 'said', quote: false, polarity: 'affirm', hedged: false, entityIds: [], clusterId, method: 'rule:reporting-verb', confidence: 0.8 });
  }
  return {
    article: { id: spec.id, sourceFile: `${spec.id}.txt`, sha256: '0'.repeat(64), text, title: `Article ${spec.id}`, standfirst: null, byline: null, author: null, outlet: 'Courier', published: spec.published ?? null, url: null, language: 'en', blocks: [{ kind: 'paragraph', start: 0, end: text.length, hidden: [] }], setAside: [], wordCount: text.split(' ').length, section: null, duplicateOf: null },
    mentions,
    claims,
  };
}

function siteOf(specs: Spec[]): SiteData {
  const documents = specs.map(documentOf);
  const claimIds = documents.flatMap((d) => d.claims.filter((c) => c.clusterId === 'k-port').map((c) => c.id));
  const corpus: Corpus = { documents, entities: ENTITIES, clusters: claimIds.length ? [{ id: 'k-port', label: 'The port would open', claimIds, method: 'similarity' }] : [], warnings: [] };
  return siteData(corpus);
}

const Lists = suite('paging: the list pages of a corpus');

/** Kim named 60, 50, 40, 30, 20, 10 and 40 times in seven articles, 250 times in all. */
const kimSite = (): SiteData =>
  siteOf([60, 50, 40, 30, 20, 10, 40].map((n, i) => ({ id: `a${i}`, published: i === 3 ? null : `2020-01-0${i + 1}`, names: [['kim', n]], claims: Array.from({ length: 35 }, () => 'k-port') })));

Lists("an entity's mentions: pages of about 100, the articles that name it most first, none split", () => {
  const site = kimSite();
  const pages = mentionPages(site, 'kim');
  assert.equal(pages.map((p) => p.map(([id, ms]) => `${id}:${ms.length}`)), [['a0:60', 'a1:50'], ['a2:40', 'a6:40', 'a3:30'], ['a4:20', 'a5:10']]);
  const routes = listRoutes(site);
  assert.ok(routes.has('/entities/kim/page/2/') && routes.has('/entities/kim/page/3/') && !routes.has('/entities/kim/page/4/'));
});

Lists("a mention's line in context is addressed on the page that shows it", () => {
  const site = kimSite();
  const last = site.mentionsByEntity.get('kim')!.get('a5')!.at(-1)!;
  const url = mentionInContextUrl(site, 'kim', last.id);
  assert.is(url, `/entities/kim/page/3/#${last.id}`);
  const html = listRoutes(site).get('/entities/kim/page/3/')!.render().value;
  assert.match(html, `<li id="${last.id}"><a href="/articles/a5/#${last.id}">`);
  assert.not.match(listRoutes(site).get('/entities/kim/page/2/')!.render().value, `id="${last.id}"`);
});

Lists('a proposition reported 245 times: its page shows 100 reports, and two later pages the rest', () => {
  const site = kimSite();
  const cluster = site.clusterById.get('k-port')!;
  assert.is(cluster.claimIds.length, 245);
  const first = clusterPage(cluster, site).value;
  assert.is((first.match(/<section class="report/g) ?? []).length, 100);
  assert.match(first, 'href="/claims/k-port/page/2/" rel="next"');
  const third = listRoutes(site).get('/claims/k-port/page/3/')!.render().value;
  assert.is((third.match(/<section class="report/g) ?? []).length, 45);
  assert.not.ok(listRoutes(site).has('/claims/k-port/page/4/'));
});

Lists('the claims index: 245 claims on three pages; Kim, with more claims than its page shows, gets a claims list', () => {
  const routes = listRoutes(kimSite());
  assert.ok(routes.has('/claims/page/3/') && !routes.has('/claims/page/4/'));
  assert.is((routes.get('/claims/page/3/')!.render().value.match(/<tr>/g) ?? []).length, 1 + 45);
  assert.ok(routes.has('/entities/kim/claims/page/3/'));
});

Lists('the articles index: newest first with undated articles last, and by mentions', () => {
  const site = kimSite();
  assert.equal(articlesIn(site, 'date').map((d) => d.article.id), ['a6', 'a5', 'a4', 'a2', 'a1', 'a0', 'a3']);
  assert.equal(articlesIn(site, 'mentions').map((d) => d.article.id), ['a0', 'a1', 'a2', 'a6', 'a3', 'a4', 'a5']);
  const routes = listRoutes(site);
  for (const url of ['/articles/', '/articles/by/title/', '/articles/by/outlet/', '/articles/by/mentions/', '/articles/by/claims/']) assert.ok(routes.has(url), url);
  assert.not.ok(routes.has('/articles/by/section/'), 'no order by section when no article has one');
});

Lists('a name the recogniser found gets a page once two articles name it; a knowledge-base entity always', () => {
  const site = siteOf([
    { id: 'a', names: [['kim', 1], ['ana-once', 2], ['bo-twice', 1]] },
    { id: 'b', names: [['bo-twice', 1]] },
  ]);
  assert.is(entityHref(site, 'kim'), '/entities/kim/');
  assert.is(entityHref(site, 'bo-twice'), '/entities/bo-twice/');
  assert.is(entityHref(site, 'ana-once'), null);
  assert.is(mentionInContextUrl(site, 'ana-once', 'm-a-2'), null);
  assert.not.match(listRoutes(site).get('/entities/type/person/')!.render().value, 'href="/entities/ana-once/"');
});

Lists.run();

const Timeline = suite('paging: the timeline');

Timeline('counts per year; a long span draws its busy years, the few earlier ones as one bar', () => {
  const busy = Array.from({ length: 60 }, (_, i) => `${1950 + i}-05-01`);
  const site = siteOf([
    { id: 'old', names: [], dates: ['1600', '1601-03'] },
    ...Array.from({ length: 5 }, (_, i) => ({ id: `new${i}`, names: [] as Array<[string, number]>, dates: busy })),
    { id: 'peak', names: [], dates: Array.from({ length: 10 }, () => '2009-06-01') },
  ]);
  const timeline = timelineOf(site);
  assert.is(timeline.unit, 'year');
  assert.equal(timeline.periods.slice(0, 3).map((p) => [p.key, p.mentions]), [['1600', 1], ['1601', 1], ['1950', 5]]);
  const chart = timelineChart(site).value;
  assert.is((chart.match(/<rect /g) ?? []).length, 61, 'a bar for each of the 60 busy years, and one for the earlier ones');
  assert.match(chart, '<a href="/timeline/#period-1600"><title>1600 to 1601: 2 dated mentions</title>');
  assert.match(chart, '<a href="/timeline/1950/"><title>1950: 5 dated mentions</title>');
  assert.match(chart, '<a href="/timeline/2009/"><title>2009: 15 dated mentions</title>');
  assert.not.match(chart, '>later<', 'nothing later than the busy years');
  const page = listRoutes(site).get('/timeline/')!.render().value;
  assert.match(page, '<tr id="period-1600"><td><a href="/timeline/1600/">1600</a></td><td class="num">1</td>');
});

Timeline('counts per month when the dates span two years at most; a date without its month is listed apart', () => {
  const site = siteOf([{ id: 'a', names: [], dates: ['2023-01-05', '2023-01-20', '2024-11', '2024'] }]);
  const timeline = timelineOf(site);
  assert.is(timeline.unit, 'month');
  assert.equal(timeline.periods.map((p) => [p.key, p.label, p.mentions]), [['2023-01', 'January 2023', 2], ['2024', '2024, month not given', 1], ['2024-11', 'November 2024', 1]]);
  assert.ok(listRoutes(site).has('/timeline/2023-01/'));
  assert.is((timelineChart(site).value.match(/<rect /g) ?? []).length, 2, 'the date without its month is not drawn');
});

Timeline.run();
