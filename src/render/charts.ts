import type { EntityType } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { entityName } from './entity.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, type EntityStats, type SiteData } from './site.ts';

export { networkChart } from './network.ts';

/** Numbers in SVG coordinates: two decimals, so builds stay byte-identical. */
function n(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/** Mentions per outlet, one stacked bar per outlet split by type (the `limit` outlets with most mentions); a table gives the numbers. */
export function outletChart(site: SiteData, limit = 12): SafeHtml {
  const all = site.outlets.map((o) => {
    const counts: Record<EntityType, number> = { person: 0, organization: 0, place: 0, event: 0, date: 0 };
    for (const doc of o.documents) for (const m of doc.mentions) counts[m.type]++;
    return { outlet: o, counts, total: TYPE_ORDER.reduce((s, t) => s + counts[t], 0) };
  });
  const rows = [...all].sort((a, b) => b.total - a.total || (a.outlet.id < b.outlet.id ? -1 : 1)).slice(0, limit);
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
<figcaption>What each outlet's articles mention${all.length > rows.length ? html`: the ${rows.length} outlets with most mentions, of ${all.length} (every outlet is on the <a href="/outlets/">outlets page</a>)` : ''}.</figcaption>
</figure>`;
}

/** The most mentioned entities as a list of links. */
export function topEntities(site: SiteData, stats: EntityStats[], limit = 12): SafeHtml {
  return html`<ol class="top-entities">${[...stats].sort((a, b) => b.mentions - a.mentions || (a.entity.id < b.entity.id ? -1 : 1)).slice(0, limit).map((s) => html`<li>${entityName(site, s, `swatch t-${s.entity.type}`)} <span class="muted">${s.mentions} in ${s.articles}</span></li>`)}</ol>`;
}

export { UNKNOWN };
