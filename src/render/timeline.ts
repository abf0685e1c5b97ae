import type { Mention } from '../types.ts';
import { mentionsInContext, type MentionGroup } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { PAGE_SIZE, pageCount, pageUrl, pager, paginateGroups } from './paging.ts';
import type { Route } from './routes.ts';
import { byText, type SiteData } from './site.ts';

/** Up to this many years between the first and the last date, the timeline counts per month. */
const MONTHS_UP_TO = 2;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The dated mentions of one year or month. */
export interface Period {
  /** `2004`, or `2004-03` when the timeline counts months (a date given by its year alone stays `2004`). */
  key: string;
  /** `2004`, `March 2004`, or `2004, month not given`. */
  label: string;
  /** Its mentions by article, in the order of their dates. */
  groups: MentionGroup[];
  mentions: number;
}

/** The dated mentions of a corpus, per year or per month, in time order. */
export interface Timeline {
  unit: 'year' | 'month';
  periods: Period[];
  first: number;
  last: number;
}

/** Numbers in SVG coordinates: two decimals, so builds stay byte-identical. */
function n(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

const DATE = /^(\d{4})(?:-(\d\d))?/;

const timelines = new WeakMap<SiteData, Timeline>();

/** The corpus's dated mentions (dates resolved to a calendar year at least), per period, once per site. */
export function timelineOf(site: SiteData): Timeline {
  const found = timelines.get(site);
  if (found) return found;
  const dated: Array<{ m: Mention; year: number; month: number | null }> = [];
  for (const doc of site.documents) {
    for (const m of doc.mentions) {
      const match = m.type === 'date' && m.value ? DATE.exec(m.value) : null;
      if (match) dated.push({ m, year: Number(match[1]), month: match[2] ? Number(match[2]) : null });
    }
  }
  const first = dated.length ? Math.min(...dated.map((d) => d.year)) : 0;
  const last = dated.length ? Math.max(...dated.map((d) => d.year)) : 0;
  const unit = last - first <= MONTHS_UP_TO ? 'month' : 'year';
  const byKey = new Map<string, Mention[]>();
  for (const d of dated) {
    const key = unit === 'month' && d.month ? `${d.year}-${String(d.month).padStart(2, '0')}` : String(d.year);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(d.m);
  }
  const periods = [...byKey.entries()]
    .sort((a, b) => byText(a[0], b[0]))
    .map(([key, mentions]): Period => {
      mentions.sort((a, b) => byText(a.value!, b.value!) || byText(a.articleId, b.articleId) || a.start - b.start);
      const groups = new Map<string, Mention[]>();
      for (const m of mentions) (groups.get(m.articleId) ?? groups.set(m.articleId, []).get(m.articleId)!).push(m);
      for (const list of groups.values()) list.sort((a, b) => a.start - b.start);
      const [year, month] = key.split('-');
      const label = month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : unit === 'month' ? `${year}, month not given` : key;
      return { key, label, groups: [...groups.entries()], mentions: mentions.length };
    });
  const timeline: Timeline = { unit, periods, first, last };
  timelines.set(site, timeline);
  return timeline;
}

/** The page of a period's dated mentions. */
export function periodUrl(period: Period): string {
  return `/timeline/${period.key}/`;
}

/** Tick labels every so many years: a round step that gives at most about ten. */
function yearStep(span: number): number {
  return [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => span / s <= 10) ?? 1000;
}

/** Over more years than this, the chart draws the years that hold most dated mentions (see `focus`). */
const LONG_SPAN = 60;
/** The share of dated mentions each end of a long timeline may gather into one bar. */
const TAIL = 0.02;
/** The fewest years the chart of a long timeline draws one by one. */
const FOCUS_YEARS = 30;

/**
 * The years the chart draws one by one. On a long timeline (a few mentions of 1600, most of them
 * of the last decades) a bar per year would squeeze the busy years into a sliver: the chart draws
 * the years between the first and last 2% of mentions, and the few before and after as one bar
 * at each end. The table lists every year.
 */
function focus(timeline: Timeline): { from: number; to: number } {
  const { unit, periods, first, last } = timeline;
  if (unit !== 'year' || last - first + 1 <= LONG_SPAN) return { from: first, to: last };
  const total = periods.reduce((sum, p) => sum + p.mentions, 0);
  const edge = (list: Period[]): number => {
    let gathered = 0;
    for (const p of list) {
      gathered += p.mentions;
      if (gathered > TAIL * total) return Number(p.key);
    }
    return Number(list.at(-1)!.key);
  };
  let from = edge(periods);
  const to = edge([...periods].reverse());
  if (to - from + 1 < FOCUS_YEARS) from = Math.max(first, to - FOCUS_YEARS + 1);
  return { from, to };
}

/**
 * The timeline as bars: one per year (or month) on a time axis, as high as its dated mentions,
 * each linking to that period's page (see `focus` for the ends of a long timeline). Dates given
 * by their year alone, on a timeline of months, are counted in the table but not drawn.
 */
export function timelineChart(site: SiteData, options: { wide?: boolean } = {}): SafeHtml {
  const timeline = timelineOf(site);
  const { unit, periods } = timeline;
  if (!periods.length) return html`<p class="muted">No dated expressions could be resolved to a calendar date.</p>`;
  const { from, to } = focus(timeline);
  const yearOf = (p: Period): number => Number(p.key.slice(0, 4));
  const earlier = periods.filter((p) => yearOf(p) < from);
  const later = periods.filter((p) => yearOf(p) > to);
  const sum = (list: Period[]): number => list.reduce((total, p) => total + p.mentions, 0);
  const width = 640;
  const left = 40;
  const base = 150;
  const tall = 120;
  const end = 64;
  const plotLeft = left + (earlier.length ? end : 0);
  const plotRight = width - left - (later.length ? end : 0);
  const slots = unit === 'year' ? to - from + 1 : (to - from + 1) * 12;
  const slotOf = (key: string): number | null => {
    const [year, month] = key.split('-').map(Number);
    return unit === 'year' ? year! - from : month ? (year! - from) * 12 + month - 1 : null;
  };
  const w = (plotRight - plotLeft) / slots;
  const x = (slot: number): number => plotLeft + slot * w;
  const drawn = periods.filter((p) => yearOf(p) >= from && yearOf(p) <= to && slotOf(p.key) !== null);
  const max = Math.max(...drawn.map((p) => p.mentions), sum(earlier), sum(later));
  const height = (count: number): number => Math.max(2, (tall * count) / max);
  const step = yearStep(to - from + 1);
  const ticks: Array<[number, string]> = [];
  for (let year = Math.ceil(from / step) * step; year <= to + 1; year += step) ticks.push([(year - from) * (unit === 'year' ? 1 : 12), String(year)]);
  const bar = (href: string, title: string, bx: number, bw: number, count: number): SafeHtml => html`<a href="${href}"><title>${title}: ${count} dated mention${count === 1 ? '' : 's'}</title><rect class="t-date" x="${n(bx)}" y="${n(base - height(count))}" width="${n(bw)}" height="${n(height(count))}"/></a>`;
  const endBar = (list: Period[], cx: number, label: string): SafeHtml =>
    html`${bar(`/timeline/#period-${list[0]!.key}`, list.length > 1 ? `${list[0]!.label} to ${list.at(-1)!.label}` : list[0]!.label, cx - 10, 20, sum(list))}<text x="${n(cx)}" y="${base + 18}" text-anchor="middle">${label}</text>`;
  const tails = [earlier.length ? `${sum(earlier)} from ${earlier[0]!.label} to ${earlier.at(-1)!.label} as one bar on the left` : '', later.length ? `${sum(later)} from ${later[0]!.label} to ${later.at(-1)!.label} as one bar on the right` : ''].filter(Boolean);
  return html`<figure class="chart${options.wide ? ' wide' : ''}">
<svg viewBox="0 0 ${width} 180" role="group" aria-labelledby="time-title time-desc" class="timeline">
<title id="time-title">Dated mentions per ${unit}</title>
<desc id="time-desc">${sum(periods)} dated mentions, one bar per ${unit} from ${from} to ${to} as high as its count${tails.length ? `, and ${tails.join(' and ')}` : ''}; each bar links to its mentions, and the timeline page has the same counts as a table.</desc>
<line class="axis" x1="${plotLeft}" y1="${base}" x2="${plotRight}" y2="${base}"/>
${ticks.map(([slot, label]) => html`<g><line class="tick" x1="${n(x(slot))}" y1="${base}" x2="${n(x(slot))}" y2="${base + 5}"/><text x="${n(x(slot))}" y="${base + 18}" text-anchor="middle">${label}</text></g>`)}
${drawn.map((p) => bar(periodUrl(p), p.label, x(slotOf(p.key)!) + Math.min(1, w / 4), Math.max(1, w - Math.min(2, w / 2)), p.mentions))}
${earlier.length ? endBar(earlier, left + end / 2 - 6, 'earlier') : ''}
${later.length ? endBar(later, width - left - end / 2 + 6, 'later') : ''}
</svg>
<figcaption>When the events the articles mention took place, where a date could be resolved: dated mentions per ${unit}${tails.length ? ', the few earlier and later ones gathered at the ends' : ''}.</figcaption>
</figure>`;
}

/** The timeline's numbers: a row per period, linking to its page. */
function timelineTable(site: SiteData): SafeHtml {
  const { unit, periods } = timelineOf(site);
  return html`<table class="periods">
<caption class="visually-hidden">Dated mentions per ${unit}</caption>
<thead><tr><th scope="col">${unit === 'year' ? 'Year' : 'Month'}</th><th scope="col" class="num">Dated mentions</th><th scope="col" class="num">Articles</th></tr></thead>
<tbody>${periods.map((p) => html`<tr id="period-${p.key}"><td><a href="${periodUrl(p)}">${p.label}</a></td><td class="num">${p.mentions}</td><td class="num">${p.groups.length}</td></tr>`)}</tbody>
</table>`;
}

/** The timeline page: the chart, then the same counts as a table. */
export function timelinePage(site: SiteData): SafeHtml {
  const { unit, periods } = timelineOf(site);
  return html`<h1>Timeline</h1>
<p class="lede">When the events the articles mention took place: the dates they name that could be resolved to a calendar ${unit}, counted per ${unit}. Select a bar or a ${unit} to read its mentions in context. Every dated mention is also in the dataset: see the <a href="/data/">data page</a>.</p>
${timelineChart(site, { wide: true })}
${periods.length ? timelineTable(site) : ''}`;
}

/** Pages of a period's mentions: about PAGE_SIZE mentions each, an article's never split. */
function periodPages(period: Period): MentionGroup[][] {
  return paginateGroups(period.groups, (g) => g[1].length);
}

/** One page of a period's dated mentions, in context. */
function periodPage(site: SiteData, index: number, n: number): SafeHtml {
  const { periods } = timelineOf(site);
  const period = periods[index]!;
  const pages = periodPages(period);
  const before = periods[index - 1];
  const after = periods[index + 1];
  return html`<p class="kicker">Timeline</p>
<h1>Dates in ${period.label}</h1>
<p>${period.mentions} dated mention${period.mentions === 1 ? '' : 's'} in ${period.groups.length} article${period.groups.length === 1 ? '' : 's'}, grouped by article, about ${PAGE_SIZE} a page. ${pageCount(n, pages.length)}</p>
<nav class="periods-nav" aria-label="Periods"><ul>${before ? html`<li><a href="${periodUrl(before)}" rel="prev">‹ ${before.label}</a></li>` : ''}<li><a href="/timeline/">The timeline</a></li>${after ? html`<li><a href="${periodUrl(after)}" rel="next">${after.label} ›</a></li>` : ''}</ul></nav>
<section aria-labelledby="dated"><h2 id="dated">In context</h2>
${mentionsInContext(site, pages[n - 1]!)}
</section>
${pager(periodUrl(period), n, pages.length, `Pages of ${period.label}`)}`;
}

/** The timeline page and every page of every period's mentions. */
export function timelineRoutes(site: SiteData): Route[] {
  const routes: Route[] = [{ url: '/timeline/', title: 'Timeline', section: 'timeline', render: () => timelinePage(site) }];
  timelineOf(site).periods.forEach((period, index) => {
    const pages = periodPages(period);
    pages.forEach((_, i) => {
      routes.push({ url: pageUrl(periodUrl(period), i + 1), title: `Dates in ${period.label}${pages.length > 1 ? `, page ${i + 1} of ${pages.length}` : ''}`, section: 'timeline', render: () => periodPage(site, index, i + 1) });
    });
  });
  return routes;
}
