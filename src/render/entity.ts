import type { Claim, Entity, Mention } from '../types.ts';
import { mentionsInContext, type MentionGroup } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { egoNetwork } from './network.ts';
import { PAGE_SIZE, pageCount, pageUrl, pager, paginate, paginateGroups } from './paging.ts';
import type { Route } from './routes.ts';
import { TYPE_NAMES, UNKNOWN, byText, entityHref, outletId, type EntityStats, type SiteData } from './site.ts';
import { withoutLinks } from '../text/links.ts';

/** Outlets and articles the summary at the top of an entity page lists. */
const SUMMARY_ROWS = 10;
/** Claims of each kind (made by the entity, naming it) the summary shows. */
const SUMMARY_CLAIMS = 5;

function wikidataLink(qid: string | undefined): SafeHtml | string {
  return qid ? html`<a href="https://www.wikidata.org/wiki/${qid}" rel="noopener noreferrer external">Wikidata ${qid}</a>` : '';
}

/** An entity's name, linked to its page when it has one. */
export function entityName(site: SiteData, stats: EntityStats, className = ''): SafeHtml {
  const href = entityHref(site, stats.entity.id);
  const cls = className ? html` class="${className}"` : '';
  return href ? html`<a${cls} href="${href}">${stats.entity.label}</a>` : html`<span${cls}>${stats.entity.label}</span>`;
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
    .sort((a, b) => b.shared - a.shared || b.stats.mentions - a.stats.mentions || byText(a.stats.entity.id, b.stats.entity.id))
    .slice(0, limit);
}

/** A claim as one line: source, polarity, hedge, the claim text, and a link into its article. */
export function claimLine(site: SiteData, c: Claim): SafeHtml {
  const doc = site.documentById.get(c.articleId)!;
  return html`<li class="claim-line"><blockquote class="claim-text ${c.polarity}">${withoutLinks(c.exact)}</blockquote>
<p class="claim-meta"><strong>${c.source}</strong> · ${c.cue} · <span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span>${c.hedged ? html` <span class="pill hedged">hedged</span>` : ''} · in <a href="/articles/${doc.article.id}/#${c.id}">${doc.article.title}</a> (${doc.article.outlet ?? UNKNOWN})</p></li>`;
}

const mentionPagesCache = new WeakMap<SiteData, Map<string, MentionGroup[][]>>();

/**
 * An entity's mentions in context, split into pages of about PAGE_SIZE mentions without splitting
 * an article: the articles that name it most first, then by id.
 */
export function mentionPages(site: SiteData, entityId: string): MentionGroup[][] {
  const cache = mentionPagesCache.get(site) ?? mentionPagesCache.set(site, new Map()).get(site)!;
  let pages = cache.get(entityId);
  if (!pages) {
    const groups: MentionGroup[] = [...(site.mentionsByEntity.get(entityId) ?? new Map<string, Mention[]>())].sort((a, b) => b[1].length - a[1].length || byText(a[0], b[0]));
    cache.set(entityId, (pages = paginateGroups(groups, (g) => g[1].length)));
  }
  return pages;
}

/** Where a mention's line in context is: the entity's page, or a later page of its mentions. */
export function mentionInContextUrl(site: SiteData, entityId: string, mentionId: string): string | null {
  const href = entityHref(site, entityId);
  if (!href) return null;
  const n = mentionPages(site, entityId).findIndex((page) => page.some(([, mentions]) => mentions.some((m) => m.id === mentionId)));
  return n < 0 ? null : `${pageUrl(href, n + 1)}#${mentionId}`;
}

/** Per outlet, the articles that name the entity and its mentions there, most mentions first. */
function byOutlet(site: SiteData, entityId: string): Array<{ id: string; name: string; articles: number; mentions: number }> {
  const rows = new Map<string, { id: string; name: string; articles: number; mentions: number }>();
  for (const [articleId, mentions] of site.mentionsByEntity.get(entityId) ?? []) {
    const outlet = site.documentById.get(articleId)!.article.outlet;
    const id = outletId(outlet);
    const row = rows.get(id) ?? rows.set(id, { id, name: outlet ?? UNKNOWN, articles: 0, mentions: 0 }).get(id)!;
    row.articles++;
    row.mentions += mentions.length;
  }
  return [...rows.values()].sort((a, b) => b.mentions - a.mentions || byText(a.id, b.id));
}

/** The summary an entity page leads with: where it is named, with whom, and its claims. */
function entitySummary(stats: EntityStats, site: SiteData): SafeHtml {
  const { entity } = stats;
  const outlets = byOutlet(site, entity.id);
  const articles = mentionPages(site, entity.id).flat().slice(0, SUMMARY_ROWS);
  const company = coOccurring(site, entity.id);
  const { by, about } = claimsOf(site, entity.id);
  const more = by.length > SUMMARY_CLAIMS || about.length > SUMMARY_CLAIMS ? html`<p class="more"><a href="/entities/${entity.id}/claims/">All ${by.length + about.length} claims that ${entity.label} makes or that name it</a></p>` : '';
  return html`<div class="grid">
<section aria-labelledby="by-outlet" data-pagefind-ignore="all"><h2 id="by-outlet">By outlet</h2>
<table><thead><tr><th scope="col">Outlet</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>${outlets.slice(0, SUMMARY_ROWS).map((o) => html`<tr><td><a href="/outlets/${o.id}/">${o.name}</a></td><td class="num">${o.articles}</td><td class="num">${o.mentions}</td></tr>`)}</tbody></table>
${outlets.length > SUMMARY_ROWS ? html`<p class="muted">The ${SUMMARY_ROWS} outlets that name it most, of ${outlets.length}.</p>` : ''}
</section>
<section aria-labelledby="top-articles" data-pagefind-ignore="all"><h2 id="top-articles">Articles that name it most</h2>
<ol class="top-articles">${articles.map(([articleId, mentions]) => html`<li><a href="/articles/${articleId}/">${site.documentById.get(articleId)!.article.title}</a> <span class="muted">${mentions.length}</span></li>`)}</ol>
</section>
</div>
<section aria-labelledby="company" data-pagefind-ignore="all"><h2 id="company">Named in the same articles</h2>
${company.length ? html`<ul class="chips">${company.map((x) => html`<li>${entityName(site, x.stats, `swatch t-${x.stats.entity.type}`)} <span class="muted">${x.shared}</span></li>`)}</ul>` : html`<p class="muted">No other entity.</p>`}
</section>
<section aria-labelledby="claims-by" data-pagefind-ignore="all"><h2 id="claims-by">Claims ${entity.label} makes (${by.length})</h2>
${by.length > SUMMARY_CLAIMS ? html`<p class="muted">The first ${SUMMARY_CLAIMS}.</p>` : ''}
${by.length ? html`<ul class="claims">${by.slice(0, SUMMARY_CLAIMS).map((c) => claimLine(site, c))}</ul>` : html`<p class="muted">None found.</p>`}
</section>
<section aria-labelledby="claims-about" data-pagefind-ignore="all"><h2 id="claims-about">Claims that name ${entity.label} (${about.length})</h2>
${about.length > SUMMARY_CLAIMS ? html`<p class="muted">The first ${SUMMARY_CLAIMS}.</p>` : ''}
${about.length ? html`<ul class="claims">${about.slice(0, SUMMARY_CLAIMS).map((c) => claimLine(site, c))}</ul>` : html`<p class="muted">None found.</p>`}
</section>
${more}`;
}

/** The lines of one page of an entity's mentions in context, with the links to the other pages. */
function mentionsSection(stats: EntityStats, site: SiteData, n: number): SafeHtml {
  const pages = mentionPages(site, stats.entity.id);
  const shown = pages[n - 1]!.reduce((sum, [, mentions]) => sum + mentions.length, 0);
  return html`<section aria-labelledby="in-context" data-pagefind-ignore="all"><h2 id="in-context">Mentions in context</h2>
${pages.length > 1 ? html`<p>${pageCount(n, pages.length)}: ${shown} of the ${stats.mentions} mentions, about ${PAGE_SIZE} a page, the articles that name it most first.</p>` : ''}
${mentionsInContext(site, pages[n - 1]!)}
${pager(`/entities/${stats.entity.id}/`, n, pages.length, `Pages of mentions of ${stats.entity.label}`)}
</section>`;
}

/**
 * The knowledge-base entities its mentions could also be, most popular first, with how many
 * mentions each was passed over for: set where a link was uncertain or left out.
 */
export function alternativesOf(site: SiteData, entityId: string): Array<{ entity: Entity; mentions: number }> {
  const counts = new Map<string, number>();
  for (const mentions of site.mentionsByEntity.get(entityId)?.values() ?? []) {
    for (const m of mentions) for (const id of m.alternatives ?? []) if (id !== entityId) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, mentions]) => ({ entity: site.entityById.get(id)!, mentions }))
    .filter((a) => a.entity)
    .sort((a, b) => (b.entity.popularity ?? 0) - (a.entity.popularity ?? 0) || (a.entity.id < b.entity.id ? -1 : 1));
}

function alternativesFact(site: SiteData, entity: Entity): SafeHtml | string {
  const alternatives = alternativesOf(site, entity.id);
  if (!alternatives.length) return '';
  const title = entity.generated ? 'Not linked: it could be' : 'Uncertain: it could also be';
  return html`<dt>${title}</dt><dd><ul class="alternatives">${alternatives.map(({ entity: a, mentions }) => {
    const href = entityHref(site, a.id);
    return html`<li>${href ? html`<a href="${href}">${a.label}</a>` : a.label}${a.description ? html`, ${a.description}` : ''}${a.wikidata ? html` (${wikidataLink(a.wikidata)})` : ''} <span class="muted">for ${mentions} mention${mentions === 1 ? '' : 's'}</span></li>`;
  })}</ul></dd>`;
}

/** The entity page: what it is, a summary of where and with whom it is named, its claims, then its first mentions in context. */
export function entityPage(stats: EntityStats, site: SiteData): SafeHtml {
  const { entity } = stats;
  const names = [...entity.aliases, ...entity.adjectivals];
  const outlets = byOutlet(site, entity.id).length;
  return html`<article class="entity" data-pagefind-body>
<p class="kicker"><span class="swatch t-${entity.type}">${TYPE_NAMES[entity.type]}</span></p>
<h1>${entity.label}</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="entity type">${TYPE_NAMES[entity.type]}</span>
<span data-pagefind-filter="entity">${entity.label}</span>
<span data-pagefind-meta="title">${entity.label} (${TYPE_NAMES[entity.type].toLowerCase()})</span></div>
<p class="lede">${entity.description}</p>
<dl class="facts">
<dt>Mentions</dt><dd>${stats.mentions} mentions in ${stats.articles} article${stats.articles === 1 ? '' : 's'} from ${outlets} outlet${outlets === 1 ? '' : 's'}</dd>
${names.length ? html`<dt>Also written</dt><dd>${names.join(', ')}</dd>` : ''}
<dt>Linked data</dt><dd>${entity.wikidata ? wikidataLink(entity.wikidata) : entity.generated ? 'Not in the knowledge base: found by the name recogniser, with lower confidence' : 'No Wikidata link'}</dd>
${alternativesFact(site, entity)}
</dl>
${entitySummary(stats, site)}
<section aria-labelledby="associated" data-pagefind-ignore="all"><h2 id="associated">Named with ${entity.label} more often than chance</h2>${egoNetwork(site, entity.id)}</section>
${mentionsSection(stats, site, 1)}
</article>`;
}

/** A later page of an entity's mentions in context. */
function entityMentionsPage(stats: EntityStats, site: SiteData, n: number): SafeHtml {
  const { entity } = stats;
  return html`<p class="kicker"><span class="swatch t-${entity.type}">${TYPE_NAMES[entity.type]}</span></p>
<h1>${entity.label}: mentions in context</h1>
<p>Every mention of <a href="/entities/${entity.id}/">${entity.label}</a>, grouped by article. Its page has the summary: where it is named, with whom, and its claims.</p>
${mentionsSection(stats, site, n)}`;
}

type ClaimItem = { kind: 'by' | 'about'; claim: Claim };

/** A page of every claim an entity makes, then every claim that names it. */
function entityClaimsPage(stats: EntityStats, site: SiteData, items: ClaimItem[], n: number, count: number): SafeHtml {
  const { entity } = stats;
  const { by, about } = claimsOf(site, entity.id);
  const part = (kind: ClaimItem['kind'], title: string): SafeHtml | string => {
    const here = items.filter((i) => i.kind === kind);
    return here.length ? html`<section aria-labelledby="claims-${kind}"><h2 id="claims-${kind}">${title}</h2><ul class="claims">${here.map((i) => claimLine(site, i.claim))}</ul></section>` : '';
  };
  return html`<h1>Claims and ${entity.label}</h1>
<p>The ${by.length} claim${by.length === 1 ? '' : 's'} that <a href="/entities/${entity.id}/">${entity.label}</a> makes, then the ${about.length} that name${about.length === 1 ? 's' : ''} it, ${PAGE_SIZE} a page. ${pageCount(n, count)}</p>
${part('by', `Claims ${entity.label} makes`)}
${part('about', `Claims that name ${entity.label}`)}
${pager(`/entities/${entity.id}/claims/`, n, count, `Pages of claims and ${entity.label}`)}`;
}

/**
 * An entity's further pages: its mentions in context after the first page, and, when it has more
 * claims than its page shows, every claim it makes or that names it.
 */
export function entityRoutes(site: SiteData): Route[] {
  const routes: Route[] = [];
  for (const stats of site.entities) {
    const { entity } = stats;
    if (!entityHref(site, entity.id)) continue;
    const pages = mentionPages(site, entity.id);
    for (let n = 2; n <= pages.length; n++) {
      routes.push({ url: pageUrl(`/entities/${entity.id}/`, n), title: `${entity.label}: mentions, page ${n} of ${pages.length}`, section: 'entities', render: () => entityMentionsPage(stats, site, n) });
    }
    const { by, about } = claimsOf(site, entity.id);
    if (by.length <= SUMMARY_CLAIMS && about.length <= SUMMARY_CLAIMS) continue;
    const claimPages = paginate<ClaimItem>([...by.map((claim) => ({ kind: 'by' as const, claim })), ...about.map((claim) => ({ kind: 'about' as const, claim }))]);
    claimPages.forEach((items, i) => {
      routes.push({ url: pageUrl(`/entities/${entity.id}/claims/`, i + 1), title: `Claims and ${entity.label}${claimPages.length > 1 ? `, page ${i + 1} of ${claimPages.length}` : ''}`, section: 'entities', render: () => entityClaimsPage(stats, site, items, i + 1, claimPages.length) });
    });
  }
  return routes;
}
