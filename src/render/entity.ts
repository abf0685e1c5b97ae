import { OffsetMap } from '../text/offsets.ts';
import { visibleText } from '../text/visible.ts';
import type { Claim, EntityType } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { egoNetwork } from './network.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, type EntityStats, type SiteData } from './site.ts';
import { withoutLinks } from '../text/links.ts';

/** Context shown either side of a mention in keyword-in-context lines, in code points. */
const KWIC = 60;

function wikidataLink(qid: string | undefined): SafeHtml | string {
  return qid ? html`<a href="https://www.wikidata.org/wiki/${qid}" rel="noopener noreferrer external">Wikidata ${qid}</a>` : '';
}

/** Claims whose source is the entity, and claims whose content names it. */
export function claimsOf(site: SiteData, entityId: string): { by: Claim[]; about: Claim[] } {
  return site.claimsByEntity.get(entityId) ?? { by: [], about: [] };
}

/** Entities that share articles with this one, most shared first. */
export function coOccurring(site: SiteData, entityId: string, limit = 15): Array<{ stats: EntityStats; shared: number }> {
  const articles = site.mentionsByEntity.get(entityId);
  if (!articles) return [];
  const shared = new Map<string, number>();
  for (const articleId of articles.keys()) {
    for (const id of site.entitiesByArticle.get(articleId)!) if (id !== entityId) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  return [...shared.entries()]
    .map(([id, n]) => ({ stats: site.statsById.get(id)!, shared: n }))
    .filter((x) => x.stats)
    .sort((a, b) => b.shared - a.shared || b.stats.mentions - a.stats.mentions || (a.stats.entity.id < b.stats.entity.id ? -1 : 1))
    .slice(0, limit);
}

/** A claim as one line: source, polarity, hedge, the claim text, and a link into its article. */
export function claimLine(site: SiteData, c: Claim): SafeHtml {
  const doc = site.documentById.get(c.articleId)!;
  return html`<li class="claim-line"><blockquote class="claim-text ${c.polarity}">${withoutLinks(c.exact)}</blockquote>
<p class="claim-meta"><strong>${c.source}</strong> · ${c.cue} · <span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span>${c.hedged ? html` <span class="pill hedged">hedged</span>` : ''} · in <a href="/articles/${doc.article.id}/#${c.id}">${doc.article.title}</a> (${doc.article.outlet ?? UNKNOWN})</p></li>`;
}

const visibleCache = new WeakMap<SiteData, Map<string, { map: OffsetMap; visible: OffsetMap }>>();

/** An article's source and visible text as offset maps, made once per article for all entity pages. */
function visibleOf(site: SiteData, articleId: string): { map: OffsetMap; visible: OffsetMap } {
  const cache = visibleCache.get(site) ?? visibleCache.set(site, new Map()).get(site)!;
  let found = cache.get(articleId);
  if (!found) {
    const article = site.documentById.get(articleId)!.article;
    const map = new OffsetMap(article.text);
    found = { map, visible: new OffsetMap(visibleText(article, map)) };
    cache.set(articleId, found);
  }
  return found;
}

/** The entity page: what it is, every mention in context by article, its claims, its company. */
export function entityPage(stats: EntityStats, site: SiteData): SafeHtml {
  const { entity } = stats;
  const perArticle = site.mentionsByEntity.get(entity.id) ?? new Map();
  const { by, about } = claimsOf(site, entity.id);
  const company = coOccurring(site, entity.id);
  const names = [...entity.aliases, ...entity.adjectivals];
  return html`<article class="entity" data-pagefind-body>
<p class="kicker"><span class="swatch t-${entity.type}">${TYPE_NAMES[entity.type]}</span></p>
<h1>${entity.label}</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="entity type">${TYPE_NAMES[entity.type]}</span>
<span data-pagefind-filter="entity">${entity.label}</span>
<span data-pagefind-meta="title">${entity.label} (${TYPE_NAMES[entity.type].toLowerCase()})</span></div>
<p class="lede">${entity.description}</p>
<dl class="facts">
<dt>Mentions</dt><dd>${stats.mentions} mentions in ${stats.articles} article${stats.articles === 1 ? '' : 's'}</dd>
${names.length ? html`<dt>Also written</dt><dd>${names.join(', ')}</dd>` : ''}
<dt>Linked data</dt><dd>${entity.wikidata ? wikidataLink(entity.wikidata) : entity.generated ? 'Not in the knowledge base: found by the name recogniser, with lower confidence' : 'No Wikidata link'}</dd>
</dl>
<section aria-labelledby="in-context" data-pagefind-ignore="all"><h2 id="in-context">Every mention in context</h2>
${[...perArticle.entries()].map(([articleId, mentions]) => {
  const doc = site.documentById.get(articleId)!;
  const { map, visible } = visibleOf(site, articleId);
  const context = (from: number, to: number): string => visible.slice(from, to).replace(/\s+/g, ' ');
  return html`<h3><a href="/articles/${articleId}/">${doc.article.title}</a> <span class="muted">(${doc.article.outlet ?? UNKNOWN}, ${mentions.length})</span></h3>
<ul class="kwic">${mentions.map((m: { id: string; start: number; end: number; exact: string }) => html`<li><a href="/articles/${articleId}/#${m.id}"><span class="left">${context(Math.max(0, m.start - KWIC), m.start)}</span><mark>${m.exact}</mark><span class="right">${context(m.end, Math.min(map.length, m.end + KWIC))}</span></a></li>`)}</ul>`;
})}
</section>
<section aria-labelledby="claims-by" data-pagefind-ignore="all"><h2 id="claims-by">Claims ${entity.label} makes (${by.length})</h2>
${by.length ? html`<ul class="claims">${by.map((c) => claimLine(site, c))}</ul>` : html`<p class="muted">None found.</p>`}
</section>
<section aria-labelledby="claims-about" data-pagefind-ignore="all"><h2 id="claims-about">Claims that name ${entity.label} (${about.length})</h2>
${about.length ? html`<ul class="claims">${about.map((c) => claimLine(site, c))}</ul>` : html`<p class="muted">None found.</p>`}
</section>
<section aria-labelledby="company" data-pagefind-ignore="all"><h2 id="company">Named in the same articles</h2>
${company.length ? html`<ul class="chips">${company.map((x) => html`<li><a class="swatch t-${x.stats.entity.type}" href="/entities/${x.stats.entity.id}/">${x.stats.entity.label}</a> <span class="muted">${x.shared}</span></li>`)}</ul>` : html`<p class="muted">No other entity.</p>`}
</section>
<section aria-labelledby="associated" data-pagefind-ignore="all"><h2 id="associated">Named with ${entity.label} more often than chance</h2>${egoNetwork(site, entity.id)}</section>
</article>`;
}

/** The entity index: one table per type, most mentioned first; script adds sorting. */
export function entityIndex(site: SiteData): SafeHtml {
  const byType = new Map<EntityType, EntityStats[]>();
  for (const s of site.entities) (byType.get(s.entity.type) ?? byType.set(s.entity.type, []).get(s.entity.type)!).push(s);
  return html`<h1>Entities</h1>
<p>${site.entities.length} people, organisations, places and events named in ${site.documents.length} articles, most mentioned first. Select a column heading to sort.</p>
<nav aria-label="Entity types" class="chips-nav"><ul class="chips">${TYPE_ORDER.filter((t) => byType.has(t)).map((t) => html`<li><a class="swatch t-${t}" href="#type-${t}">${TYPE_NAMES[t]} (${byType.get(t)!.length})</a></li>`)}</ul></nav>
${TYPE_ORDER.filter((t) => byType.has(t)).map((t) => html`<section aria-labelledby="type-${t}">
<h2 id="type-${t}">${TYPE_NAMES[t]}</h2>
<table class="sortable">
<thead><tr><th scope="col" data-sort="text">Name</th><th scope="col" data-sort="number" aria-sort="descending">Mentions</th><th scope="col" data-sort="number">Articles</th><th scope="col">Description</th></tr></thead>
<tbody>${byType.get(t)!.map((s) => html`<tr><td><a href="/entities/${s.entity.id}/">${s.entity.label}</a></td><td class="num">${s.mentions}</td><td class="num">${s.articles}</td><td>${s.entity.description}</td></tr>`)}</tbody>
</table>
</section>`)}`;
}
