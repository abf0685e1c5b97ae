import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { cooccurrence, MIN_SHARED, neighboursOf, type Association } from './cooccurrence.ts';
import { html, type SafeHtml } from './html.ts';
import { TYPE_NAMES, entityHref, type EntityStats, type SiteData } from './site.ts';

/**
 * The co-occurrence networks: the corpus's on the home page, and each entity's own (its ego
 * network) on its page. An edge joins two entities only where they share paragraphs more often
 * than chance (cooccurrence.ts). Drawn at build time as SVG with a table of the same edges for
 * screen readers and readers without script; the home network is laid out by d3-force, run for a
 * fixed number of ticks from fixed starting positions (d3's own random source is a seeded LCG), so
 * the same corpus always gives the same picture.
 */

/** Numbers in SVG coordinates: two decimals, so builds stay byte-identical. */
function n(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/** The labels' font size in the SVG's units (gloss.css sets 11px on chart SVGs, drawn at scale ≤ 1). */
const FONT = 11;

/**
 * Width of a label in SVG units at FONT, erring wide: per-character advance widths of a broad
 * sans-serif (DejaVu Sans, the widest common system-ui), in em. A label measured too wide only
 * pads the picture; measured too narrow it would be clipped.
 */
export function labelWidth(text: string, size = FONT): number {
  let em = 0;
  for (const ch of text) {
    if (' .,:;\'’`!|il'.includes(ch)) em += 0.34;
    else if ('fjrtI()[]-'.includes(ch)) em += 0.45;
    else if ('mwMW@'.includes(ch)) em += 1.0;
    else if (/[A-Z]/.test(ch)) em += 0.78;
    else if (/[a-z0-9]/.test(ch)) em += 0.66;
    else if (/[\u0300-\u036f]/.test(ch)) em += 0;
    else if (ch.codePointAt(0)! > 0x2e80) em += 1.05;
    else em += 0.8;
  }
  return em * size;
}

interface Node extends SimulationNodeDatum {
  id: string;
  stats: EntityStats;
  r: number;
  x: number;
  y: number;
}

interface Edge extends SimulationLinkDatum<Node> {
  a: string;
  b: string;
  association: Association;
}

/** A label beside its node: to the right of nodes right of centre, to the left of the others. */
interface Placed {
  node: Node;
  anchor: 'start' | 'end' | 'middle';
  lx: number;
  ly: number;
}

/** The viewBox that holds every node and label, with a margin: nothing is ever clipped. */
function frame(placed: Placed[], pad = 6): { x: number; y: number; w: number; h: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { node, anchor, lx, ly } of placed) {
    const w = labelWidth(node.stats.entity.label);
    const left = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
    x0 = Math.min(x0, node.x - node.r, left);
    x1 = Math.max(x1, node.x + node.r, left + w);
    y0 = Math.min(y0, node.y - node.r, ly - FONT);
    y1 = Math.max(y1, node.y + node.r, ly + FONT * 0.35);
  }
  if (!placed.length) return { x: 0, y: 0, w: 100, h: 40 };
  return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Puts each label beside its node on the side where it covers fewer other nodes and labels
 * (labels of larger nodes placed first); on a tie, on the outer side (right of centre: right).
 */
function place(nodes: Node[], cx: number): Placed[] {
  const circles = new Map(nodes.map((d) => [d, { x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r }]));
  const taken: Box[] = [];
  const placed = new Map<Node, Placed>();
  for (const node of [...nodes].sort((a, b) => b.r - a.r || (a.id < b.id ? -1 : 1))) {
    const w = labelWidth(node.stats.entity.label);
    const y0 = node.y - FONT * 0.65;
    const outer = node.x >= cx;
    const beside = (right: boolean): Placed & { box: Box } => {
      const x0 = right ? node.x + node.r + 3 : node.x - node.r - 3 - w;
      return { node, anchor: right ? 'start' : 'end', lx: right ? x0 : x0 + w, ly: node.y + FONT * 0.35, box: { x0, y0, x1: x0 + w, y1: y0 + FONT } };
    };
    const over = (above: boolean): Placed & { box: Box } => {
      const ly = above ? node.y - node.r - 3 : node.y + node.r + FONT;
      return { node, anchor: 'middle', lx: node.x, ly, box: { x0: node.x - w / 2, y0: ly - FONT * 0.8, x1: node.x + w / 2, y1: ly + FONT * 0.2 } };
    };
    // In order of preference: the outer side, the inner side, above, below.
    const sides = [beside(outer), beside(!outer), over(true), over(false)];
    const cost = (box: Box): number => [...circles].filter(([d, c]) => d !== node && overlaps(box, c)).length + taken.filter((t) => overlaps(box, t)).length;
    const costs = sides.map((side) => cost(side.box));
    const best = sides[costs.indexOf(Math.min(...costs))]!;
    taken.push(best.box);
    placed.set(node, { node, anchor: best.anchor, lx: best.lx, ly: best.ly });
  }
  return nodes.map((d) => placed.get(d)!);
}

/** A node: its circle and label, linking the entity's page when it has one (see hasOwnPage). */
function drawNode(site: SiteData, { node, anchor, lx, ly }: Placed, ego = false): SafeHtml {
  const e = node.stats.entity;
  const shape = html`<circle class="t-${e.type}${ego ? ' ego' : ''}" cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.r)}"/><text x="${n(lx)}" y="${n(ly)}" text-anchor="${anchor}">${e.label}</text>`;
  const href = entityHref(site, e.id);
  return href ? html`<a href="${href}">${shape}</a>` : html`<g>${shape}</g>`;
}

/** An entity's label in a table, linking its page when it has one. */
function cell(site: SiteData, id: string): SafeHtml {
  const label = site.entityById.get(id)?.label ?? id;
  const href = entityHref(site, id);
  return href ? html`<a href="${href}">${label}</a>` : html`${label}`;
}

function drawEdge(p: Node, q: Node, a: Association, faint = false): SafeHtml {
  return html`<line${faint ? html` class="faint"` : ''} x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}" stroke-width="${n(0.75 + 3.25 * a.npmi)}"/>`;
}

function pmi(a: Association): string {
  return a.pmi.toFixed(2);
}

/** The table beside a network: every edge with its shared paragraphs and PMI. */
function edgeTable(site: SiteData, edges: Array<{ a: string; b: string; association: Association }>, summary: string): SafeHtml {
  return html`<details><summary>${summary}</summary>
<table><thead><tr><th scope="col">Entity</th><th scope="col">Entity</th><th scope="col">Shared paragraphs</th><th scope="col">PMI (bits)</th></tr></thead>
<tbody>${edges.map((e) => html`<tr><td>${cell(site, e.a)}</td><td>${cell(site, e.b)}</td><td class="num">${e.association.shared}</td><td class="num">${pmi(e.association)}</td></tr>`)}</tbody></table></details>`;
}

/** The strongest edges among the most mentioned entities, and the entities they join. */
function homeGraph(site: SiteData, candidates: number, maxEdges: number, maxNodes: number): { nodes: EntityStats[]; edges: Edge[] } {
  const top = [...site.entities].sort((a, b) => b.mentions - a.mentions || (a.entity.id < b.entity.id ? -1 : 1)).slice(0, candidates);
  const inTop = new Set(top.map((s) => s.entity.id));
  const { neighbours } = cooccurrence(site);
  const all: Edge[] = [];
  for (const s of top) {
    for (const a of neighbours.get(s.entity.id) ?? []) if (inTop.has(a.id) && s.entity.id < a.id) all.push({ a: s.entity.id, b: a.id, association: a, source: s.entity.id, target: a.id });
  }
  all.sort((x, y) => y.association.npmi - x.association.npmi || y.association.shared - x.association.shared || (x.a + x.b < y.a + y.b ? -1 : 1));
  const chosen = new Set<string>();
  const edges: Edge[] = [];
  for (const e of all) {
    if (edges.length >= maxEdges) break;
    const adds = [e.a, e.b].filter((id) => !chosen.has(id)).length;
    if (chosen.size + adds > maxNodes) continue;
    chosen.add(e.a);
    chosen.add(e.b);
    edges.push(e);
  }
  const nodes = top.filter((s) => chosen.has(s.entity.id)).sort((a, b) => (a.entity.id < b.entity.id ? -1 : 1));
  return { nodes, edges };
}

/**
 * The corpus's network: the most mentioned entities, joined where they share paragraphs more
 * often than chance, the line thicker for a stronger association (NPMI), the node larger for more
 * mentions; laid out by force (d3-force, 300 ticks from a grid). The table lists the same edges.
 */
export function networkChart(site: SiteData, candidates = 40, maxEdges = 45, maxNodes = 28): SafeHtml {
  const { nodes: stats, edges } = homeGraph(site, candidates, maxEdges, maxNodes);
  if (!edges.length) return html`<figure class="chart"><p class="muted">No two entities share paragraphs more often than chance (${MIN_SHARED} or more paragraphs) yet.</p></figure>`;
  const maxMentions = Math.max(1, ...stats.map((s) => s.mentions));
  const cols = Math.ceil(Math.sqrt(stats.length));
  // Starting positions on a grid in id order: no randomness and no trigonometry.
  const nodes: Node[] = stats.map((s, i) => ({ id: s.entity.id, stats: s, r: 4 + 8 * Math.sqrt(s.mentions / maxMentions), x: (i % cols) * 60, y: Math.floor(i / cols) * 60 }));
  const links = edges.map((e) => ({ ...e }));
  const simulation = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, Edge>(links).id((d) => d.id).distance((l) => 95 - 45 * l.association.npmi).strength((l) => 0.25 + 0.6 * l.association.npmi))
    .force('charge', forceManyBody<Node>().strength(-260))
    // Room for the label too, which lies to one side: a circle half its width round the node.
    .force('collide', forceCollide<Node>((d) => d.r + 6 + labelWidth(d.stats.entity.label) * 0.5).strength(0.9))
    .force('x', forceX<Node>(0).strength(0.07))
    .force('y', forceY<Node>(0).strength(0.1))
    .stop();
  simulation.tick(300);
  const byId = new Map(nodes.map((d) => [d.id, d]));
  const placed = place(nodes, 0);
  const box = frame(placed);
  return html`<figure class="chart">
<svg viewBox="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}" role="group" aria-labelledby="net-title net-desc" class="network">
<title id="net-title">Entities that appear together more often than chance</title>
<desc id="net-desc">${stats.length} of the most mentioned entities; a line joins two that share ${MIN_SHARED} or more paragraphs, more often than chance alone would give, thicker for a stronger association. The table below lists the same pairs.</desc>
<g class="edges">${edges.map((e) => drawEdge(byId.get(e.a)!, byId.get(e.b)!, e.association))}</g>
<g class="nodes">${placed.map((p) => drawNode(site, p))}</g>
</svg>
${edgeTable(site, edges, 'Table of the network')}
<figcaption>Entities named in the same paragraphs more often than chance: pointwise mutual information over paragraphs, at least ${MIN_SHARED} shared.</figcaption>
</figure>`;
}

/**
 * An entity's ego network: it in the middle, its strongest associations around it (stronger
 * nearer), and the lines between them where they too are associated. Angles go round in order of
 * strength, so the picture depends only on the statistics. Empty when no entity is associated
 * with it above chance.
 */
export function egoNetwork(site: SiteData, entityId: string, limit = 10): SafeHtml {
  const stats = site.statsById.get(entityId);
  const around = neighboursOf(site, entityId).filter((a) => site.statsById.has(a.id)).slice(0, limit);
  if (!stats || !around.length) return html`<p class="muted">No entity shares ${MIN_SHARED} or more paragraphs with this one more often than chance.</p>`;
  const label = stats.entity.label;
  const ego: Node = { id: entityId, stats, r: 10, x: 0, y: 0 };
  const others: Node[] = around.map((a, i) => {
    // Half a step off the vertical, so that no neighbour sits straight above the centre's label.
    const angle = -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / around.length;
    const distance = 70 + 70 * (1 - a.npmi);
    return { id: a.id, stats: site.statsById.get(a.id)!, r: 6, x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
  });
  const byId = new Map(others.map((o) => [o.id, o]));
  const between: Array<{ a: string; b: string; association: Association }> = [];
  for (const o of others) for (const a of neighboursOf(site, o.id)) if (byId.has(a.id) && o.id < a.id) between.push({ a: o.id, b: a.id, association: a });
  // The centre's label sits above it, where no line runs.
  const placed: Placed[] = [{ node: ego, anchor: 'middle', lx: 0, ly: ego.y - ego.r - 4 }, ...place(others, 0)];
  const box = frame(placed);
  const titleId = `ego-title-${entityId}`;
  const descId = `ego-desc-${entityId}`;
  return html`<figure class="chart ego">
<svg viewBox="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}" role="group" aria-labelledby="${titleId} ${descId}" class="network">
<title id="${titleId}">Entities most associated with ${label}</title>
<desc id="${descId}">${label} in the middle and the ${others.length} entities that share paragraphs with it most often beyond chance, stronger ones nearer; the table below lists them.</desc>
<g class="edges">${between.map((e) => drawEdge(byId.get(e.a)!, byId.get(e.b)!, e.association, true))}${others.map((o, i) => drawEdge(ego, o, around[i]!))}</g>
<g class="nodes">${placed.map((p, i) => drawNode(site, p, i === 0))}</g>
</svg>
<details><summary>Table of ${label}'s strongest associations</summary>
<table><thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col">Shared paragraphs</th><th scope="col">PMI (bits)</th></tr></thead>
<tbody>${around.map((a) => {
  const e = site.statsById.get(a.id)!.entity;
  return html`<tr><td>${cell(site, e.id)}</td><td>${TYPE_NAMES[e.type]}</td><td class="num">${a.shared}</td><td class="num">${pmi(a)}</td></tr>`;
})}</tbody></table></details>
<figcaption>Named with ${label} in the same paragraphs more often than chance (pointwise mutual information, at least ${MIN_SHARED} shared paragraphs).</figcaption>
</figure>`;
}
