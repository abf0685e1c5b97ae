import type { EntityType } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { entityName } from './entity.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, entityHref, type EntityStats, type SiteData } from './site.ts';

/** Numbers in SVG coordinates: two decimals, so builds stay byte-identical. */
function n(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/**
 * Entity co-occurrence network: the most mentioned entities round a circle, joined when they
 * appear in the same article, the line as thick as the number of shared articles. A fixed
 * layout, drawn at build time; a table gives the same pairs.
 */
export function networkChart(site: SiteData, limit = 16): SafeHtml {
  const top = [...site.entities].sort((a, b) => b.mentions - a.mentions || (a.entity.id < b.entity.id ? -1 : 1)).slice(0, limit);
  const index = new Map(top.map((s, i) => [s.entity.id, i]));
  const weight = new Map<string, number>();
  for (const doc of site.documents) {
    const here = [...new Set(doc.mentions.map((m) => m.entityId))].filter((id): id is string => id !== null && index.has(id)).sort();
    for (let i = 0; i < here.length; i++) for (let j = i + 1; j < here.length; j++) weight.set(`${here[i]}|${here[j]}`, (weight.get(`${here[i]}|${here[j]}`) ?? 0) + 1);
  }
  const size = 520;
  const r = 180;
  const c = size / 2;
  const pos = top.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, top.length) - Math.PI / 2;
    return { x: c + r * Math.cos(a), y: c + r * Math.sin(a), a };
  });
  const max = Math.max(1, ...weight.values());
  const edges = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const maxMentions = Math.max(1, ...top.map((s) => s.mentions));
  return html`<figure class="chart">
<svg viewBox="0 0 ${size} ${size}" role="group" aria-labelledby="net-title net-desc" class="network">
<title id="net-title">Entity co-occurrence network</title>
<desc id="net-desc">The ${top.length} most mentioned entities; a line joins two that appear in the same article, thicker for more shared articles. The table below lists the same pairs.</desc>
<g class="edges">${edges.map(([key, w]) => {
  const [a, b] = key.split('|');
  const p = pos[index.get(a!)!]!;
  const q = pos[index.get(b!)!]!;
  return html`<line x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}" stroke-width="${n(0.5 + (3 * w) / max)}"/>`;
})}</g>
<g class="nodes">${top.map((s, i) => {
  const p = pos[i]!;
  const right = Math.cos(p.a) >= 0;
  const lx = p.x + (right ? 10 : -10);
  const node = html`<circle class="t-${s.entity.type}" cx="${n(p.x)}" cy="${n(p.y)}" r="${n(4 + (8 * s.mentions) / maxMentions)}"/><text x="${n(lx)}" y="${n(p.y + 4)}" text-anchor="${right ? 'start' : 'end'}">${s.entity.label}</text>`;
  const href = entityHref(site, s.entity.id);
  return href ? html`<a href="${href}">${node}</a>` : html`<g>${node}</g>`;
})}</g>
</svg>
<details><summary>Table of the network</summary>
<table><thead><tr><th scope="col">Entity</th><th scope="col">Entity</th><th scope="col">Shared articles</th></tr></thead>
<tbody>${edges.map(([key, w]) => {
  const [a, b] = key.split('|');
  return html`<tr><td>${site.entityById.get(a!)!.label}</td><td>${site.entityById.get(b!)!.label}</td><td class="num">${w}</td></tr>`;
})}</tbody></table></details>
<figcaption>Entities that appear together in articles.</figcaption>
</figure>`;
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
