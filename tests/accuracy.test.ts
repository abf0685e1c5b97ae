/**
 * docs/accuracy.json holds the figures the dataset's README quotes (src/export/about.ts): it must
 * be what `npm run eval -- --json` prints now, so that no dataset states an accuracy its annotator
 * no longer has.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ACCURACY_FILE } from '../src/export/about.ts';
import { ROOT } from './helpers.ts';

const Accuracy = suite('docs/accuracy.json');

Accuracy('is what npm run eval -- --json prints for the annotator and knowledge base as they are', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.is(r.status, 0, r.stderr);
  const fresh: unknown = JSON.parse(r.stdout);
  const committed: unknown = JSON.parse(readFileSync(ACCURACY_FILE, 'utf8'));
  assert.equal(committed, fresh, 'the annotator or the knowledge base changed its figures: run `npm run -s eval -- --json > docs/accuracy.json` and commit it (the dataset README quotes it)');
});

Accuracy.run();
