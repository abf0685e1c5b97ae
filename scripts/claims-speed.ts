/**
 * Claim finding alone, timed over the BBC News corpus (issue 15): every article is ingested,
 * viewed and given its mentions once, then only `findClaims` is timed, three runs, and the median
 * is printed with claims per second (after one untimed run that lets the engine compile), with
 * the CPU time of the runs, steadier than wall time on a shared machine. `node --import tsx scripts/claims-speed.ts [--runs N]`.
 * The corpus is read from ../shared/corpora/bbc-news/ and never copied into the project.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAnnotator } from '../src/annotate/index.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { findClaims } from '../src/annotate/claims/index.ts';
import { findMentions } from '../src/annotate/mentions.ts';
import { viewOf } from '../src/annotate/tokens.ts';
import { ingestFile } from '../src/ingest/index.ts';
import { corpusDir, readSource } from './bench-corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const dir = corpusDir(root);
const source = readSource(dir);
const annotator = compileAnnotator(loadMergedKnowledgeBase(join(root, '_data')).entities);
const prepared = source.articles.flatMap((a) => {
  const { article } = ingestFile(join(dir, a.path), a.path, { id: `${a.topic}-${a.file}` });
  if (!article) return [];
  const view = viewOf(article);
  return [{ view, mentions: findMentions(view, annotator).mentions }];
});

// One untimed run first, so that every timed run meets compiled code.
for (const { view, mentions } of prepared) findClaims(view, mentions);
const times: number[] = [];
const cpu: number[] = [];
let claims = 0;
for (let run = 0; run < runs; run++) {
  claims = 0;
  const began = process.hrtime.bigint();
  const cpuBegan = process.cpuUsage();
  for (const { view, mentions } of prepared) claims += findClaims(view, mentions).length;
  const used = process.cpuUsage(cpuBegan);
  times.push(Number(process.hrtime.bigint() - began) / 1e6);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = median(times);
console.log(`${prepared.length} articles, ${claims} claims; findClaims runs ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (CPU ${cpu.map((t) => `${t.toFixed(0)} ms`).join(', ')})`);
console.log(`median ${wall.toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU: ${((claims / wall) * 1000).toFixed(0)} claims/s, ${((prepared.length / wall) * 1000).toFixed(0)} articles/s (load average ${loadavg()[0]!.toFixed(1)})`);
