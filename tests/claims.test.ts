/**
 * The claim finder's rule chain (src/annotate/claims/): each rule on small texts, then the chain
 * on the behaviours issue 15 asks for (quotation continuation, pronoun, description and apposition
 * sources), and the gold sets it is measured on.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileAnnotator } from '../src/annotate/index.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { findMentions } from '../src/annotate/mentions.ts';
import { viewOf } from '../src/annotate/tokens.ts';
import { RULES, findClaims } from '../src/annotate/claims/index.ts';
import { cueAt } from '../src/annotate/claims/cue.ts';
import { CUE_WORDS } from '../src/annotate/claims/lexicon.ts';
import { mainClause, polarityOf } from '../src/annotate/claims/polarity.ts';
import { hedgedOf } from '../src/annotate/claims/hedge.ts';
import { isQuotation } from '../src/annotate/claims/content.ts';
import { genderOf } from '../src/annotate/claims/referents.ts';
import { createState, type ClaimState } from '../src/annotate/claims/state.ts';
import { articleOf, readWorldwideFile, rebuild } from '../src/annotate/tagger/corpus.ts';
import { evaluateClaimsDev, type DevGoldFile } from '../src/evaluate/claims-dev.ts';
import { evaluateSet } from '../src/evaluate/index.ts';
import { ingestFile } from '../src/ingest/index.ts';
import type { Claim } from '../src/types.ts';
import { ROOT, tempDir } from './helpers.ts';

const annotator = compileAnnotator(loadMergedKnowledgeBase(join(ROOT, '_data')).entities);

/** The claim rules' state for a text (headline, then one paragraph per argument), after the rules up to `last`. */
function stateAfter(last: string, ...paragraphs: string[]): ClaimState {
  const path = join(tempDir(), 'fixture.txt');
  writeFileSync(path, `A headline for the test\n\n${paragraphs.join('\n\n')}\n`);
  const { article, problems } = ingestFile(path, 'seeds/fixture.txt', {});
  if (!article) throw new Error(problems.map((p) => p.message).join('; '));
  const view = viewOf(article);
  const state = createState(view, findMentions(view, annotator).mentions);
  for (const [name, rule] of RULES) {
    rule(state);
    if (name === last) return state;
  }
  return state;
}

/** The claims the whole chain finds in a text. */
function claimsIn(...paragraphs: string[]): Claim[] {
  return stateAfter('records', ...paragraphs).claims;
}

const claimWith = (claims: Claim[], fragment: string): Claim => {
  const claim = claims.find((c) => c.exact.includes(fragment));
  if (!claim) throw new assert.Assertion({ message: `no claim holds "${fragment}"; claims: ${claims.map((c) => JSON.stringify(c.exact)).join(', ')}`, operator: 'claimWith' } as never);
  return claim;
};

const unitTexts = (state: ClaimState): string[] => state.units.map((u) => state.text.slice(u.start, u.end));

// ---------------------------------------------------------------------------------------------

const Chain = suite('RULES');

Chain('lists the rules in the order they run, markdown-it style', () => {
  assert.equal(
    RULES.map(([name]) => name),
    ['units', 'cue', 'source', 'continuation', 'content', 'polarity', 'hedge', 'records'],
  );
});

Chain('each rule is a function of the shared state, and findClaims runs them all', () => {
  for (const [, rule] of RULES) assert.type(rule, 'function');
  const text = 'Officials said the talks had failed.';
  const path = join(tempDir(), 'chain.txt');
  writeFileSync(path, `A headline\n\n${text}\n`);
  const view = viewOf(ingestFile(path, 'seeds/chain.txt', {}).article!);
  const claims = findClaims(view, findMentions(view, annotator).mentions);
  assert.is(claims.length, 1);
  assert.is(claims[0]!.source, 'Officials');
});

Chain.run();

const Units = suite('units');

Units('joins a quotation of several sentences into one unit', () => {
  const state = stateAfter('units', '“Smuggling is up. It is the bread and butter of the trade,” said Alexander Gabuev.');
  assert.ok(unitTexts(state).includes('“Smuggling is up. It is the bread and butter of the trade,” said Alexander Gabuev.'));
});

Units('ends a quotation left open when the next paragraph reopens it', () => {
  const state = stateAfter('units', '“The whale is family,” he said.', '“It is a sign of sadness.', '“We must take its spirit home.”');
  const texts = unitTexts(state);
  assert.ok(texts.includes('“It is a sign of sadness.'));
  assert.ok(texts.includes('“We must take its spirit home.”'));
});

Units('carries a quotation left open into the next paragraph when that paragraph does not reopen it', () => {
  const state = stateAfter('units', '“Every year I ask for an assessment.', 'The city never comes,” she said.');
  assert.ok(unitTexts(state).some((t) => t.startsWith('“Every year') && t.endsWith('she said.')));
});

Units('ends a quotation reopened inside a paragraph run together on one line', () => {
  const state = stateAfter('units', 'Mr Brown said: "To be honest I do not trust his judgement. "Mr Blair and I make the same decisions."');
  const texts = unitTexts(state);
  assert.ok(texts.includes('Mr Brown said: "To be honest I do not trust his judgement.'), texts.join(' | '));
  assert.ok(texts.includes('"Mr Blair and I make the same decisions."'));
});

Units('joins a short attribution to the quotation before it when a question mark ended that', () => {
  const claims = claimsIn('“If you have not gone against the book, how can you go against the movie?” Mr Kashyap’s lawyer Mihir Desai said.');
  assert.is(claims.length, 1);
  assert.is(claims[0]!.source, 'Mihir Desai');
  assert.is(claims[0]!.cue, 'said');
});

Units.run();

const Cue = suite('cue');

/** The cue cueAt finds in a sentence at the word given, or null. */
function cueIn(sentence: string, word: string): string | null {
  const state = stateAfter('units', sentence);
  const unit = state.units[state.units.length - 1]!;
  const k = unit.tokens.findIndex((t) => t.text === word);
  return cueAt(unit.tokens, k, unit.quoted)?.text ?? null;
}

Cue('finds cue words, cue phrases, "according to", stances and "is in denial"', () => {
  assert.is(cueIn('Officials said the talks failed.', 'said'), 'said');
  assert.is(cueIn('The senator has hit out at the government for its delay.', 'hit'), 'hit out at');
  assert.is(cueIn('According to analysts, the deal is done.', 'According'), 'according to');
  assert.is(cueIn('Tizya-Tramm is concerned the road is unsafe.', 'concerned'), 'is concerned');
  assert.is(cueIn('Russia is in denial about the purchases.', 'denial'), 'is in denial');
});

Cue('never takes a word inside a quotation for the attribution', () => {
  assert.is(cueIn('“We believe the plan works,” the commander said.', 'believe'), null);
  assert.is(cueIn('“We believe the plan works,” the commander said.', 'said'), 'said');
});

Cue('takes "announced" before a clause, not before an object', () => {
  assert.is(cueIn('Fujitsu announced on Monday that it is quitting the market.', 'announced'), 'announced');
  assert.is(cueIn('The EU announced the Global Gateway plan to mobilise funds.', 'announced'), null);
  assert.is(cueIn('Inbev made a profit, the company announced.', 'announced'), 'announced');
});

Cue('reads agentless passives, modals and participles as no cue', () => {
  assert.is(cueIn('The deal is believed to be close.', 'believed'), null);
  assert.is(cueIn('It was immediately denied by nobody.', 'denied'), null);
  assert.is(cueIn('He will say the talks failed.', 'say'), null);
  assert.is(cueIn('Troops killed more than 100 suspected rebels.', 'suspected'), null);
});

Cue('reads a word that is also a noun as a cue only before a clause', () => {
  assert.is(cueIn('The residents claim that the city ignored them.', 'claim'), 'claim');
  assert.is(cueIn('Their claims were rejected out of hand.', 'claims'), null);
  assert.is(cueIn('He notes he has been getting reports.', 'notes'), 'notes');
});

Cue('splits a sentence at ", adding that" into two clauses, the second inheriting the source', () => {
  const claims = claimsIn('The minister said the plan was ready, adding that it would cost little.');
  assert.is(claims.length, 2);
  assert.is(claims[1]!.exact, 'adding that it would cost little.');
  assert.is(claims[1]!.source, claims[0]!.source);
});

Cue('lexicon: every denial cue denies, and speculating is the only hedging cue', () => {
  for (const form of ['denied', 'rejects', 'dismissed']) assert.ok(CUE_WORDS.get(form)!.denies, form);
  for (const form of ['hoped', 'fears', 'believes', 'said']) assert.not.ok(CUE_WORDS.get(form)!.hedges, form);
  assert.ok(CUE_WORDS.get('speculated')!.hedges);
});

Cue.run();

const Source = suite('source');

Source('links a named source to the entity of its mention', () => {
  const claims = claimsIn('Jake Sullivan said the shipments had begun.');
  assert.is(claimWith(claims, 'shipments').sourceEntityId, 'jake-sullivan');
});

Source('an apposition after the cue gives its name: "said Pete Simpson, head of the threat laboratory at security firm Clearswift"', () => {
  const claim = claimWith(claimsIn('“Viruses now spread by text message,” said Pete Simpson, head of the threat laboratory at security firm Clearswift.'), 'Viruses');
  assert.is(claim.source, 'Pete Simpson');
  assert.ok(claim.sourceEntityId, 'linked to his mention');
});

Source('a title before the name leads to the name: "ATM national spokesperson Sibusiso Mncwabe"', () => {
  assert.is(claimWith(claimsIn('“The commission acted in haste,” said ATM national spokesperson Sibusiso Mncwabe.'), 'haste').source, 'Sibusiso Mncwabe');
});

Source('a name set off before the cue is the source: "John Stremlau, a professor at …, South Africa, said"', () => {
  const claim = claimWith(claimsIn('John Stremlau, an international relations professor at the University of the Witwatersrand in Johannesburg, South Africa, said the plan was welcome.'), 'welcome');
  assert.is(claim.source, 'John Stremlau');
});

Source('"he" after a quotation is the last speaker, not a person the quotation names', () => {
  const claims = claimsIn('Ben Ralston said the case was unusual.', '“The court will hear from John Doe first,” he said.');
  assert.is(claimWith(claims, 'John Doe').source, 'Ben Ralston');
});

Source('"she" skips a man named since and resolves to the nearest woman', () => {
  const claims = claimsIn('Anne Crawford represents the guardians.', 'Peter Akman said the claim was frivolous.', 'She said the case would go to trial.');
  assert.is(claimWith(claims, 'go to trial').source, 'Anne Crawford');
});

Source('a description resolves to the holder of its role: "Michael Howard, the Tory leader, …" then "The Tory leader said"', () => {
  const claims = claimsIn('Michael Howard, the Tory leader, spoke in Leeds.', 'Tony Blair said the economy was strong.', 'The Tory leader said taxes would rise under Labour.');
  const claim = claimWith(claims, 'taxes would rise');
  assert.is(claim.source, 'Michael Howard');
  assert.is(claim.sourceEntityId, claimWith(claimsIn('Michael Howard said so.'), 'so').sourceEntityId);
});

Source('a description with no role holder is the last speaker: "The former Wallabies star said"', () => {
  const claims = claimsIn('David Pocock said the city had been neglected.', 'The former Wallabies star said he would fight for the territory.');
  assert.is(claimWith(claims, 'fight for').source, 'David Pocock');
});

Source('a spokesman of a named body is someone new, kept as written', () => {
  const claims = claimsIn('Kofi Annan said the fund would help.', '“The fund is voluntary,” said the WSIS spokesman.');
  assert.is(claimWith(claims, 'voluntary').source, 'WSIS spokesman');
});

Source('"who said" takes the noun before "who"', () => {
  const claims = claimsIn('Villagers reached out to Mirning elder Bunna Lawrie who said the whale heralded a change.');
  assert.is(claimWith(claims, 'heralded').source, 'Bunna Lawrie');
});

Source('gender: an honorific or a common given name tells it, an unknown name does not', () => {
  assert.is(genderOf('Mr Tribbeck'), 'male');
  assert.is(genderOf('Susan Nichols'), 'female');
  assert.is(genderOf('Tizya-Tramm'), null);
});

Source.run();

const Continuation = suite('continuation');

Continuation('a paragraph that reopens a quotation is a claim of the last named speaker, cue "quotation"', () => {
  const claims = claimsIn('Dwayne Harrison said the whale came from the land.', '“That whale is important for our people,” he said.', '“The whale is a huge part of our culture.”');
  const claim = claimWith(claims, 'huge part');
  assert.is(claim.source, 'Dwayne Harrison');
  assert.is(claim.cue, 'quotation');
  assert.ok(claim.quote);
});

Continuation('each reopened paragraph of a run-on quotation is a claim of its own', () => {
  const claims = claimsIn('“Things have been neglected,” said Bunna Lawrie.', '“It is a sign of sadness.', '“The whale is family.”');
  assert.is(claims.filter((c) => c.cue === 'quotation').length, 2);
  assert.ok(claims.every((c) => c.source === 'Bunna Lawrie'));
});

Continuation('a quotation followed by "That was the message from X" is X’s', () => {
  const claims = claimsIn('Vass warned the coast would stop.', '“Our door is open.” That was the message from Tomasz Brzeziński, the operations chief.');
  assert.is(claimWith(claims, 'door is open').source, 'Tomasz Brzeziński');
});

Continuation('a quotation with no speaker within reach is not a claim', () => {
  assert.equal(claimsIn('“Welcome to the new season.”'), []);
});

Continuation.run();

const Content = suite('content');

Content('the content of "X said that Y" is Y, of "“Y,” X said" the quotation, of "Y, he said, Z" both parts', () => {
  const text = (state: ClaimState, i: number): string => state.drafts[i]!.content.map(([a, b]) => state.text.slice(a, b)).join('|');
  const state = stateAfter('content', 'Officials said that the talks failed.', '“Prices will rise,” Ben Ralston said.', 'But ordinarily, he said, citizens do not sue.');
  assert.is(text(state, 0), ' that the talks failed.');
  assert.match(text(state, 1), /^“Prices will rise,”/);
  assert.is(text(state, 2), 'But ordinarily, |citizens do not sue.');
});

Content('a quotation past a lead-in is a direct quotation; a quoted fragment is not', () => {
  assert.ok(isQuotation(' that as with other announcements, “I think leaders will wait.”'));
  assert.ok(isQuotation(' reporters at the forum on Thursday: “Every hour matters.”'));
  assert.ok(isQuotation(': “To be honest I do not trust him.'), 'a quotation left open runs into the next paragraph');
  assert.not.ok(isQuotation(' the “6th mass extinction event is underway” and that it will go on.'));
  assert.not.ok(isQuotation(' “tourism and terrorism” cannot co-exist.'));
});

Content.run();

const Polarity = suite('polarity');

Polarity('a negated first main clause denies, and so does a denial cue', () => {
  assert.is(polarityOf(' that it has not provided arms.', false), 'deny');
  assert.is(polarityOf(' any deal with the rebels.', true), 'deny');
  assert.is(polarityOf(' “We didn’ t hesitate to say yes.”', false), 'deny', 'text rebuilt from tokens writes "didn’ t"');
});

Polarity('a concessive quotation affirms: "There are no easy answers, but…"', () => {
  assert.is(polarityOf('“There are no easy answers, but we will find a way.”', false), 'affirm');
  assert.is(polarityOf('“This is not the first time they have tried, but I hope it will be the last.', false), 'affirm');
  assert.is(polarityOf('“No one asks for less security but residents should not be held hostage.”', false), 'deny');
});

Polarity('"not only … but also" and "not X but rather Y" affirm', () => {
  assert.is(polarityOf(' Article 370 was not only a legal barrier, but also a cultural one.', false), 'affirm');
  assert.is(polarityOf(' the announcement was not in addition to the targets but rather part of them.', false), 'affirm');
});

Polarity('a negation in a subordinate clause, a relative clause or a later sentence does not deny', () => {
  assert.is(polarityOf(' that even if Russia refrains from it, the talks will go on.', false), 'affirm');
  assert.is(polarityOf(' he has had reports in areas where this has never happened before.', false), 'affirm');
  assert.is(polarityOf('“The trucks came up to this and there was no way through. We never saw it.”', false), 'affirm');
});

Polarity('a belief verb inside the proposition is transparent; "does not believe" denies', () => {
  assert.is(polarityOf(' that Iran believes that foreign forces will not help the region.', false), 'deny');
  assert.is(mainClause(' that the agreement may mean that refugees would not need help.'), 'the agreement may mean');
  assert.is(claimWith(claimsIn('Tony Blair does not believe abortion should be an election issue.'), 'abortion').polarity, 'deny');
});

Polarity.run();

const Hedge = suite('hedge');

Hedge('may, could, likely, "up in the air" and a conditional "would" hedge', () => {
  assert.ok(hedgedOf(' that the carbon may be emitted.', null));
  assert.ok(hedgedOf(' northern communities can likely expect more overflow.', null));
  assert.ok(hedgedOf('“So, it is up in the air how it will be any different,”', null));
  assert.ok(hedgedOf('“If it can moderate the rivalry, this would be good for all,”', null));
  assert.ok(hedgedOf(' that would have made the process unworkable.', null));
});

Hedge('"as soon as possible", "the best possible way", "so they could" and a backshifted "would" do not', () => {
  assert.not.ok(hedgedOf('“We aim to finish as soon as possible,”', null));
  assert.not.ok(hedgedOf('“We should use it in the best possible way.”', null));
  assert.not.ok(hedgedOf(' people were notified so they could fulfil their duties.', null));
  const said = claimWith(claimsIn('Biden said the US would mobilise $200bn.'), 'mobilise');
  assert.not.ok(said.hedged);
  const say = claimWith(claimsIn('Observers say the pilgrimage would be a security challenge.'), 'pilgrimage');
  assert.ok(say.hedged, 'after a cue in the present tense, "would" is a modal');
});

Hedge('hoping does not hedge (as the seed gold has it); speculating does', () => {
  assert.not.ok(claimWith(claimsIn('Su said he hopes the depot will be a boon.'), 'boon').hedged);
  assert.ok(claimWith(claimsIn('Mr Matsuura speculated that Delta was worried.'), 'Delta').hedged);
});

Hedge.run();

const Records = suite('records');

Records('records code-point offsets, the quote selector, the source entity and the entities the content names', () => {
  const claims = claimsIn('🚢 Jake Sullivan said Russia had bought shells from North Korea for the invasion of Ukraine.');
  const claim = claims[0]!;
  assert.is(claim.exact, '🚢 Jake Sullivan said Russia had bought shells from North Korea for the invasion of Ukraine.');
  assert.is(claim.end - claim.start, [...claim.exact].length);
  assert.is(claim.sourceEntityId, 'jake-sullivan');
  assert.ok(claim.entityIds.includes('russia') && claim.entityIds.includes('north-korea'));
  assert.ok(claim.entityIds.includes('2022-russian-invasion-of-ukraine'), 'events the content names count too, as claim clustering uses them');
  assert.not.ok(claim.entityIds.includes('jake-sullivan'));
  assert.match(claim.id, /^c-[a-z0-9-]+-1$/);
});

Records.run();

// ---------------------------------------------------------------------------------------------

const WORLDWIDE = join(ROOT, '..', 'shared', 'corpora', 'ner', 'worldwide');
const DEV = join(ROOT, 'tests', 'gold', 'claims-dev');

const Gold = suite('claims gold sets');

Gold('the seed gold stays at 100 on claim detection, source, polarity and hedging', () => {
  const seeds = evaluateSet('seeds', join(ROOT, 'tests', 'gold', 'seeds'), ROOT, annotator);
  assert.is(seeds.claims.detection.f1, 1, seeds.claims.errors.join('\n'));
  for (const k of ['source', 'polarity', 'hedged'] as const) assert.is(seeds.claims[k].accuracy, 1, `${k}: ${seeds.claims.errors.join('\n')}`);
});

Gold('the development gold holds at least 150 claims from at least 15 articles, and no article text', () => {
  const files = readdirSync(DEV).filter((f) => f.endsWith('.json'));
  const golds = files.map((f) => JSON.parse(readFileSync(join(DEV, f), 'utf8')) as DevGoldFile);
  assert.ok(files.length >= 15, `${files.length} files`);
  assert.ok(golds.reduce((n, g) => n + g.claims.length, 0) >= 150);
  for (const g of golds) {
    assert.match(g.sha256, /^[0-9a-f]{64}$/);
    for (const c of g.claims) {
      assert.equal(Object.keys(c).filter((k) => !['start', 'end', 'source', 'sourceEntity', 'sourceAlso', 'cue', 'quote', 'polarity', 'hedged'].includes(k)), [], `${g.file}: a claim holds only offsets and attributes`);
      assert.ok(c.end > c.start);
      if (c.sourceEntity) assert.ok(g.names[c.sourceEntity], `${g.file}: ${c.sourceEntity} has its names`);
    }
  }
});

Gold('on the development gold (../shared/ present): every span is a trimmed stretch of the rebuilt text, and the targets hold', () => {
  if (!existsSync(WORLDWIDE)) {
    console.log(`  skipped: ${WORLDWIDE} is absent (the development gold needs ../shared/corpora/ner/worldwide/)`);
    return;
  }
  for (const f of readdirSync(DEV).filter((x) => x.endsWith('.json'))) {
    const gold = JSON.parse(readFileSync(join(DEV, f), 'utf8')) as DevGoldFile;
    const doc = { ...readWorldwideFile(join(WORLDWIDE, gold.file)), hyphens: true };
    const points = [...articleOf(doc, rebuild(doc)).text];
    for (const c of gold.claims) {
      const span = points.slice(c.start, c.end).join('');
      assert.is(span, span.trim(), `${f} ${c.start}`);
      assert.ok(span.length > 10, `${f} ${c.start}`);
    }
  }
  const report = evaluateClaimsDev('claims-dev', DEV, WORLDWIDE, annotator);
  const claims = report.claims!;
  assert.ok(claims.detection.f1 >= 0.9, `detection F1 ${claims.detection.f1}`);
  assert.ok(claims.source.accuracy >= 0.9, `source ${claims.source.accuracy}`);
  assert.ok(claims.polarity.accuracy >= 0.92, `polarity ${claims.polarity.accuracy}`);
  assert.ok(claims.hedged.accuracy >= 0.9, `hedged ${claims.hedged.accuracy}`);
});

Gold('evaluateClaimsDev skips with a note when the corpus is absent, and names the file when the text changed', () => {
  const absent = evaluateClaimsDev('claims-dev', DEV, join(tempDir(), 'no-such-corpus'), annotator);
  assert.is(absent.claims, null);
  assert.match(absent.skipped!, /skipped: the Worldwide Newswire corpus is not at .*no-such-corpus/);
  if (!existsSync(WORLDWIDE)) return;
  const dir = tempDir();
  const one = readdirSync(DEV).find((f) => f.endsWith('.json'))!;
  const gold = JSON.parse(readFileSync(join(DEV, one), 'utf8')) as DevGoldFile;
  writeFileSync(join(dir, one), JSON.stringify({ ...gold, sha256: '0'.repeat(64) }));
  assert.throws(() => evaluateClaimsDev('claims-dev', dir, WORLDWIDE, annotator), new RegExp(`${one}: the text rebuilt from ${gold.file} has SHA-256 [0-9a-f]{64}, the gold was made on 0{64}; .*re-annotate the file or restore them`));
});

Gold.run();
