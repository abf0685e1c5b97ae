import { OffsetMap } from '../text/offsets.ts';
import type { AnnotationDocument, Block, Claim, EntityType, Mention } from '../types.ts';
import { html, jsonForScript, trusted, type SafeHtml } from './html.ts';
import { createRenderer, renderMarked, type MarkSpec } from './marks.ts';
import { proposition } from './proposition.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, entityHref, outletId, sectionSearch, type SiteData } from './site.ts';

const md = createRenderer();

/** Marks below this confidence are "low confidence": shown, but the reader can hide them. */
export const LOW_CONFIDENCE = 0.7;

/** The attribution shown beside a claim: source, cue, polarity, hedge. */
export function claimBadge(claim: Claim): string {
  return [claim.source, claim.cue, claim.polarity === 'deny' ? 'denies' : 'affirms', claim.hedged ? 'hedged' : '', claim.quote ? 'direct quote' : ''].filter(Boolean).join(' · ');
}

function mentionMark(m: Mention, site: SiteData, start: number, end: number): MarkSpec {
  const entity = m.entityId ? site.entityById.get(m.entityId) : undefined;
  const classes = ['m', `t-${m.type}`, m.form === 'adjectival' ? 'adj' : '', m.confidence < LOW_CONFIDENCE ? 'low' : ''].filter(Boolean).join(' ');
  // A name found in this article alone has no page (see hasOwnPage): its mark is not a link.
  const href = entity ? entityHref(site, entity.id) : null;
  const label = entity ? `${TYPE_NAMES[m.type]}: ${entity.label}${m.form === 'adjectival' ? ' (adjectival)' : ''}${m.refersTo ? `, standing for ${site.entityById.get(m.refersTo)?.label ?? m.refersTo}` : ''}${href ? '' : ', named only in this article'}` : `${TYPE_NAMES[m.type]}${m.value ? `: ${m.value}` : ''}`;
  const attrs: Array<[string, string]> = [['id', m.id], ['class', classes], ['data-type', m.type], ['title', label]];
  if (href) attrs.unshift(['href', href]);
  else attrs.push(['tabindex', '0']);
  if (entity) attrs.push(['data-entity', entity.id]);
  if (m.value) attrs.push(['data-value', m.value]);
  return { start, end, tag: href ? 'a' : 'span', attrs };
}

function claimMark(c: Claim, start: number, end: number, first: boolean, last: boolean): MarkSpec {
  const attrs: Array<[string, string]> = [
    ['class', `claim ${c.polarity}${c.hedged ? ' hedged' : ''}${c.confidence < LOW_CONFIDENCE ? ' low' : ''}`],
    ['data-claim', c.id],
    ['data-badge', claimBadge(c)],
  ];
  if (first) attrs.unshift(['id', c.id], ['tabindex', '0']);
  if (last) attrs.push(['data-end', '']);
  return { start, end, tag: 'span', attrs };
}

/** One block's HTML with its marks: spans converted from code points to the block's UTF-16 indices. */
export function renderBlock(doc: AnnotationDocument, block: Block, site: SiteData, map: OffsetMap): SafeHtml {
  const base = map.toUnit(block.start);
  const text = map.slice(block.start, block.end);
  const local = (point: number): number => map.toUnit(point) - base;
  const marks: MarkSpec[] = [];
  for (const c of doc.claims) {
    if (c.end <= block.start || c.start >= block.end) continue;
    const s = Math.max(c.start, block.start);
    const e = Math.min(c.end, block.end);
    marks.push(claimMark(c, local(s), local(e), c.start >= block.start, c.end <= block.end));
  }
  for (const m of doc.mentions) if (m.start >= block.start && m.end <= block.end) marks.push(mentionMark(m, site, local(m.start), local(m.end)));
  const hidden = block.hidden.map((h) => ({ start: local(h.start), end: local(h.end) }));
  return trusted(renderMarked(md, text, { marks, hidden }));
}

function counts(doc: AnnotationDocument): Record<EntityType, number> {
  const c: Record<EntityType, number> = { person: 0, organization: 0, place: 0, event: 0, date: 0 };
  for (const m of doc.mentions) c[m.type]++;
  return c;
}

/** The legend: counts per type and, enhanced by script, toggles and the low-confidence switch. */
function legend(doc: AnnotationDocument): SafeHtml {
  const c = counts(doc);
  return html`<section class="legend" aria-label="Marks in this article">
<h2 class="visually-hidden">Marks in this article</h2>
<ul class="legend-list">
${TYPE_ORDER.map((type) => html`<li><label><input type="checkbox" class="toggle" data-toggle="${type}" checked disabled> <span class="swatch t-${type}">${TYPE_NAMES[type]}</span> <span class="count">${c[type]}</span></label></li>`)}
<li><label><input type="checkbox" class="toggle" data-toggle="claim" checked disabled> <span class="swatch claim affirm">Claim</span> <span class="count">${doc.claims.length}</span></label></li>
</ul>
<p class="legend-tools" data-js-only hidden><label><input type="checkbox" id="show-low"> Show low-confidence marks</label> <span class="keys">Keys: <kbd>j</kbd> next mark, <kbd>k</kbd> previous</span></p>
</section>`;
}

function blockHtml(doc: AnnotationDocument, block: Block, site: SiteData, map: OffsetMap): SafeHtml {
  const body = renderBlock(doc, block, site, map);
  switch (block.kind) {
    case 'kicker':
      return html`<p class="kicker">${body}</p>`;
    case 'title':
      return html`<h1>${body}</h1>`;
    case 'standfirst':
      return html`<p class="standfirst">${body}</p>`;
    case 'byline':
      return html`<p class="byline">${body}</p>`;
    case 'caption':
      return html`<figure class="caption"><figcaption><span class="caption-label">Picture caption:</span> ${body}</figcaption></figure>`;
    default:
      return html`<p>${body}</p>`;
  }
}

/** The article page: metadata, marked text, legend, claims beside, boilerplate set aside, downloads. */
export function articlePage(doc: AnnotationDocument, site: SiteData): SafeHtml {
  const { article } = doc;
  const map = new OffsetMap(article.text);
  const head = article.blocks.filter((b) => b.kind === 'kicker' || b.kind === 'title' || b.kind === 'standfirst');
  const body = article.blocks.filter((b) => !head.includes(b));
  const entitiesHere = [...new Set(doc.mentions.map((m) => m.entityId).filter((id): id is string => id !== null))].sort();
  const cards = Object.fromEntries(
    entitiesHere.map((id) => {
      const e = site.entityById.get(id)!;
      const s = site.statsById.get(id);
      return [id, { label: e.label, type: TYPE_NAMES[e.type], description: e.description, wikidata: e.wikidata ?? null, mentions: s?.mentions ?? 0, articles: s?.articles ?? 0, generated: e.generated === true, page: entityHref(site, id) !== null }];
    }),
  );
  return html`<div class="article-layout">
<article class="article" data-pagefind-body data-article="${article.id}">
<header class="article-head">
${head.map((b) => blockHtml(doc, b, site, map))}
<p class="meta">
<span data-pagefind-filter="outlet"><a href="/outlets/${outletId(article.outlet)}/">${article.outlet ?? UNKNOWN}</a></span>
${article.section !== null ? html`· <span>Section <a href="${sectionSearch(article.section)}" data-pagefind-filter="section">${article.section}</a></span>
` : ''}· <span>Published ${article.published ? html`<time datetime="${article.published}">${article.published}</time>` : UNKNOWN}</span>
· <span>By ${article.author ?? UNKNOWN}</span>
· <span>${article.wordCount} words</span>
</p>
<div hidden data-pagefind-ignore>
<span data-pagefind-meta="title">${article.title}</span>
<span hidden data-pagefind-meta="outlet">${article.outlet ?? UNKNOWN}</span>
${article.published ? html`<span hidden data-pagefind-meta="date">${article.published}</span><span hidden data-pagefind-sort="date">${article.published}</span>` : ''}
${entitiesHere.map((id) => html`<span hidden data-pagefind-filter="entity">${site.entityById.get(id)!.label}</span>`)}
${[...new Set(doc.mentions.map((m) => m.type))].map((t) => html`<span hidden data-pagefind-filter="entity type">${TYPE_NAMES[t]}</span>`)}
${[...new Set(doc.claims.map((c) => c.source))].map((s) => html`<span hidden data-pagefind-filter="claim source">${s}</span>`)}
</div>
</header>
<div data-pagefind-ignore>${legend(doc)}</div>
<div class="article-body">
${body.map((b) => blockHtml(doc, b, site, map))}
</div>
</article>
<aside class="claims-beside" aria-labelledby="claims-here">
<h2 id="claims-here">Claims in this article (${doc.claims.length})</h2>
${doc.claims.length === 0 ? html`<p>No attributed claims found.</p>` : html`<ol class="claim-list">
${doc.claims.map((c) => html`<li><a href="#${c.id}">${c.source}</a> <span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span>${c.hedged ? html` <span class="pill hedged">hedged</span>` : ''} <span class="cue">cue: ${c.cue}</span><span class="proposition">${proposition(c)}</span>${c.clusterId ? html`<a href="/claims/${c.clusterId}/">compare outlets</a>` : ''}</li>`)}
</ol>`}
</aside>
</div>
${article.setAside.length ? html`<details class="set-aside">
<summary>Set aside from this article (${article.setAside.length})</summary>
<p>Lines the reader took for site furniture rather than article text. They are not annotated or searched.</p>
<ul>${article.setAside.map((s) => html`<li><q>${s.text}</q> <span class="reason">${s.reason.replace(/-/g, ' ')}</span></li>`)}</ul>
</details>` : ''}
<section class="downloads" aria-labelledby="downloads-here">
<h2 id="downloads-here">This article's data</h2>
<ul>
<li><a href="/data/articles/${article.id}.jsonld" download>Annotations as JSON-LD</a></li>
<li><a href="/data/articles/${article.id}.csv" download>Annotations as CSV</a></li>
<li><a href="/data/sources/${article.id}.txt" download>Source text</a> (every offset counts Unicode code points into it)</li>
</ul>
<p class="provenance">Source file <code>${article.sourceFile}</code>, SHA-256 <code class="hash">${article.sha256}</code>.</p>
</section>
<script type="application/json" id="gloss-cards">${jsonForScript(cards)}</script>`;
}
