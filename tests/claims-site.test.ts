/**
 * A claim's resolved source reaches its person (issue 15): a small fixture whose speaker is named
 * once (and again in a second article) and then quoted through "she", a reopened quotation and a description is built, and the
 * person's entity page lists every one of those claims under "Claims … makes", as claims.csv
 * gives each her entity in source_entity_id.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixtureInput, runBuild, tempDir } from './helpers.ts';

const STORY = [
  'Dockers vote to strike at Gdansk port',
  'Ewa Nowak, the union leader, said the vote was final.',
  '“We will not go back until the cranes are gone,” she said.',
  '“Every family on this quay depends on it.”',
  'The port authority said talks would resume on Monday.',
  'The union leader added that a mediator would be welcome.',
].join('\n\n');

/** A second article naming her, so that she has a page of her own (a name in one article has none). */
const SEQUEL = ['Gdansk port talks resume', 'Talks between the port authority and the union of Ewa Nowak resumed on Monday in Gdansk.'].join('\n\n');

const scratch: string[] = [];
let built: { site: string; status: number; output: string } | null = null;

function site(): { site: string; status: number; output: string } {
  if (built) return built;
  const input = fixtureInput({ 'strike.txt': `${STORY}\n`, 'talks.txt': `${SEQUEL}\n` });
  const dir = tempDir();
  scratch.push(input.dir, dir);
  const out = join(dir, '_site');
  const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', out]);
  built = { site: out, status: r.status, output: r.stdout + r.stderr };
  return built;
}

const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"');

const Page = suite('site: a claim’s resolved source on the person’s entity page');

Page('claims.csv gives the pronoun, the reopened quotation and the description the entity of the person they stand for', () => {
  const { site: out, status, output } = site();
  assert.is(status, 0, output);
  const rows = parse(readFileSync(join(out, 'data', 'claims.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const nowak = rows.find((r) => r.exact!.startsWith('Ewa Nowak'))!;
  assert.ok(nowak.source_entity_id, 'the named source is linked');
  for (const fragment of ['We will not go back', 'Every family', 'a mediator would be welcome']) {
    const row = rows.find((r) => r.exact!.includes(fragment));
    assert.ok(row, `a claim holds "${fragment}"`);
    assert.is(row!.source_entity_id, nowak.source_entity_id, fragment);
  }
  assert.is(rows.find((r) => r.exact!.includes('Every family'))!.cue, 'quotation');
});

Page('the entity page lists every claim she makes, and not the port authority’s', () => {
  const { site: out, status, output } = site();
  assert.is(status, 0, output);
  const rows = parse(readFileSync(join(out, 'data', 'claims.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const id = rows.find((r) => r.exact!.startsWith('Ewa Nowak'))!.source_entity_id!;
  assert.ok(readdirSync(join(out, 'entities')).includes(id), `an entity page for ${id}`);
  const page = readFileSync(join(out, 'entities', id, 'index.html'), 'utf8');
  const section = /<section aria-labelledby="claims-by"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  assert.match(text(section), /Claims Ewa Nowak makes \(4\)/);
  for (const fragment of ['the vote was final', 'We will not go back until the cranes are gone', 'Every family on this quay depends on it', 'a mediator would be welcome']) {
    assert.ok(text(section).includes(fragment), `the page lists "${fragment}"`);
  }
  assert.not.ok(text(section).includes('talks would resume'));
});

Page.after(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

Page.run();
