/**
 * The built site in headless Chromium, served on 127.0.0.1: search and its filters, entity
 * cards, keys and toggles on an article, the article without JavaScript, a clean console on
 * every kind of page, and the screenshots in docs/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { gzipSync } from 'node:zlib';
import { build } from '../src/build.ts';
import { formatProblem } from '../src/problems.ts';
import { NAME_BUCKETS, normaliseName, type NameFile } from '../src/render/names.ts';
import { ROOT, fixtureInput } from './helpers.ts';
import { browserSession, buildSiteOnce, launchBrowser, serveSite, type SiteServer } from './server.ts';

/** The seed article whose text has "Vladivostok" (the Irish Times editorial spells it "Vladivostock"). */
const ALLIANCE = '/articles/how-concerning-is-a-russia-kim-jong-un-alliance/';
/** Seed articles that never mention the city. */
const NOT_VLADIVOSTOK = [
  '/articles/the-guardian-view-on-ties-between-north-korea-and-russia-bad/',
  '/articles/are-russia-and-north-korea-set-to-become-closest-allies/',
  '/articles/north-korea-seizes-on-russian-isolation-to-deepen-ties-with/',
];
const MARK = 'a.m[data-entity="vladivostok"]';

const { setup, teardown } = browserSession();

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  errors: string[];
  /** The HTTP status of the page itself. */
  status: number;
}

/** A fresh context (1200×900, light scheme unless told) with a page at the path, its errors recorded. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const { server, browser } = await setup();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  return { context, page, errors, status: response?.status() ?? 0 };
}

/** Runs a test body on a page and always closes its context. */
async function on(path: string, body: (o: Opened) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const opened = await open(path, options);
  try {
    await body(opened);
  } finally {
    await opened.context.close();
  }
}

/** The site paths of the search results listed now. */
async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('#search-results li > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Waits until the results list differs from what it was (the search runs asynchronously). */
async function resultsChange(page: Page, before: string): Promise<void> {
  await page.waitForFunction((old) => (document.getElementById('search-status')?.textContent ?? '') + '|' + document.getElementById('search-results')?.innerHTML !== old, before, { timeout: 10_000 });
}

async function resultsState(page: Page): Promise<string> {
  return page.evaluate(() => (document.getElementById('search-status')?.textContent ?? '') + '|' + document.getElementById('search-results')?.innerHTML);
}

// ---------------------------------------------------------------------------------------------

const Search = suite('browser: search');

Search('searching "Vladivostok" lists the article that mentions it, and no article that does not', async () => {
  await on('/search/?q=Vladivostok', async ({ page, errors }) => {
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    assert.is(await page.inputValue('#q'), 'Vladivostok', 'the query from ?q= is in the box');
    const paths = await resultPaths(page);
    assert.ok(paths.includes(ALLIANCE), `results: ${paths.join(', ')}`);
    for (const other of NOT_VLADIVOSTOK) assert.not.ok(paths.includes(other), `${other} does not mention Vladivostok`);
    assert.match((await page.textContent('#search-status')) ?? '', /\d+ results? for “Vladivostok”/);
    const title = await page.textContent(`#search-results li > a[href^="${ALLIANCE}"]`);
    assert.is(title, 'How Concerning is a Russia-Kim Jong Un Alliance?', 'a result is titled with its article');
    assert.equal(errors, []);
  });
});

Search('every result links to a passage that is on its page', async () => {
  await on('/search/?q=Vladivostok', async ({ page }) => {
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    const hrefs = await page.$$eval('#search-results li > a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(hrefs.length > 0);
    const missing: string[] = [];
    for (const href of hrefs) {
      const url = new URL(href);
      const fragment = /^#:~:text=(.*)$/.exec(url.hash)?.[1];
      if (!fragment) continue;
      const wanted = decodeURIComponent(fragment).replace(/\s+/g, ' ').trim();
      url.hash = '';
      await page.goto(url.href);
      const text = (await page.innerText('main')).replace(/\s+/g, ' ');
      if (!text.includes(wanted)) missing.push(`${url.pathname}: "${wanted}"`);
    }
    assert.ok(missing.length === 0, `text fragments not on their pages (hidden filter text indexed as content?):\n${missing.join('\n')}`);
  });
});

Search('choosing an outlet in the outlet filter narrows the results to that outlet', async () => {
  await on('/search/?q=Vladivostok', async ({ page, errors }) => {
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    const all = await resultPaths(page);
    const outlet = page.locator('#search-filters select[name="outlet"]');
    const options = await outlet.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.ok(options.includes('unknown') && options.includes('The Guardian'), `outlet options: ${options.join(', ')}`);

    let before = await resultsState(page);
    await outlet.selectOption('unknown');
    await resultsChange(page, before);
    const narrowed = await resultPaths(page);
    assert.equal(narrowed, [ALLIANCE], 'only the alliance article, whose outlet is unknown');
    assert.ok(narrowed.length < all.length, `${all.length} results before, ${narrowed.length} after`);
    assert.is(new URL(page.url()).searchParams.get('outlet'), 'unknown', 'the filter is kept in the address');
    assert.is(new URL(page.url()).searchParams.get('q'), 'Vladivostok');

    before = await resultsState(page);
    await outlet.selectOption('The Guardian');
    await resultsChange(page, before);
    assert.equal(await resultPaths(page), [], 'The Guardian never mentions Vladivostok');
    assert.match((await page.textContent('#search-status')) ?? '', /^0 results/);

    before = await resultsState(page);
    await outlet.selectOption('');
    await resultsChange(page, before);
    assert.equal((await resultPaths(page)).sort(), [...all].sort(), 'any outlet brings every result back');
    assert.equal(errors, []);
  });
});

/** The Irish Times editorial, which spells the city "Vladivostock". */
const IRISH_TIMES = '/articles/the-irish-times-view-on-north-korea-and-russia-a-dangerous/';

/** The articles whose mentions link to an entity, from the built dataset (mentions.csv). */
async function articlesMentioning(entityId: string): Promise<string[]> {
  const rows = parse(readFileSync(join(await buildSiteOnce(), 'data', 'mentions.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  return [...new Set(rows.filter((r) => r['entity_id'] === entityId).map((r) => `/articles/${r['article_id']}/`))].sort();
}

for (const [query, entityId, label] of [
  ['Vladivostok', 'vladivostok', 'Vladivostok'],
  ['Vladivostock', 'vladivostok', 'Vladivostok'],
  ['Kim Jong Un', 'kim-jong-un', 'Kim Jong-un'],
  ['kim jong-un', 'kim-jong-un', 'Kim Jong-un'],
] as const) {
  Search(`searching "${query}" finds every article that mentions ${label}, however spelled, with the entity leading the results`, async () => {
    const expected = await articlesMentioning(entityId);
    assert.ok(expected.length >= 2, `${label} is mentioned by ${expected.length} articles`);
    await on(`/search/?q=${encodeURIComponent(query)}`, async ({ page, errors }) => {
      await page.waitForSelector('#search-results li', { timeout: 15_000 });
      const paths = await resultPaths(page);
      for (const p of expected) assert.ok(paths.includes(p), `${p} mentions ${label}; results: ${paths.join(', ')}`);
      assert.equal(paths.slice(0, expected.length).sort(), expected, 'the articles that mention the entity come first');
      const lead = page.locator('#search-entities .entity-lead').first();
      const text = ((await lead.textContent()) ?? '').replace(/\s+/g, ' ');
      const mentions = (parse(readFileSync(join(await buildSiteOnce(), 'data', 'entities.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>).find((r) => r['id'] === entityId)!;
      assert.ok(text.startsWith(`${label}, ${entityId === 'vladivostok' ? 'place' : 'person'}: ${expected.length} articles, ${mentions['mentions']} mentions`), text);
      assert.is(await lead.locator('a').first().getAttribute('href'), `/entities/${entityId}/`);
      assert.not.ok(paths.includes(`/entities/${entityId}/`), "the entity's page leads as a card, not as a result");
      assert.equal(errors, []);
    });
  });
}

Search("the entity's filter applies in one click, and leaves exactly the articles that mention it", async () => {
  await on('/search/?q=Vladivostock', async ({ page, errors }) => {
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    const before = await resultsState(page);
    const button = page.locator('#search-entities .entity-lead button');
    assert.is(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    await resultsChange(page, before);
    assert.equal((await resultPaths(page)).sort(), [ALLIANCE, IRISH_TIMES].sort());
    assert.is(new URL(page.url()).searchParams.get('entity'), 'Vladivostok', 'the filter is kept in the address');
    assert.is(await page.locator('#search-filters select[name="entity"]').inputValue(), 'Vladivostok', 'the entity select shows it');
    assert.is(await page.locator('#search-entities .entity-lead button').getAttribute('aria-pressed'), 'true');
    assert.match((await page.textContent('#search-status')) ?? '', /^2 results for “Vladivostock”, only articles that mention Vladivostok/);
    assert.equal(errors, []);
  });
});

Search('typing in the search box suggests entities by any of their names, and the keyboard picks one', async () => {
  await on('/search/', async ({ page, errors }) => {
    await page.locator('#q').click();
    await page.keyboard.type('vladi');
    const options = page.locator('#q[aria-expanded="true"] ~ [role="listbox"] [role="option"]');
    await options.first().waitFor({ timeout: 10_000 });
    const texts = await options.allTextContents();
    assert.ok(texts.some((t) => t.startsWith('Vladivostok')) && texts.some((t) => t.startsWith('Vladimir Putin')), texts.join(' | '));
    const target = texts.findIndex((t) => t.startsWith('Vladivostok'));
    for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#q', 'aria-activedescendant');
    assert.is(await page.locator(`[id="${active}"]`).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-entities .entity-lead', { timeout: 10_000 });
    assert.is(await page.inputValue('#q'), 'Vladivostok');
    assert.is(await page.getAttribute('#q', 'aria-expanded'), 'false', 'the list closes');
    await page.waitForSelector('#search-results li', { timeout: 10_000 });
    assert.ok((await resultPaths(page)).includes(IRISH_TIMES));

    await page.locator('#q').fill('');
    await page.keyboard.type('Vladivostock');
    await options.first().waitFor({ timeout: 10_000 });
    assert.match((await options.first().textContent()) ?? '', /^Vladivostok \(Vladivostock\)/, 'a spelling the articles used, shown with the label');
    await page.keyboard.press('Escape');
    assert.is(await page.getAttribute('#q', 'aria-expanded'), 'false', 'Escape closes the list');
    assert.equal(errors, []);
  });
});

Search("the header's search box suggests too, and a suggestion leads to the search page for that entity", async () => {
  await on('/', async ({ page, errors }) => {
    assert.is(await page.getAttribute('form.search-box', 'action'), '/search/', 'script sends the form to the search page');
    await page.locator('#site-search').click();
    await page.keyboard.type('jong');
    const option = page.locator('#site-search ~ [role="listbox"] [role="option"]', { hasText: 'Kim Jong-un' });
    await option.waitFor({ timeout: 10_000 });
    await Promise.all([page.waitForURL('**/search/?q=Kim+Jong-un'), option.click()]);
    await page.waitForSelector('#search-entities .entity-lead', { timeout: 10_000 });
    assert.match((await page.textContent('#search-entities')) ?? '', /Kim Jong-un, person/);
    assert.equal(errors, []);
  });
});

Search('without JavaScript a search leads to the entity index', async () => {
  await on(
    '/',
    async ({ page, errors }) => {
      await page.fill('#site-search', 'Vladivostok');
      await Promise.all([page.waitForURL('**/entities/?q=Vladivostok'), page.press('#site-search', 'Enter')]);
      assert.is((await page.textContent('h1'))?.trim(), 'Entities');
      // The index sums up each type; its list by name has every entity of the type.
      await Promise.all([page.waitForURL('**/entities/type/place/by/name/'), page.locator('a[href="/entities/type/place/by/name/"]').first().click()]);
      assert.ok(await page.locator('a[href="/entities/vladivostok/"]').count(), 'the entity is listed there');
      assert.equal(errors, []);
    },
    { javaScriptEnabled: false },
  );
});

Search('the browser normalises names as the build does', async () => {
  const names = ['Kim Jong-un', 'Kim Jong Un', 'Vladivostock', 'São Tomé', 'Côte d’Ivoire', 'U.S.', 'Al-Qaeda', 'ÆTHELRED', '  Mr. Kim  '];
  await on('/search/', async ({ page }) => {
    const inBrowser = await page.evaluate(async (list) => {
      const m = (await import('/assets/names.js' as string)) as { normalise: (s: string) => string };
      return list.map(m.normalise);
    }, names);
    assert.equal(inBrowser, names.map(normaliseName));
  });
});

Search('the name files are small: under 100 KB gzipped each, listed in index.json, and hold only entities the articles mention', async () => {
  const dir = join(await buildSiteOnce(), 'search', 'names');
  const keys = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as string[];
  assert.ok(keys.length > 20 && keys.every((k) => NAME_BUCKETS.includes(k)), keys.join(' '));
  const files = readdirSync(dir).filter((f) => f !== 'index.json').sort();
  assert.equal(files, keys.map((k) => `${k}.json`).sort(), 'index.json lists every file, and only files there are');
  assert.ok(keys.includes('vl') && keys.includes('jo'), 'Vladivostok and Kim Jong-un have their files');
  const mentioned = new Set((parse(readFileSync(join(await buildSiteOnce(), 'data', 'entities.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>).filter((r) => Number(r['mentions']) > 0).map((r) => r['id']));
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    assert.ok(gzipSync(bytes).length < 100_000, `${f}: ${gzipSync(bytes).length} bytes gzipped`);
    const data = JSON.parse(bytes.toString('utf8')) as NameFile;
    for (const [id] of data.entities) assert.ok(mentioned.has(id), `${f}: ${id} is not mentioned`);
  }
});

Search.run();

// ---------------------------------------------------------------------------------------------

const Sections = suite('browser: search by section');

/** Articles in two sections and at the top; World News/001 and business/001 share their text. */
const SECTION_SEEDS: Record<string, string> = {
  'business/001.txt': 'Oil prices climb\n\nOil prices rose on Monday as traders in London weighed supply cuts.\n',
  'business/002.txt': 'Shares fall\n\nShares in Tokyo fell as traders in London sold.\n',
  'World News/001.txt': 'Oil prices climb\n\nOil prices rose on Monday as traders in London weighed supply cuts.\n',
  'top.txt': 'Talks resume\n\nTalks in Paris resumed, diplomats in London said.\n',
};

let sectionSite: { dir: string; server: SiteServer; browser: Browser } | null = null;

Sections.before(async () => {
  const input = fixtureInput(SECTION_SEEDS);
  const output = join(input.dir, '_site');
  const result = await build({ root: ROOT, seeds: input.seeds, data: input.data, output, cache: false, workers: 1 });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  sectionSite = { dir: input.dir, server: await serveSite(output), browser: await launchBrowser() };
});

Sections.after(async () => {
  await sectionSite?.browser.close();
  await sectionSite?.server.close();
  if (sectionSite) rmSync(sectionSite.dir, { recursive: true, force: true });
});

/** A page of the section fixture's site, its errors recorded. */
async function onSections(path: string, body: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const context = await sectionSite!.browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(sectionSite!.server.url(path));
    await body(page, errors);
  } finally {
    await context.close();
  }
}

Sections("a section's link from the home page searches its articles, with the section filter set", async () => {
  await onSections('/', async (page, errors) => {
    await Promise.all([page.waitForURL('**/search/?section=business'), page.locator('ul.sections a', { hasText: 'business' }).click()]);
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    assert.equal((await resultPaths(page)).sort(), ['/articles/business-001/', '/articles/business-002/']);
    assert.is(await page.locator('#search-filters select[name="section"]').inputValue(), 'business');
    assert.equal(errors, []);
  });
});

Sections('a query that names an entity keeps the section: the entity leads, and only that section\'s articles follow', async () => {
  await onSections('/search/?q=London&section=World%20News', async (page, errors) => {
    await page.waitForSelector('#search-results li', { timeout: 15_000 });
    await page.locator('#search-entities .entity-lead', { hasText: 'London' }).waitFor({ timeout: 10_000 });
    assert.equal(await resultPaths(page), ['/articles/world-news-001/'], 'four articles name London, one of them in World News');
    assert.is(new URL(page.url()).searchParams.get('section'), 'World News', 'the section is kept in the address');
    await page.locator('#search-filters select[name="section"]').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 4, undefined, { timeout: 10_000 });
    assert.equal(errors, []);
  });
});

Sections.run();

// ---------------------------------------------------------------------------------------------

const Marks = suite('browser: marks on an article');

Marks('focusing a mark shows its entity card with the label', async () => {
  await on(ALLIANCE, async ({ page, errors }) => {
    assert.ok(await page.locator('#gloss-card').isHidden(), 'no card before a mark has focus');
    await page.locator(MARK).first().focus();
    const card = page.locator('#gloss-card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    assert.is((await card.locator('h2').textContent())?.trim(), 'Vladivostok');
    assert.match((await card.textContent()) ?? '', /Place/);
    assert.is(await page.locator(MARK).first().getAttribute('aria-describedby'), 'gloss-card', 'the card describes the focused mark');
    const markBox = await page.locator(MARK).first().boundingBox();
    const cardBox = await card.boundingBox();
    assert.ok(markBox && cardBox && cardBox.y >= markBox.y + markBox.height - 1, 'the card opens below the mark');
    assert.ok(cardBox && cardBox.x >= 0 && cardBox.x + cardBox.width <= 1200, 'the card stays within the window');
    await page.keyboard.press('Escape');
    assert.ok(await card.isHidden(), 'Escape closes the card');
    assert.equal(errors, []);
  });
});

Marks("the mark and the card's entity link both lead to the entity page", async () => {
  await on(ALLIANCE, async ({ page, errors }) => {
    assert.is(await page.locator(MARK).first().getAttribute('href'), '/entities/vladivostok/');
    await page.locator(MARK).first().focus();
    const link = page.locator('#gloss-card a', { hasText: 'Entity page' });
    await link.waitFor({ state: 'visible', timeout: 5_000 });
    await Promise.all([page.waitForURL('**/entities/vladivostok/'), link.click()]);
    assert.is((await page.textContent('h1'))?.trim(), 'Vladivostok');
    await page.goBack();
    await Promise.all([page.waitForURL('**/entities/vladivostok/'), page.locator(MARK).first().click()]);
    assert.is((await page.textContent('h1'))?.trim(), 'Vladivostok');
    assert.equal(errors, []);
  });
});

/** The marks j and k walk, in reading order: low-confidence ones are hidden at first. */
async function walkable(page: Page): Promise<string[]> {
  return page.$$eval('.article .m, .article .claim[id]', (marks) => {
    const article = document.querySelector('.article')!;
    return marks
      .filter((m) => {
        const type = m.classList.contains('claim') ? 'claim' : m.getAttribute('data-type');
        return !article.classList.contains(`hide-${type}`) && !(m.classList.contains('low') && article.classList.contains('hide-low'));
      })
      .map((m) => m.id);
  });
}

const focusedId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

Marks('pressing j moves focus to the next mark, and k back to the previous', async () => {
  await on(ALLIANCE, async ({ page, errors }) => {
    const order = await walkable(page);
    assert.ok(order.length > 10, `${order.length} marks`);
    await page.keyboard.press('j');
    assert.is(await focusedId(page), order[0], 'j with nothing focused goes to the first mark');
    await page.keyboard.press('j');
    assert.is(await focusedId(page), order[1], 'j goes to the next mark');
    await page.keyboard.press('j');
    assert.is(await focusedId(page), order[2]);
    await page.keyboard.press('k');
    assert.is(await focusedId(page), order[1], 'k goes back');
    assert.ok(await page.locator('#gloss-card').isVisible(), 'the card follows the focus');
    await page.locator('#site-search').focus();
    await page.keyboard.type('jk');
    assert.is(await page.inputValue('#site-search'), 'jk', 'j and k still type in the search box');
    assert.equal(errors, []);
  });
});

Marks("unticking a type toggle hides that type's marks, and ticking it shows them again", async () => {
  await on(ALLIANCE, async ({ page, errors }) => {
    const place = page.locator('.article .m.t-place:not(.low)').first();
    const style = (): Promise<{ line: string; color: string; parent: string }> =>
      place.evaluate((m) => ({ line: getComputedStyle(m).textDecorationLine, color: getComputedStyle(m).color, parent: getComputedStyle(m.parentElement!).color }));
    const shown = await style();
    assert.match(shown.line, 'underline', 'a place mark is underlined');
    assert.is.not(shown.color, shown.parent, 'a place mark has its own colour');

    const toggle = page.locator('.toggle[data-toggle="place"]');
    assert.ok(await toggle.isEnabled(), 'script enables the toggle');
    await toggle.uncheck();
    assert.ok(await page.locator('.article').evaluate((a) => a.classList.contains('hide-place')), 'the article gets hide-place');
    const hidden = await style();
    assert.is(hidden.line, 'none', 'no underline');
    assert.is(hidden.color, hidden.parent, 'the colour of the text around it');
    const person = await page.locator('.article .m.t-person:not(.low)').first().evaluate((m) => getComputedStyle(m).textDecorationLine);
    assert.match(person, 'underline', 'other types stay marked');

    const order = await walkable(page);
    const types = await page.$$eval('.article .m.t-place', (ms) => ms.map((m) => m.id));
    assert.not.ok(order.some((id) => types.includes(id)), 'j skips hidden types');

    await toggle.check();
    assert.equal(await style(), shown, 'ticking it again restores the mark');
    assert.equal(errors, []);
  });
});

Marks('without JavaScript the article still shows its marks, styled, and links them', async () => {
  await on(
    ALLIANCE,
    async ({ page, errors }) => {
      const marks = await page.locator('.article a.m').count();
      assert.ok(marks > 10, `${marks} linked marks`);
      const look = await page.locator(MARK).first().evaluate((m) => ({ line: getComputedStyle(m).textDecorationLine, color: getComputedStyle(m).color, parent: getComputedStyle(m.parentElement!).color, href: m.getAttribute('href') }));
      assert.match(look.line, 'underline');
      assert.is.not(look.color, look.parent);
      assert.is(look.href, '/entities/vladivostok/');
      assert.is(await page.locator('#gloss-card').count(), 0, 'no card without script');
      assert.ok(await page.locator('.legend-tools').isHidden(), 'controls that need script stay hidden');
      const claims = await page.locator('.article .claim[id]').count();
      assert.ok(claims > 0, 'claims are marked too');
      assert.equal(errors, []);
    },
    { javaScriptEnabled: false },
  );
});

Marks.run();

// ---------------------------------------------------------------------------------------------

const Lists = suite('browser: lists and the timeline without JavaScript');

Lists('the articles index sorts by a column heading, a plain link', async () => {
  await on(
    '/articles/',
    async ({ page, errors }) => {
      assert.is(await page.locator('th[aria-sort]').textContent().then((t) => t?.replace(/\W+$/, '').trim()), 'Published', 'newest first by default');
      await Promise.all([page.waitForURL('**/articles/by/mentions/'), page.locator('th a', { hasText: 'Mentions' }).click()]);
      assert.is(await page.locator('th[aria-sort="descending"]').textContent().then((t) => t?.replace(/\W+$/, '').trim()), 'Mentions');
      const column = await page.$$eval('table.articles thead th', (ths) => ths.findIndex((th) => th.hasAttribute('aria-sort')));
      const counts = await page.$$eval('table.articles tbody tr', (rows, i) => rows.map((r) => Number((r as HTMLTableRowElement).cells[i]!.textContent)), column);
      assert.ok(counts.length >= 5);
      assert.equal(counts, [...counts].sort((a, b) => b - a), 'most mentions first');
      assert.equal(errors, []);
    },
    { javaScriptEnabled: false },
  );
});

Lists("a timeline bar leads to that period's mentions in context, each linked to its mark", async () => {
  await on(
    '/timeline/',
    async ({ page, errors }) => {
      const bars = page.locator('svg.timeline a[href^="/timeline/2"], svg.timeline a[href^="/timeline/1"]');
      assert.ok((await bars.count()) > 0, 'bars');
      const rows = await page.$$eval('table.periods tbody tr', (trs) => trs.map((r) => [(r as HTMLTableRowElement).cells[0]!.querySelector('a')!.getAttribute('href'), (r as HTMLTableRowElement).cells[0]!.textContent, Number((r as HTMLTableRowElement).cells[1]!.textContent)] as const));
      const hrefs = await bars.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.equal(hrefs.filter((h) => !rows.some(([href]) => href === h)), [], 'a row for every bar');
      const href = (await bars.last().getAttribute('href'))!;
      const [, label, count] = rows.find(([h]) => h === href)!;
      await Promise.all([page.waitForURL(`**${href}`), bars.last().click()]);
      assert.is((await page.textContent('h1'))?.trim(), `Dates in ${label}`);
      const lines = page.locator('ul.kwic li a');
      assert.is(await lines.count(), count, 'as many lines as the table counts');
      const mention = (await lines.first().getAttribute('href'))!;
      await Promise.all([page.waitForURL(`**${mention}`), lines.first().click()]);
      assert.is(await page.locator(`[id="${mention.split('#')[1]}"]`).getAttribute('data-type'), 'date');
      assert.equal(errors, []);
    },
    { javaScriptEnabled: false },
  );
});

Lists("the home page's first screen needs nothing but its HTML and its stylesheet", async () => {
  const shot = async (only: boolean): Promise<{ png: Buffer; requested: string[] }> => {
    const { server, browser } = await setup();
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
    const requested: string[] = [];
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        const type = route.request().resourceType();
        requested.push(`${type} ${new URL(route.request().url()).pathname}`);
        return only && type !== 'document' && type !== 'stylesheet' ? route.abort() : route.continue();
      });
      await page.goto(server.url('/'), { waitUntil: 'load' });
      return { png: await page.screenshot({ type: 'png' }), requested };
    } finally {
      await context.close();
    }
  };
  const bare = await shot(true);
  const full = await shot(false);
  assert.ok(bare.requested.includes('stylesheet /assets/gloss.css'), bare.requested.join(', '));
  assert.equal(full.requested.filter((r) => !/^(document \/|stylesheet \/assets\/gloss\.css|script \/assets\/gloss\.js)$/.test(r)), [], 'the page asks for nothing else');
  assert.ok(bare.png.equals(full.png), 'the first screen looks the same without the script');
});

Lists.run();

// ---------------------------------------------------------------------------------------------

const Console = suite('browser: a clean console on every kind of page');

const KINDS: Array<[string, string]> = [
  ['home', '/'],
  ['article', ALLIANCE],
  ['articles index', '/articles/by/title/'],
  ['entity', '/entities/vladivostok/'],
  ['entities index', '/entities/'],
  ['entity type list', '/entities/type/place/by/name/'],
  ['claims index', '/claims/'],
  ['propositions', '/claims/propositions/'],
  ['timeline', '/timeline/'],
  ['claim cluster', 'a cluster'],
  ['outlets index', '/outlets/'],
  ['outlet', '/outlets/the-irish-times/'],
  ['methodology', '/methodology/'],
  ['search', '/search/?q=Vladivostok'],
  ['dataset', '/data/'],
];

/** The first claim cluster page built (the seeds have claims reported by more than one article). */
async function clusterPath(): Promise<string> {
  const claims = join(await buildSiteOnce(), 'claims');
  const first = readdirSync(claims).filter((n) => existsSync(join(claims, n, 'index.html'))).sort()[0];
  assert.ok(first, 'the seeds give at least one cluster of claims');
  return `/claims/${first}/`;
}

for (const [kind, where] of KINDS) {
  Console(`the ${kind} page loads and is used without console errors or page errors`, async () => {
    const path = kind === 'claim cluster' ? await clusterPath() : where;
    await on(path, async ({ page, errors, status }) => {
      assert.is(status, 200, `${path} is served`);
      if (kind === 'search') await page.waitForSelector('#search-results li', { timeout: 15_000 });
      if (kind === 'article') {
        await page.locator('.article .m').first().hover();
        await page.keyboard.press('j');
        await page.locator('.toggle[data-toggle="claim"]').uncheck();
        await page.locator('#show-low').check();
      }
      await page.waitForLoadState('networkidle');
      assert.equal(errors, [], `${path}:\n${errors.join('\n')}`);
    });
  });
}

Console.run();

// ---------------------------------------------------------------------------------------------

const Screens = suite('browser: screenshots for the docs');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  assert.is(data.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

Screens.after(teardown);

Screens('the home, an article, an entity page and the timeline are saved at 1200×900 in the light scheme', async () => {
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const [name, path] of [['home', '/'], ['article', ALLIANCE], ['entity', '/entities/vladivostok/'], ['timeline', '/timeline/']] as const) {
    await on(path, async ({ page }) => {
      if (name === 'article') {
        await page.locator('.article-body a.m.t-person').first().focus();
        await page.locator('#gloss-card').waitFor({ state: 'visible' });
      }
      assert.ok(await page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches), 'the light scheme');
      const png = await page.screenshot({ type: 'png' });
      writeFileSync(join(dir, `${name}.png`), png);
    });
    const file = join(dir, `${name}.png`);
    assert.equal(pngSize(file), { width: 1200, height: 900 });
    assert.ok(readFileSync(file).length > 20_000, `${name}.png is not blank`);
  }
});

Screens("the pictures (the corpus's network, an entity's own, and search with its suggestions) are saved, in the light and the dark scheme", async () => {
  const dir = join(ROOT, 'docs', 'screenshots');
  const shots: Array<[string, string, 'light' | 'dark', string]> = [
    ['network', '/', 'light', 'figure:has(svg.network)'],
    ['ego-network-dark', '/entities/kim-jong-un/', 'dark', 'figure.ego'],
    ['search', '/search/', 'light', 'main'],
  ];
  for (const [name, path, scheme, selector] of shots) {
    await on(
      path,
      async ({ page, errors }) => {
        if (name === 'search') {
          await page.locator('#q').click();
          await page.keyboard.type('Vladivostock');
          await page.keyboard.press('Enter');
          await page.waitForSelector('#search-results li', { timeout: 15_000 });
          await page.locator('#q').fill('');
          await page.keyboard.type('kim');
          await page.locator('#q ~ [role="listbox"] [role="option"]').first().waitFor({ timeout: 10_000 });
        }
        const png = await page.locator(selector).first().screenshot({ type: 'png' });
        writeFileSync(join(dir, `${name}.png`), png);
        assert.equal(errors, []);
      },
      { colorScheme: scheme },
    );
    const file = join(dir, `${name}.png`);
    assert.ok(pngSize(file).width > 300 && readFileSync(file).length > 10_000, `${name}.png is a picture`);
  }
});

Screens.run();
