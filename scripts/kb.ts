/**
 * `npm run kb`: rebuilds the Wikidata-derived knowledge base `_data/kb/` from the entity lists in
 * `../shared/corpora/wikidata/` (or the folder given with `--source DIR`), deterministically: the
 * same lists give the same bytes. Prints what each source gave and what was dropped.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/annotate/knowledge-base.ts';
import { buildKnowledgeBase } from '../src/kb/build.ts';
import { fileText, layoutFiles } from '../src/kb/files.ts';
import { readmeText } from '../src/kb/readme.ts';
import { formatProblem } from '../src/problems.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--source');
const sourceDir = at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(root, '..', 'shared', 'corpora', 'wikidata');
const outDir = join(root, '_data', 'kb');

if (!existsSync(join(sourceDir, 'SOURCE.md'))) {
  console.error(`${sourceDir}: the Wikidata entity lists are not there; put shared/corpora/wikidata/ beside the project or pass --source DIR`);
  process.exit(1);
}
const hand = loadKnowledgeBase(join(root, '_data', 'entities.json'), '_data/entities.json');
if (hand.problems.length) {
  for (const p of hand.problems) console.error(formatProblem(p));
  process.exit(1);
}
const started = Date.now();
const build = buildKnowledgeBase(sourceDir, hand.entities);
const files = layoutFiles(build.entries);
mkdirSync(outDir, { recursive: true });
for (const old of readdirSync(outDir).filter((f) => f.endsWith('.json'))) rmSync(join(outDir, old));
for (const file of files) writeFileSync(join(outDir, file.name), fileText(file.entries));
writeFileSync(join(outDir, 'README.md'), readmeText(build, files));

for (const s of build.sources) console.log(`${s.name.padEnd(40)} ${String(s.rows).padStart(6)} rows, ${String(s.records).padStart(6)} records, ${s.skipped} skipped${s.repaired ? `, ${s.repaired} run-together lines split` : ''}`);
console.log(`dropped: ${Object.entries(build.dropped).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const counts = new Map<string, number>();
for (const e of build.entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
console.log(`${build.entries.length} entities: ${[...counts].sort().map(([t, n]) => `${t} ${n}`).join(', ')}`);
for (const file of files) console.log(`  _data/kb/${file.name}: ${file.entries.length} entities, ${(Buffer.byteLength(fileText(file.entries)) / 1e6).toFixed(2)} MB`);
console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`);
