/**
 * `npm run eval`: scores the annotator against the hand-made gold sets in tests/gold/ and prints
 * precision, recall and F1 per type (strict: same span and type), linking accuracy, claim
 * detection and attribute accuracy, and cluster purity. Where `../shared/` is beside the project,
 * also: linking precision and coverage on the BBC articles of tests/gold/linking/ and the share of
 * the whole BBC archive's person, organisation and place mentions linked to Wikidata, the whole
 * annotator on the NER corpora's development splits (person, organisation and place, by
 * conlleval's rules), and claims on the Worldwide articles of tests/gold/claims-dev/. `--errors` lists every disagreement; `--json` prints the gold sets' figures
 * as one JSON document (what docs/accuracy.json holds, the same with or without ../shared/), and
 * `--json --corpora` the BBC linking, NER and claims development figures instead.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate, compileAnnotator } from '../src/annotate/index.ts';
import { evaluateClaimsDev, formatClaimSet } from '../src/evaluate/claims-dev.ts';
import { evaluateSet, type Score, type SetReport } from '../src/evaluate/index.ts';
import { evaluateLinkingSet, linkedShare, predictedLinks, type LinkedShare, type LinkingReport } from '../src/evaluate/linking.ts';
import type { Mention } from '../src/types.ts';
import { formatNerSet, nerSets } from '../src/evaluate/ner-sets.ts';
import { ingestFile } from '../src/ingest/index.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { formatProblem } from '../src/problems.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');
const errors = process.argv.includes('--errors');
const kb = loadMergedKnowledgeBase(join(root, '_data'));
if (kb.problems.length) {
  for (const p of kb.problems) console.error(formatProblem(p));
  process.exit(1);
}
const annotator = compileAnnotator(kb.entities);
const sets: SetReport[] = [
  evaluateSet('seeds', join(root, 'tests', 'gold', 'seeds'), root, annotator),
  evaluateSet('unseen', join(root, 'tests', 'gold', 'unseen'), root, annotator),
];
const claimsDev = evaluateClaimsDev('claims-dev', join(root, 'tests', 'gold', 'claims-dev'), join(shared, 'corpora', 'ner', 'worldwide'), annotator);

// Linking on BBC articles.
let linking: LinkingReport | null = null;
if (existsSync(join(shared, 'corpora', 'bbc-news'))) {
  linking = evaluateLinkingSet(join(root, 'tests', 'gold', 'linking'), shared, (path, file) => {
    const { article } = ingestFile(path, file, {});
    return article ? predictedLinks(annotate(article, annotator).document.mentions, annotator.gazetteer.entities) : null;
  });
}
// The share of the BBC archive's person, organisation and place mentions linked to Wikidata.
let share: { articles: number; refused: number; score: LinkedShare } | null = null;
const bbc = join(shared, 'corpora', 'bbc-news');
if (existsSync(bbc)) {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt') && name !== 'README.TXT') files.push(path);
    }
  };
  walk(bbc);
  let refused = 0;
  const annotated: Mention[][] = [];
  for (const path of files) {
    const { article } = ingestFile(path, relative(shared, path), {});
    if (article) annotated.push(annotate(article, annotator).document.mentions);
    else refused++;
  }
  share = { articles: annotated.length, refused, score: linkedShare(annotated, annotator.gazetteer.entities) };
}
const ner = nerSets(join(shared, 'corpora', 'ner'), annotator);

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
const row = (name: string, s: Score): string => `  ${name.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

if (process.argv.includes('--json') && process.argv.includes('--corpora')) {
  console.log(JSON.stringify({ linking: linking && { ...linking.score, files: linking.files.length, skipped: linking.skipped, archive: share }, ner: ner.reports.map((r) => ({ ...r, errors: undefined })), claimsDev: { ...claimsDev, claims: claimsDev.claims && { ...claimsDev.claims, errors: undefined } } }, null, 2));
} else if (process.argv.includes('--json')) {
  console.log(JSON.stringify(sets.map(({ entities, claims, ...rest }) => ({ ...rest, entities: { ...entities, errors: undefined }, claims: { ...claims, errors: undefined, pairs: undefined } })), null, 2));
} else {
  for (const set of sets) {
    console.log(`\n${set.name}: ${set.files} gold articles`);
    console.log(' entities (strict span and type)');
    for (const [type, s] of Object.entries(set.entities.byType)) console.log(row(type, s));
    console.log(row('per/org/place', set.entities.named));
    console.log(row('all types', set.entities.overall));
    console.log(`  linking accuracy ${pct(set.entities.linking.accuracy)}  (${set.entities.linking.correct}/${set.entities.linking.total})`);
    console.log(' claims (overlap ≥ half the shorter)');
    console.log(row('detection', set.claims.detection));
    for (const k of ['source', 'polarity', 'hedged', 'quote'] as const) console.log(`  ${k.padEnd(14)} accuracy ${pct(set.claims[k].accuracy)}  (${set.claims[k].correct}/${set.claims[k].total})`);
    console.log(`  cluster purity ${pct(set.clusters.purity)}  (${set.clusters.members} matched claims in ${set.clusters.clusters} clusters); same-proposition pairs: precision ${pct(set.clusters.pairPrecision)}, recall ${pct(set.clusters.pairRecall)}`);
    if (errors) for (const e of [...set.entities.errors, ...set.claims.errors]) console.log(`    ${e}`);
  }
  if (!linking) console.log('\nlinking (BBC): skipped, ../shared/corpora/bbc-news/ is not beside the project');
  else {
    const s = linking.score;
    console.log(`\nlinking (BBC): ${linking.files.length} gold articles, ${s.mentions} name mentions, ${s.held} of entities the knowledge base holds`);
    console.log(`  precision ${pct(s.precision)}  (${s.correct} right of ${s.linked} links; ${s.wrong} to the wrong entity, ${s.shouldBeNone} that should be none)`);
    console.log(`  coverage  ${pct(s.coverage)}  (${s.correct} of ${s.held} linked right; ${s.missed} left unlinked)`);
    for (const skip of linking.skipped) console.log(`  skipped ${skip}`);
    if (share) {
      const { score: t } = share;
      console.log(`  archive   ${pct(t.share)}  of ${t.mentions} person, organisation and place mentions in ${share.articles} articles linked to Wikidata (person ${pct(t.byType.person.share).trim()}, organisation ${pct(t.byType.organization.share).trim()}, place ${pct(t.byType.place.share).trim()}${share.refused ? `; ${share.refused} file not UTF-8 left out` : ''})`);
    }
    if (errors) for (const e of linking.errors) console.log(`    ${e}`);
  }
  console.log(formatNerSet(ner, errors));
  console.log(formatClaimSet(claimsDev, errors));
}
