import type { EntityType } from '../types.ts';
import { html, type SafeHtml } from './html.ts';

export { networkChart } from './network.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, type EntityStats, type SiteData } from './site.ts';

/** Numbers in SVG coordinates: two decimals, so builds stay byte-identical. */
function n(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/** Mentions per outlet, one stacked bar per outlet split by type; a table gives the numbers. */
export function outletChart(site: SiteData): SafeHtml {
  const rows = site.outlets.map((o) => {
    const counts: Record<EntityType, number> = { person: 0, organization: 0, place: 0, event: 0, date: 0 };
    for (const doc of o.documents) for (const m of doc.mentions) counts[m.type]++;
    return { outlet: o, counts, total: TYPE_ORDER.reduce((s, t) => s + counts[t], 0) };
  });
  const max = Math.max(1, ...rows.map((r) => r.total));
  const barH = 26;
  const labelW = 170;
  const width = 560;
  const height = rows.length * (barH + 10) + 40;
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="outlet-title outlet-desc" class="bars">
<title id="outlet-title">Mentions per outlet and type</title>
<desc id="outlet-desc">One bar per outlet, split by entity type; the table below gives the numbers.</desc>
${rows.map((row, i) => {
  let x = labelW;
  const y = 10 + i * (barH + 10);
  return html`<text x="${labelW - 8}" y="${y + barH / 2 + 4}" text-anchor="end">${row.outlet.name}</text>${TYPE_ORDER.map((t) => {
    const w = ((width - labelW - 50) * row.counts[t]) / max;
    const rect = html`<rect class="t-${t}" x="${n(x)}" y="${y}" width="${n(w)}" height="${barH}"><title>${row.outlet.name}: ${row.counts[t]} ${TYPE_NAMES[t].toLowerCase()} mentions</title></rect>`;
    x += w;
    return rect;
  })}<text x="${n(x + 6)}" y="${y + barH / 2 + 4}">${row.total}</text>`;
})}
<g class="key">${TYPE_ORDER.map((t, i) => html`<rect class="t-${t}" x="${labelW + i * 78}" y="${height - 22}" width="12" height="12"/><text x="${labelW + i * 78 + 16}" y="${height - 12}">${TYPE_NAMES[t]}</text>`)}</g>
</svg>
<details><summary>Table of mentions per outlet</summary>
<table><thead><tr><th scope="col">Outlet</th>${TYPE_ORDER.map((t) => html`<th scope="col">${TYPE_NAMES[t]}</th>`)}<th scope="col">All</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.outlet.name}</td>${TYPE_ORDER.map((t) => html`<td class="num">${r.counts[t]}</td>`)}<td class="num">${r.total}</td></tr>`)}</tbody></table></details>
<figcaption>What each outlet's articles mention.</figcaption>
</figure>`;
}

interface Dated {
  year: number;
  month: number;
  value: string;
  exact: string;
  articleId: string;
  mentionId: string;
  title: string;
}

/** A timeline of the dated expressions the articles mention, on a year axis; a table lists them. */
export function timelineChart(site: SiteData): SafeHtml {
  const dated: Dated[] = [];
  for (const doc of site.documents) {
    for (const m of doc.mentions) {
      const match = m.type === 'date' && m.value ? /^(\d{4})(?:-(\d\d))?/.exec(m.value) : null;
      if (match) dated.push({ year: Number(match[1]), month: Number(match[2] ?? 6), value: m.value!, exact: m.exact, articleId: doc.article.id, mentionId: m.id, title: doc.article.title });
    }
  }
  dated.sort((a, b) => a.value.localeCompare(b.value) || a.mentionId.localeCompare(b.mentionId));
  if (!dated.length) return html`<p class="muted">No dated expressions could be resolved to a calendar date.</p>`;
  const first = Math.min(...dated.map((d) => d.year));
  const last = Math.max(...dated.map((d) => d.year)) + 1;
  const width = 640;
  const left = 30;
  const span = Math.max(1, last - first);
  const x = (d: Dated): number => left + ((width - 2 * left) * (d.year - first + (d.month - 0.5) / 12)) / span;
  const stacks = new Map<string, number>();
  const step = Math.max(1, Math.ceil(span / 12));
  const ticks: number[] = [];
  for (let y = first; y <= last; y += step) ticks.push(y);
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} 170" role="group" aria-labelledby="time-title time-desc" class="timeline">
<title id="time-title">Timeline of dated events the articles mention</title>
<desc id="time-desc">${dated.length} dated expressions from ${first} to ${last - 1}, one dot each; the table below lists them.</desc>
<line class="axis" x1="${left}" y1="130" x2="${width - left}" y2="130"/>
${ticks.map((y) => html`<g><line class="tick" x1="${n(left + ((width - 2 * left) * (y - first)) / span)}" y1="126" x2="${n(left + ((width - 2 * left) * (y - first)) / span)}" y2="134"/><text x="${n(left + ((width - 2 * left) * (y - first)) / span)}" y="150" text-anchor="middle">${y}</text></g>`)}
${dated.map((d) => {
  const key = `${d.year}-${d.month}`;
  const k = stacks.get(key) ?? 0;
  stacks.set(key, k + 1);
  return html`<a href="/articles/${d.articleId}/#${d.mentionId}"><circle class="t-date" cx="${n(x(d))}" cy="${n(118 - k * 11)}" r="5"><title>${d.exact} (${d.value}) in ${d.title}</title></circle></a>`;
})}
</svg>
<details><summary>Table of dated expressions</summary>
<table><thead><tr><th scope="col">Date</th><th scope="col">As written</th><th scope="col">Article</th></tr></thead>
<tbody>${dated.map((d) => html`<tr><td>${d.value}</td><td><a href="/articles/${d.articleId}/#${d.mentionId}">${d.exact}</a></td><td>${d.title}</td></tr>`)}</tbody></table></details>
<figcaption>When the events the articles mention took place, where a date could be resolved.</figcaption>
</figure>`;
}

/** The most mentioned entities as a list of links. */
export function topEntities(stats: EntityStats[], limit = 12): SafeHtml {
  return html`<ol class="top-entities">${[...stats].sort((a, b) => b.mentions - a.mentions || (a.entity.id < b.entity.id ? -1 : 1)).slice(0, limit).map((s) => html`<li><a class="swatch t-${s.entity.type}" href="/entities/${s.entity.id}/">${s.entity.label}</a> <span class="muted">${s.mentions} in ${s.articles}</span></li>`)}</ol>`;
}

export { UNKNOWN };
