/**
 * Linking in context (issues 12 and 14), on a small knowledge base made for the test in the shape
 * of the Wikidata-derived one, with the committed recogniser finding the names: the contextual
 * choice between namesakes, partial aliases (a surname) only after the full name in the same
 * article, short forms that must not reach a famous namesake, the no-link fallback with its
 * alternatives, merging across articles under one QID, names the knowledge base lacks merged by
 * their full name only, and organisations whose list gives no popularity.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { annotate, compileAnnotator } from '../src/annotate/index.ts';
import { link } from '../src/annotate/linker.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../src/ingest/index.ts';
import type { AnnotationDocument, Entity, Mention } from '../src/types.ts';
import { tempDir } from './helpers.ts';

const derived = (e: Omit<Entity, 'aliases' | 'adjectivals'> & Partial<Pick<Entity, 'aliases'>>): Entity => ({ aliases: [], adjectivals: [], ...e, sources: { type: 'test', label: 'test', description: 'test', popularity: 'test' } });

const KB: Entity[] = [
  derived({ id: 'paris', type: 'place', label: 'Paris', description: 'Capital and largest city of France, on the Seine', wikidata: 'Q90', popularity: 120 }),
  derived({ id: 'paris-texas', type: 'place', label: 'Paris', aliases: ['Paris, Texas'], description: 'City in Lamar County, Texas, United States', wikidata: 'Q830149', popularity: 40 }),
  derived({ id: 'seine', type: 'place', label: 'Seine', description: 'River in northern France', wikidata: 'Q1471', popularity: 90 }),
  derived({ id: 'texas', type: 'place', label: 'Texas', description: 'State of the United States of America', wikidata: 'Q1439', popularity: 150 }),
  derived({ id: 'lamar-county', type: 'place', label: 'Lamar County', description: 'County in Texas, United States', wikidata: 'Q26581', popularity: 20 }),
  derived({ id: 'georgia', type: 'place', label: 'Georgia', description: 'Country in the Caucasus', wikidata: 'Q230', popularity: 150 }),
  derived({ id: 'georgia-state', type: 'place', label: 'Georgia', description: 'State of the United States of America', wikidata: 'Q1428', popularity: 130 }),
  derived({ id: 'atlanta', type: 'place', label: 'Atlanta', description: 'Capital and largest city of Georgia, United States', wikidata: 'Q23556', popularity: 110 }),
  derived({ id: 'kim-jong-un', type: 'person', label: 'Kim Jong-un', aliases: ['Kim Jong Un'], partialAliases: ['Kim'], description: 'Supreme Leader of North Korea', wikidata: 'Q56226', popularity: 120 }),
  derived({ id: 'kim-clijsters', type: 'person', label: 'Kim Clijsters', partialAliases: ['Clijsters'], description: 'Belgian tennis player', wikidata: 'Q11682', popularity: 70 }),
  derived({ id: 'jake-sullivan', type: 'person', label: 'Jake Sullivan', partialAliases: ['Sullivan'], description: 'United States National Security Advisor', wikidata: 'Q6125227', popularity: 40 }),
  derived({ id: 'tony-blair', type: 'person', label: 'Tony Blair', aliases: ['Anthony Blair'], partialAliases: ['Blair'], description: 'Prime Minister of the United Kingdom from 1997 to 2007', wikidata: 'Q9545', popularity: 150 }),
  derived({ id: 'john-smith-footballer', type: 'person', label: 'John Smith', description: 'Footballer (Leeds from 1990)', wikidata: 'Q1000001', popularity: 3 }),
  derived({ id: 'john-smith-painter', type: 'person', label: 'John Smith', description: 'Painter (Bristol)', wikidata: 'Q1000002', popularity: 3 }),
  derived({ id: 'halvorsen-bank', type: 'organization', label: 'Halvorsen Bank', description: 'Bank brand (amenity)', wikidata: 'Q1000003', popularity: 10 }),
];
const annotator = compileAnnotator(KB);
const none = { words: new Set<string>(), named: new Set<string>() };

function article(id: string, headline: string, ...paragraphs: string[]): AnnotationDocument {
  const path = join(tempDir(), `${id}.txt`);
  writeFileSync(path, `${headline}\n\n${paragraphs.join('\n\n')}\n`);
  const { article, problems } = ingestFile(path, `seeds/${id}.txt`, {});
  assert.ok(article, JSON.stringify(problems));
  return annotate(article!, annotator).document;
}
const mention = (doc: AnnotationDocument, exact: string, nth = 0): Mention | undefined => doc.mentions.filter((m) => m.exact === exact)[nth];

const Context = suite('linking: the contextual choice');

Context('the better-known namesake without context; the one the article supports with it', () => {
  assert.is(link(annotator.names, ['Paris'], 'place', none).entityId, 'paris');
  const france = article('seine', 'Floods in the capital', 'The Seine burst its banks in Paris on Monday, and the city closed its quays.');
  assert.is(mention(france, 'Paris')?.entityId, 'paris');
  const texas = article('lamar', 'A small town votes', 'Voters in Paris, in Lamar County, Texas, chose a new mayor on Tuesday.');
  assert.is(mention(texas, 'Paris')?.entityId, 'paris-texas');
  const atlanta = article('peach', 'A storm in the South', 'The storm reached Atlanta on Sunday, and the governor of Georgia declared an emergency.');
  assert.is(mention(atlanta, 'Georgia')?.entityId, 'georgia-state');
  const caucasus = article('tbilisi', 'Talks in the Caucasus', 'Georgia and its neighbours met for talks on trade on Sunday.');
  assert.is(mention(caucasus, 'Georgia')?.entityId, 'georgia');
});

Context('the type the recogniser gives must match: a place name read as a person is not the place', () => {
  assert.is(link(annotator.names, ['Paris'], 'person', none).entityId, null);
});

Context.run();

const Partial = suite('linking: surnames and short forms');

Partial('a surname links only after the full name in the same article', () => {
  const doc = article('blair', 'Prime minister speaks', 'Tony Blair spoke in Sedgefield on Friday. Later, Blair said the economy was strong.');
  assert.is(mention(doc, 'Tony Blair')?.entityId, 'tony-blair');
  assert.is(mention(doc, 'Blair')?.entityId, 'tony-blair');
  const alone = article('blair-alone', 'A cup tie', 'Blair scored twice for the visitors on Saturday.');
  assert.is.not(mention(alone, 'Blair')?.entityId, 'tony-blair');
});

Partial('"Kim" in an article about Kim Clijsters is not Kim Jong-un; "Sullivan" is not Jake Sullivan unless the article names him', () => {
  const tennis = article('clijsters', 'Belgian wins in Melbourne', 'Kim Clijsters won her semi-final on Thursday. Kim served well throughout, and Clijsters said she was delighted.');
  assert.is(mention(tennis, 'Kim Clijsters')?.entityId, 'kim-clijsters');
  for (const m of tennis.mentions.filter((x) => x.exact === 'Kim' || x.exact === 'Clijsters')) assert.is.not(m.entityId, 'kim-jong-un', m.exact);
  const football = article('sullivan', 'Late goal settles derby', 'Sullivan headed the winner in the last minute, and the crowd of 30,000 cheered.');
  assert.is.not(mention(football, 'Sullivan')?.entityId, 'jake-sullivan');
  const washington = article('nsa', 'Adviser visits Seoul', 'Jake Sullivan arrived in Seoul on Monday. Sullivan met officials for two hours.');
  assert.is(mention(washington, 'Sullivan')?.entityId, 'jake-sullivan');
});

Partial.run();

const Fallback = suite('linking: when unsure, no link');

Fallback('two namesakes with nothing to tell them apart: unlinked, both kept as alternatives', () => {
  const l = link(annotator.names, ['John', 'Smith'], 'person', none);
  assert.is(l.entityId, null);
  assert.equal([...l.alternatives].sort(), ['john-smith-footballer', 'john-smith-painter']);
  const doc = article('smith', 'Council meets', 'John Smith told the council on Monday that the budget was tight.');
  const m = mention(doc, 'John Smith')!;
  assert.ok(m, 'the name is still marked');
  assert.not.ok(KB.some((e) => e.id === m.entityId), `not linked to the knowledge base (${m.entityId})`);
  assert.equal([...(m.alternatives ?? [])].sort(), ['john-smith-footballer', 'john-smith-painter']);
});

Fallback.run();

const Merge = suite('linking: one entity across articles');

Merge('mentions merge under the QID whatever alias each article used', () => {
  const a = article('a1', 'Blair in Brussels', 'Tony Blair arrived in Brussels on Monday.');
  const b = article('a2', 'Former premier writes', 'Anthony Blair has written a memoir, and Blair will sign copies in London.');
  assert.is(mention(a, 'Tony Blair')?.entityId, 'tony-blair');
  assert.is(mention(b, 'Anthony Blair')?.entityId, 'tony-blair');
  assert.is(mention(b, 'Blair')?.entityId, 'tony-blair');
});

Merge('a name the knowledge base lacks merges across articles by its full name; its surname stays within its article', () => {
  const a = article('b1', 'Union calls strike', 'Marta Kowalczyk, who leads the dockers, called a strike. Kowalczyk said talks had failed.');
  const b = article('b2', 'Strike goes on', 'Marta Kowalczyk said on Tuesday that the strike would go on.');
  const c = article('b3', 'Another Kowalczyk', 'Kowalczyk scored for the home side on Sunday.');
  const full = mention(a, 'Marta Kowalczyk')!.entityId;
  assert.ok(full);
  assert.is(mention(b, 'Marta Kowalczyk')?.entityId, full, 'the same full name, the same entity');
  assert.is(mention(a, 'Kowalczyk')?.entityId, full, 'the surname after the full name');
  assert.is.not(mention(c, 'Kowalczyk')?.entityId, full, 'a surname alone in another article is not her');
});

Merge.run();

const Organisations = suite('linking: organisations from lists without popularity');

Organisations('a brand that no source ranks is linked when the recogniser reads its name as an organisation', () => {
  const doc = article('bank', 'Bank cuts jobs', 'Halvorsen Bank said on Tuesday it would cut 300 jobs in Oslo.');
  assert.is(mention(doc, 'Halvorsen Bank')?.entityId, 'halvorsen-bank');
});

Organisations.run();
