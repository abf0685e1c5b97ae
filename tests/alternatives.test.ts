/**
 * An entity page shows the knowledge-base entities a mention was not linked to when the link was
 * uncertain (issue 14): "Not linked: it could be" on the article's own entity, "Uncertain: it
 * could also be" on a linked one, most popular first, each with its description and Wikidata link.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { alternativesOf, entityPage } from '../src/render/entity.ts';
import { siteData, type SiteData } from '../src/render/site.ts';
import type { AnnotationDocument, Corpus, Entity, Mention } from '../src/types.ts';

const ENTITIES: Entity[] = [
  { id: 'kim-jong-un', type: 'person', label: 'Kim Jong-un', aliases: [], adjectivals: [], description: 'Supreme Leader of North Korea', wikidata: 'Q56226', popularity: 900 },
  { id: 'kim-yo-jong', type: 'person', label: 'Kim Yo-jong', aliases: [], adjectivals: [], description: 'North Korean politician', wikidata: 'Q3195851', popularity: 120 },
  { id: 'kim-clijsters', type: 'person', label: 'Kim Clijsters', aliases: [], adjectivals: [], description: 'Belgian tennis player <retired>', wikidata: 'Q11682', popularity: 300 },
  { id: 'kim', type: 'person', label: 'Kim', aliases: [], adjectivals: [], description: 'Named in the corpus; not in the knowledge base.', generated: true },
];

function mention(articleId: string, n: number, entityId: string, alternatives: string[]): Mention {
  return { id: `m-${articleId}-${n}`, articleId, entityId, type: 'person', form: 'name', refersTo: null, value: null, exact: 'Kim', prefix: '', suffix: '', start: 0, end: 3, method: 'ner', confidence: 0.6, ...(alternatives.length ? { alternatives } : {}) };
}

function document(id: string, mentions: Mention[]): AnnotationDocument {
  const text = 'Kim spoke.';
  return {
    article: { id, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), text, title: `Article ${id}`, standfirst: null, byline: null, author: null, outlet: 'Courier', published: null, url: null, language: 'en', blocks: [{ kind: 'paragraph', start: 0, end: text.length, hidden: [] }], setAside: [], wordCount: 2, section: null, duplicateOf: null },
    mentions,
    claims: [],
  };
}

function site(): SiteData {
  const corpus: Corpus = {
    documents: [
      document('a1', [mention('a1', 1, 'kim', ['kim-yo-jong', 'kim-jong-un'])]),
      document('a2', [mention('a2', 1, 'kim', ['kim-jong-un', 'kim-clijsters'])]),
      document('a3', [mention('a3', 1, 'kim-jong-un', ['kim-yo-jong'])]),
      document('a4', [mention('a4', 1, 'kim-clijsters', [])]),
    ],
    entities: ENTITIES,
    clusters: [],
    warnings: [],
  };
  return siteData(corpus);
}

const Alternatives = suite('entity pages: the alternatives of an uncertain link');

Alternatives('counts the mentions each alternative was passed over for, most popular first', () => {
  assert.equal(alternativesOf(site(), 'kim').map((a) => `${a.entity.id}:${a.mentions}`), ['kim-jong-un:2', 'kim-clijsters:1', 'kim-yo-jong:1']);
  assert.equal(alternativesOf(site(), 'kim-jong-un').map((a) => a.entity.id), ['kim-yo-jong']);
  assert.equal(alternativesOf(site(), 'kim-clijsters'), [], 'an entity with no uncertain mention has none');
});

Alternatives("the unlinked name's page offers them with description and Wikidata link, escaped", () => {
  const s = site();
  const html = entityPage(s.statsById.get('kim')!, s).value;
  assert.match(html, 'Not linked: it could be');
  const list = /<ul class="alternatives">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  const order = ['Kim Jong-un', 'Kim Clijsters', 'Kim Yo-jong'].map((label) => list.indexOf(label));
  assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), `in order of popularity: ${list}`);
  assert.match(list, 'Supreme Leader of North Korea');
  assert.match(list, 'https://www.wikidata.org/wiki/Q56226');
  assert.match(list, 'for 2 mentions');
  assert.match(list, 'Belgian tennis player &lt;retired&gt;');
  assert.not.match(list, '<retired>');
});

Alternatives("a linked entity's page says the link is uncertain; a certain one says nothing", () => {
  const s = site();
  assert.match(entityPage(s.statsById.get('kim-jong-un')!, s).value, 'Uncertain: it could also be');
  assert.not.match(entityPage(s.statsById.get('kim-clijsters')!, s).value, 'could also be');
});

Alternatives.run();
