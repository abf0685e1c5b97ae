/**
 * Which entities get a page (issue 13): those the knowledge base has, and names found in at least
 * two articles. A name found in a single article keeps its mark, its card and its dataset rows,
 * but no page is made for it and nothing links to one; its card says so and offers a search.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { build } from '../src/build.ts';
import { formatProblem } from '../src/problems.ts';
import type { NameFile } from '../src/render/names.ts';
import { ROOT, fixtureInput } from './helpers.ts';
import { startTags } from './pages.ts';
import { filesUnder, launchBrowser, serveSite, type SiteServer } from './server.ts';

/** Named in both articles: a page. */
const TWICE = 'hannah-brennan';
/** Named in the harbour article alone (seeds/harbour.md: its id comes from its path): no page. */
const ONCE = 'oscar-delvenski';
const HARBOUR = '/articles/harbour/';

let fixture: Promise<{ dir: string; site: string }> | null = null;

/** Two articles: one person named in both, one named in the first only. */
function fixtureSite(): Promise<{ dir: string; site: string }> {
  fixture ??= (async () => {
    const input = fixtureInput({
      'harbour.md': '---\ntitle: Harbour pilots strike in Gdansk\noutlet: Baltic Courier\npublished: 2024-03-05\n---\n\nHarbour pilots in Gdansk walked out on Tuesday, said Hannah Brennan, a spokeswoman for the pilots.\n\n"We will not go back until the port pays," said Oscar Delvenski, a pilot for twenty years. Oscar Delvenski said the strike would last a week.\n',
      'talks.md': '---\ntitle: Port talks resume in Gdansk\noutlet: Harbour Gazette\npublished: 2024-03-09\n---\n\nTalks between the port and its pilots resumed on Monday, said Hannah Brennan, a spokeswoman for the pilots.\n\nHannah Brennan said an agreement was close.\n',
    });
    const site = join(input.dir, '_site');
    const result = await build({ root: ROOT, seeds: input.seeds, data: input.data, output: site, cache: false, workers: 1 });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return { dir: input.dir, site };
  })();
  return fixture;
}

const Pages = suite('entity pages: the rule for names found in a single article');

Pages('a name in two articles has a page; a name in one article has none', async () => {
  const { site } = await fixtureSite();
  assert.ok(existsSync(join(site, 'entities', TWICE, 'index.html')), `/entities/${TWICE}/ is built`);
  assert.not.ok(existsSync(join(site, 'entities', ONCE)), `/entities/${ONCE}/ is not`);
});

Pages('no page links to the missing page', async () => {
  const { site } = await fixtureSite();
  const linking = filesUnder(site)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => startTags(readFileSync(join(site, f), 'utf8')).some((t) => (t.attrs.get('href') ?? '').startsWith(`/entities/${ONCE}/`)));
  assert.equal(linking, []);
});

Pages('its marks are still marks, focusable, with a title that says why they do not link', async () => {
  const { site } = await fixtureSite();
  const page = readFileSync(join(site, HARBOUR, 'index.html'), 'utf8');
  const marks = startTags(page).filter((t) => t.attrs.get('data-entity') === ONCE);
  assert.is(marks.length, 2, 'both mentions are marked');
  for (const mark of marks) {
    assert.is(mark.name, 'span');
    assert.is(mark.attrs.get('tabindex'), '0');
    assert.match(mark.attrs.get('title') ?? '', /^Person: Oscar Delvenski, named only in this article$/);
  }
  const twice = startTags(page).find((t) => t.attrs.get('data-entity') === TWICE);
  assert.is(twice?.name, 'a');
  assert.is(twice?.attrs.get('href'), `/entities/${TWICE}/`);
  const cards = JSON.parse(/<script type="application\/json" id="gloss-cards">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, { page: boolean }>;
  assert.is(cards[ONCE]?.page, false);
  assert.is(cards[TWICE]?.page, true);
});

Pages('the entity index lists it, linked to its first mention in its article', async () => {
  const { site } = await fixtureSite();
  const list = readFileSync(join(site, 'entities', 'type', 'person', 'by', 'name', 'index.html'), 'utf8');
  const links = startTags(list).filter((t) => t.name === 'a').map((t) => t.attrs.get('href'));
  assert.ok(links.includes(`/entities/${TWICE}/`));
  assert.ok(links.some((href) => href?.startsWith(`${HARBOUR}#m-`)), links.join(' '));
});

Pages('the dataset keeps its rows', async () => {
  const { site } = await fixtureSite();
  const entities = parse(readFileSync(join(site, 'data', 'entities.csv')), { columns: true }) as Array<{ id: string; mentions: string; articles: string }>;
  const row = entities.find((e) => e.id === ONCE);
  assert.equal([row?.mentions, row?.articles], ['2', '1']);
  const mentions = parse(readFileSync(join(site, 'data', 'mentions.csv')), { columns: true }) as Array<{ entity_id: string }>;
  assert.is(mentions.filter((m) => m.entity_id === ONCE).length, 2);
});

/** Each entity of the search's name files as the files give it, by id. */
function nameFileEntities(site: string): Map<string, NameFile['entities'][number]> {
  const dir = join(site, 'search', 'names');
  const out = new Map<string, NameFile['entities'][number]>();
  for (const f of readdirSync(dir).filter((n) => n !== 'index.json')) {
    for (const e of (JSON.parse(readFileSync(join(dir, f), 'utf8')) as NameFile).entities) out.set(e[0], e);
  }
  return out;
}

Pages("search's name files lead it to its first mention in its article, and a name with a page to that page", async () => {
  const { site } = await fixtureSite();
  const entities = nameFileEntities(site);
  assert.is(entities.get(TWICE)?.length, 5, 'a name with a page needs no other address');
  const once = entities.get(ONCE);
  assert.is(once?.length, 6, 'a name without a page says where it leads');
  const href = once![5]!;
  assert.ok(href.startsWith(`${HARBOUR}#m-`), href);
  const first = startTags(readFileSync(join(site, HARBOUR, 'index.html'), 'utf8')).find((t) => t.attrs.get('data-entity') === ONCE);
  assert.is(`${HARBOUR}#${first?.attrs.get('id')}`, href, 'the first of its marks');
});

Pages.run();

const Card = suite('entity pages: the card of a name found in a single article');

let browser: Browser | null = null;
let server: SiteServer | null = null;

Card.before(async () => {
  server = await serveSite((await fixtureSite()).site);
  browser = await launchBrowser();
});

Card.after(async () => {
  await browser?.close();
  await server?.close();
  const made = await fixture?.catch(() => null);
  if (made) rmSync(made.dir, { recursive: true, force: true });
});

Card('says it is named only in this article and offers a search that finds the article', async () => {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server!.url(HARBOUR));
    await page.locator(`.m[data-entity="${ONCE}"]`).first().focus();
    const card = page.locator('#gloss-card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match((await card.textContent()) ?? '', /Named only in this article \(2 mentions\)/);
    assert.is(await card.locator('a', { hasText: 'Entity page' }).count(), 0, 'no link to a page that does not exist');
    const search = card.locator('a', { hasText: 'Search for' });
    assert.is(await search.getAttribute('href'), '/search/?q=Oscar%20Delvenski');
    await Promise.all([page.waitForURL('**/search/?q=Oscar%20Delvenski'), search.click()]);
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    const results = await page.$$eval('#search-results li > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(results.includes(HARBOUR), results.join(', '));

    await page.goto(server!.url(HARBOUR));
    await page.locator(`.m[data-entity="${TWICE}"]`).first().focus();
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    assert.is(await card.locator('a', { hasText: 'Entity page' }).getAttribute('href'), `/entities/${TWICE}/`);
  } finally {
    await context.close();
  }
});

Card('searching its name leads the results with it, linked to its first mention, not to a page', async () => {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server!.url('/search/?q=Oscar%20Delvenski'));
    const lead = page.locator('#search-entities .entity-lead').first();
    await lead.waitFor({ timeout: 15_000 });
    assert.match(((await lead.textContent()) ?? '').replace(/\s+/g, ' '), /^Oscar Delvenski, person: named in one article only, 2 mentions/);
    const link = lead.locator('a').first();
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(href.startsWith(`${HARBOUR}#m-`), href);
    await Promise.all([page.waitForURL(`**${href}`), link.click()]);
    assert.is(await page.locator(`[id="${href.split('#')[1]}"]`).getAttribute('data-entity'), ONCE, 'the article opens at its mark');
  } finally {
    await context.close();
  }
});

Card.run();
