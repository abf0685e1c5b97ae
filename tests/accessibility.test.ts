/**
 * Accessibility of the built site in headless Chromium: axe-core finds no violations on each
 * kind of page in the light and the dark scheme, and every mark colour meets WCAG AA (4.5:1)
 * against the page and against claim tints in both schemes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers.ts';
import { browserSession, buildSiteOnce } from './server.ts';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const ARTICLE = '/articles/how-concerning-is-a-russia-kim-jong-un-alliance/';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const TYPES = ['person', 'organization', 'place', 'event', 'date'] as const;

const { setup, teardown } = browserSession();

/** A page at the path in a fresh 1200×900 context of the scheme; the context closes afterwards. */
async function on(path: string, scheme: Scheme, body: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const { server, browser } = await setup();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce', ...options });
  try {
    const page = await context.newPage();
    const response = await page.goto(server.url(path), { waitUntil: 'load' });
    assert.is(response?.status(), 200, `${path} is served`);
    await body(page);
  } finally {
    await context.close();
  }
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page as it is now (injected as a script: the context bypasses the CSP for that only). */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await runner.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${String(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}

function describe(violations: Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}`).join('\n');
}

/** The first page built in a folder of the site. */
async function firstPage(folder: string): Promise<string> {
  const dir = join(await buildSiteOnce(), folder);
  const first = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'index.html'))).sort()[0];
  assert.ok(first, `the seeds give at least one page under /${folder}/`);
  return `/${folder}/${first}/`;
}

/** The first claim cluster page built. */
function clusterPath(): Promise<string> {
  return firstPage('claims');
}

// ---------------------------------------------------------------------------------------------

const Axe = suite('accessibility: axe-core finds no violations');

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['article', ARTICLE],
  ['entity', '/entities/vladivostok/'],
  ['entity with its network', '/entities/kim-jong-un/'],
  ['entity index', '/entities/'],
  ['entity type list', '/entities/type/place/by/name/'],
  ['articles index', '/articles/'],
  ['timeline', '/timeline/'],
  ['timeline period', ''],
  ['claims index', '/claims/'],
  ['claim cluster', ''],
  ['search', '/search/?q=Vladivostok'],
  ['dataset', '/data/'],
];

for (const scheme of SCHEMES) {
  for (const [kind, where] of PAGES) {
    Axe(`on the ${kind} page in the ${scheme} scheme`, async () => {
      const path = kind === 'claim cluster' ? await clusterPath() : kind === 'timeline period' ? await firstPage('timeline') : where;
      await on(
        path,
        scheme,
        async (page) => {
          if (kind === 'search') await page.waitForSelector('#search-results li', { timeout: 15_000 });
          if (kind === 'search') await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          if (kind === 'home' || kind === 'entity with its network') await page.locator('figure details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          const violations = await axe(page);
          assert.ok(violations.length === 0, `${path} (${scheme}):\n${describe(violations)}`);
          if (kind === 'search') {
            // With the suggestions open.
            await page.locator('#q').fill('');
            await page.locator('#q').focus();
            await page.keyboard.type('kim');
            await page.locator('#q ~ [role="listbox"] [role="option"]').first().waitFor({ timeout: 10_000 });
            await page.keyboard.press('ArrowDown');
            const open = await axe(page);
            assert.ok(open.length === 0, `${path} (${scheme}) with suggestions open:\n${describe(open)}`);
          }
          if (kind === 'article') {
            // With the entity card open.
            await page.locator('.article-body a.m').first().focus();
            await page.locator('#gloss-card').waitFor({ state: 'visible' });
            const open = await axe(page);
            assert.ok(open.length === 0, `${path} (${scheme}) with the card open:\n${describe(open)}`);
          }
        },
        { bypassCSP: true },
      );
    });
  }
}

Axe('the checker itself catches a violation (an image without text, a field without a label)', async () => {
  await on(
    '/methodology/',
    'light',
    async (page) => {
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const input = document.createElement('input');
        input.type = 'text';
        main.append(input);
        const button = document.createElement('button');
        main.append(button);
      });
      const ids = (await axe(page)).map((v) => v.id);
      assert.ok(ids.includes('label') && ids.includes('button-name'), ids.join(', '));
    },
    { bypassCSP: true },
  );
});

Axe.run();

// ---------------------------------------------------------------------------------------------

const Pictures = suite('accessibility: the networks as drawn');

for (const scheme of SCHEMES) {
  for (const [where, path] of [['home page', '/'], ['entity page', '/entities/kim-jong-un/']] as const) {
    Pictures(`on the ${where} in the ${scheme} scheme, every label lies inside its picture, legible against the page, and the table says the same`, async () => {
      await on(path, scheme, async (page) => {
        const svg = page.locator('svg.network').first();
        await svg.waitFor();
        const report = await svg.evaluate((el) => {
          const s = el as SVGSVGElement;
          const box = s.viewBox.baseVal;
          const labels = Array.from(s.querySelectorAll('text')).map((t) => {
            const b = (t as SVGTextElement).getBBox();
            return { text: t.textContent ?? '', inside: b.x >= box.x && b.y >= box.y && b.x + b.width <= box.x + box.width && b.y + b.height <= box.y + box.height, fill: getComputedStyle(t).fill };
          });
          const rows = el.closest('figure')?.querySelectorAll('tbody tr').length ?? 0;
          return { labels, lines: s.querySelectorAll('line').length, rows, bg: [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).backgroundColor] };
        });
        assert.ok(report.labels.length > 3, `${report.labels.length} labels`);
        const clipped = report.labels.filter((l) => !l.inside).map((l) => l.text);
        assert.equal(clipped, [], `labels outside the viewBox: ${clipped.join(', ')}`);
        const fg = parseColor(report.labels[0]!.fill);
        const bg = effectiveBackground(report.bg);
        assert.is(luminance(bg) < 0.2, scheme === 'dark', `the page follows the ${scheme} scheme`);
        const ratio = contrast(fg, bg);
        assert.ok(ratio >= 4.5, `labels ${report.labels[0]!.fill} on ${bg.join(',')}: ${ratio.toFixed(2)}:1`);
        if (where === 'home page') assert.is(report.rows, report.lines, 'one table row per line drawn');
        else assert.is(report.rows, report.labels.length - 1, 'one table row per neighbour');
      });
    });
  }
}

Pictures.run();

// ---------------------------------------------------------------------------------------------

const Contrast = suite('accessibility: mark colours meet WCAG AA');

type Rgba = [number, number, number, number];

/** Parses rgb()/rgba() as getComputedStyle reports it. */
function parseColor(css: string): Rgba {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) throw new Error(`cannot read colour ${css}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** A colour laid over an opaque one. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Probe {
  label: string;
  color: string;
  /** Backgrounds from the element up to the root, innermost first. */
  backgrounds: string[];
}

/**
 * Mark colours of every type on the page, in plain text, in an affirming claim and in a denying
 * one. (No named functions inside: tsx would wrap them in a helper the page does not have.)
 */
async function probes(page: Page): Promise<Probe[]> {
  return page.evaluate((types) => {
    const body = document.querySelector('.article .article-body');
    if (!body) throw new Error('no article body');
    const host = document.createElement('p');
    body.prepend(host);
    const out: Array<{ label: string; element: Element }> = [];
    for (const setting of ['page', 'affirm claim', 'deny claim']) {
      let parent: HTMLElement = host;
      if (setting !== 'page') {
        const claim = document.createElement('span');
        claim.className = `claim ${setting === 'deny claim' ? 'deny' : 'affirm'}`;
        claim.textContent = 'claim ';
        host.append(claim);
        parent = claim;
        out.push({ label: `claim text in a ${setting}`, element: claim });
      }
      for (const type of types) {
        for (const variant of ['', ' low', ' adj']) {
          const mark = document.createElement('a');
          mark.className = `m t-${type}${variant}`;
          mark.href = '#';
          mark.textContent = type;
          parent.append(mark);
          out.push({ label: `${type}${variant} mark on the ${setting}`, element: mark });
        }
      }
    }
    return out.map(({ label, element }) => {
      const backgrounds: string[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) backgrounds.push(getComputedStyle(e).backgroundColor);
      return { label, color: getComputedStyle(element).color, backgrounds };
    });
  }, [...TYPES]);
}

/** The colour behind an element: its backgrounds laid over each other, down to an opaque one (or white). */
function effectiveBackground(backgrounds: string[]): Rgba {
  let color: Rgba = [255, 255, 255, 1];
  for (const css of [...backgrounds].reverse()) {
    const c = parseColor(css);
    if (c[3] > 0) color = over(c, color);
  }
  return color;
}

Contrast('the contrast arithmetic matches WCAG (black on white is 21:1, a grey fails)', () => {
  assert.is(Math.round(contrast(parseColor('rgb(0, 0, 0)'), parseColor('rgb(255, 255, 255)')) * 10) / 10, 21);
  assert.ok(contrast(parseColor('rgb(119, 119, 119)'), parseColor('rgb(255, 255, 255)')) < 4.5);
  assert.equal(effectiveBackground(['rgba(0, 0, 0, 0)', 'rgb(10, 20, 30)']), [10, 20, 30, 1]);
});

for (const scheme of SCHEMES) {
  Contrast(`every mark colour has at least 4.5:1 against the page and claim backgrounds in the ${scheme} scheme`, async () => {
    await on(ARTICLE, scheme, async (page) => {
      const page0 = effectiveBackground(await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).backgroundColor]));
      const dark = luminance(page0) < 0.2;
      assert.is(dark, scheme === 'dark', `the page background ${page0.join(',')} follows the ${scheme} scheme`);
      const found = await probes(page);
      assert.is(found.length, 3 * TYPES.length * 3 + 2);
      const colours = new Set(found.filter((p) => p.label.includes('mark on the page')).map((p) => p.color));
      assert.ok(colours.size >= TYPES.length - 1, `types have their own colours: ${[...colours].join(' ')}`);
      const failing: string[] = [];
      for (const p of found) {
        const bg = effectiveBackground(p.backgrounds);
        const fg = over(parseColor(p.color), bg);
        const ratio = contrast(fg, bg);
        if (ratio < 4.5) failing.push(`${p.label}: ${p.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}) is ${ratio.toFixed(2)}:1`);
      }
      assert.ok(failing.length === 0, `${scheme} scheme:\n${failing.join('\n')}`);
    });
  });
}

Contrast.after(teardown);

Contrast.run();
