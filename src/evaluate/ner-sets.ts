/** The NER development sets `npm run eval` reports, read where the corpora lie beside the project. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotator } from '../annotate/index.ts';
import { readConll, readWorldwide } from '../annotate/tagger/corpus.ts';
import type { SpanScore } from './conll.ts';
import { evaluateNer, type NerReport } from './ner.ts';

/** The reports, or why there are none. */
export interface NerSets {
  reports: NerReport[];
  note: string | null;
}

/** Scores the annotator on CoNLL-2003 `eng.testa` and the Worldwide development files under `dir`. */
export function nerSets(dir: string, annotator: Annotator): NerSets {
  if (!existsSync(join(dir, 'conll2003', 'eng.testa')) || !existsSync(join(dir, 'worldwide'))) {
    return { reports: [], note: `the NER corpora are not at ${dir}, so their development splits are not scored (CI has them)` };
  }
  return {
    reports: [
      evaluateNer('CoNLL-2003 development (eng.testa)', readConll(join(dir, 'conll2003', 'eng.testa')), annotator, { headline: true }),
      evaluateNer('Worldwide development', readWorldwide(join(dir, 'worldwide'), 'development'), annotator, { headline: false }),
    ],
    note: null,
  };
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
const row = (name: string, s: SpanScore): string => `  ${name.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

/** The reports as `npm run eval` prints them. */
export function formatNerSet(sets: NerSets, withErrors: boolean): string {
  if (sets.note) return `\nNER development sets: ${sets.note}`;
  return sets.reports
    .map((r) => [
      `\n${r.name}: ${r.documents} documents`,
      ' entities (strict span and type, conlleval; an honorific kept inside a person is not an error)',
      ...(['PER', 'ORG', 'LOC'] as const).map((t) => row({ PER: 'person', ORG: 'organization', LOC: 'place' }[t], r.byType[t])),
      row('per/org/place', r.named),
      ...(withErrors ? r.errors.map((e) => `    ${e}`) : []),
    ].join('\n'))
    .join('\n');
}
