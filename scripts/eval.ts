/**
 * `npm run eval`: scores the annotator against the hand-made gold sets in tests/gold/ and prints
 * precision, recall and F1 per type (strict: same span and type), linking accuracy, claim
 * detection and attribute accuracy, and cluster purity. `--errors` lists every disagreement;
 * `--json` prints the figures as JSON.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/annotate/knowledge-base.ts';
import { evaluateClaimsDev, formatClaimSet } from '../src/evaluate/claims-dev.ts';
import { evaluateSet, type Score, type SetReport } from '../src/evaluate/index.ts';
import { formatProblem } from '../src/problems.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const kb = loadKnowledgeBase(join(root, '_data', 'entities.json'), '_data/entities.json');
if (kb.problems.length) {
  for (const p of kb.problems) console.error(formatProblem(p));
  process.exit(1);
}
const sets: SetReport[] = [
  evaluateSet('seeds', join(root, 'tests', 'gold', 'seeds'), root, kb.entities),
  evaluateSet('unseen', join(root, 'tests', 'gold', 'unseen'), root, kb.entities),
];
const claimsDev = evaluateClaimsDev('claims-dev', join(root, 'tests', 'gold', 'claims-dev'), join(root, '..', 'shared', 'corpora', 'ner', 'worldwide'), kb.entities);

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
const row = (name: string, s: Score): string => `  ${name.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

if (process.argv.includes('--json')) {
  const json = [...sets.map(({ entities, claims, ...rest }) => ({ ...rest, entities: { ...entities, errors: undefined }, claims: { ...claims, errors: undefined, pairs: undefined } })), { ...claimsDev, claims: claimsDev.claims && { ...claimsDev.claims, errors: undefined } }];
  console.log(JSON.stringify(json, null, 2));
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
    if (process.argv.includes('--errors')) for (const e of [...set.entities.errors, ...set.claims.errors]) console.log(`    ${e}`);
  }
  console.log(formatClaimSet(claimsDev, process.argv.includes('--errors')));
}
