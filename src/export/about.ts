import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANNOTATOR_VERSION } from '../annotate/index.ts';
import { annotatorVersion } from '../annotate/parallel.ts';

/**
 * What the dataset's README says about the software that made it: Gloss's version, the annotator's
 * version, and the annotator's accuracy as `npm run eval` measured it against the hand-made gold
 * annotations. The figures are read from docs/accuracy.json (the output of
 * `npm run -s eval -- --json`, committed; tests/accuracy.test.ts fails when it no longer matches a
 * fresh evaluation), never written into code.
 */

/** Figures of one gold set, as `npm run eval -- --json` prints them (the part the README uses). */
export interface AccuracySet {
  name: string;
  files: number;
  entities: { named: { f1: number }; overall: { f1: number }; linking: { accuracy: number; correct: number; total: number } };
  claims: { detection: { f1: number }; source: { accuracy: number }; polarity: { accuracy: number } };
}

/** The software behind a dataset. */
export interface DatasetAbout {
  /** Gloss's version (package.json). */
  gloss: string;
  /** The annotator's declared version and the hash of its code (src/annotate/parallel.ts annotatorVersion()). */
  annotator: string;
  /** Accuracy per gold set, or null when docs/accuracy.json is absent. */
  accuracy: AccuracySet[] | null;
}

/** The committed figures of `npm run eval -- --json`. */
export const ACCURACY_FILE = fileURLToPath(new URL('../../docs/accuracy.json', import.meta.url));

const PACKAGE_FILE = fileURLToPath(new URL('../../package.json', import.meta.url));

/**
 * The software behind the dataset, read in the main thread: annotatorVersion() hashes the files
 * beside its own module, which a bundled worker cannot find.
 */
export function datasetAbout(): DatasetAbout {
  const pkg = JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as { version: string };
  const accuracy = existsSync(ACCURACY_FILE) ? (JSON.parse(readFileSync(ACCURACY_FILE, 'utf8')) as AccuracySet[]) : null;
  return { gloss: pkg.version, annotator: `${ANNOTATOR_VERSION} (code ${annotatorVersion()})`, accuracy };
}
