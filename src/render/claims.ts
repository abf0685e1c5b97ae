import type { AnnotationDocument, Claim, Cluster } from '../types.ts';
import { claimBadge } from './article.ts';
import { html, type SafeHtml } from './html.ts';
import { PAGE_SIZE, pageCount, pageUrl, pager, paginate } from './paging.ts';
import type { Route } from './routes.ts';
import { UNKNOWN, byText, entityHref, type SiteData } from './site.ts';
import { withoutLinks } from '../text/links.ts';

function plain(text: string): string {
  return withoutLinks(text).replace(/\s+/g, ' ');
}

/** Sources and propositions the claims index's summary names. */
const TOP = 10;

/** A claim with its article. */
type ClaimRow = { doc: AnnotationDocument; c: Claim };

const rowsCache = new WeakMap<SiteData, ClaimRow[]>();

/** Every claim of the corpus in corpus order (articles by id, claims by position). */
function allClaims(site: SiteData): ClaimRow[] {
  let rows = rowsCache.get(site);
  if (!rows) rowsCache.set(site, (rows = site.documents.flatMap((doc) => doc.claims.map((c) => ({ doc, c })))));
  return rows;
}

/** Propositions reported by more than one article, most reports first. */
function propositions(site: SiteData): Cluster[] {
  return [...site.clusters].sort((a, b) => b.claimIds.length - a.claimIds.length || byText(a.id, b.id));
}

function claimTable(rows: readonly ClaimRow[]): SafeHtml {
  return html`<table class="claims-table">
<thead><tr><th scope="col">Source</th><th scope="col">Claim</th><th scope="col">Polarity</th><th scope="col">Hedge</th><th scope="col">Cue</th><th scope="col">Outlet</th><th scope="col">Article</th></tr></thead>
<tbody>${rows.map(({ doc, c }) => html`<tr><td>${c.source}</td><td><a href="/articles/${doc.article.id}/#${c.id}">${plain(c.exact)}</a></td><td><span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span></td><td>${c.hedged ? 'hedged' : 'not hedged'}</td><td>${c.cue}</td><td>${doc.article.outlet ?? UNKNOWN}</td><td><a href="/articles/${doc.article.id}/">${doc.article.title}</a>${c.clusterId ? html` · <a href="/claims/${c.clusterId}/">compare</a>` : ''}</td></tr>`)}</tbody>
</table>`;
}

/** The claims index's summary: counts, the most frequent sources, the propositions most reported. */
function claimsSummary(site: SiteData): SafeHtml {
  const all = allClaims(site);
  const count = (test: (c: Claim) => boolean): number => all.reduce((n, r) => n + Number(test(r.c)), 0);
  const sources = new Map<string, { source: string; entityId: string | null; claims: number }>();
  for (const { c } of all) {
    const key = c.sourceEntityId ?? `"${c.source}`;
    const row = sources.get(key) ?? sources.set(key, { source: c.source, entityId: c.sourceEntityId, claims: 0 }).get(key)!;
    row.claims++;
  }
  const top = [...sources.values()].sort((a, b) => b.claims - a.claims || byText(a.source, b.source)).slice(0, TOP);
  const clusters = propositions(site);
  return html`<p class="lede">${all.length} attributed claims in ${site.documents.length} articles: ${count((c) => c.polarity === 'affirm')} affirm and ${count((c) => c.polarity === 'deny')} deny their proposition, ${count((c) => c.hedged)} are hedged, ${count((c) => c.quote)} are direct quotations. ${site.clusters.length} propositions are reported by more than one article: compare how each outlet reports them.</p>
<div class="grid">
<section aria-labelledby="top-sources"><h2 id="top-sources">Most frequent sources</h2>
${top.length ? html`<ol class="top-sources">${top.map((s) => {
  const href = s.entityId ? entityHref(site, s.entityId) : null;
  const name = s.entityId ? (site.entityById.get(s.entityId)?.label ?? s.source) : s.source;
  return html`<li>${href ? html`<a href="${href}">${name}</a>` : name} <span class="muted">${s.claims}</span></li>`;
})}</ol>` : html`<p class="muted">No claims found.</p>`}
<p>Search filters claims by source: <a href="/search/">search</a>.</p>
</section>
<section aria-labelledby="clusters"><h2 id="clusters">Propositions across outlets</h2>
${clusters.length ? html`<ul class="cluster-list">${clusters.slice(0, TOP).map((k) => clusterSummary(site, k))}</ul>
<p><a href="/claims/propositions/">All ${clusters.length} propositions</a>, most reported first.</p>` : html`<p class="muted">No proposition is reported by two articles yet.</p>`}
</section>
</div>`;
}

/** One page of the claims index: the summary on the first, then every claim, PAGE_SIZE a page. */
function claimsIndexPage(site: SiteData, n: number, pages: ClaimRow[][]): SafeHtml {
  return html`<h1>Claims</h1>
${n === 1 ? claimsSummary(site) : ''}
<section aria-labelledby="all-claims"><h2 id="all-claims">Every claim</h2>
<p>In article order, ${PAGE_SIZE} a page. ${pageCount(n, pages.length)}${pages.length > 1 ? '. ' : ''}The same list is in <a href="/data/claims.csv">claims.csv</a>.</p>
${claimTable(pages[n - 1]!)}
${pager('/claims/', n, pages.length, 'Pages of claims')}
</section>`;
}

/** One page of the propositions reported by more than one article. */
function propositionsPage(site: SiteData, n: number, pages: Cluster[][]): SafeHtml {
  return html`<h1>Propositions across outlets</h1>
<p>${site.clusters.length} propositions reported by more than one article, most reported first, ${PAGE_SIZE} a page. ${pageCount(n, pages.length)}${pages.length > 1 ? '. ' : ''}Each page sets the reports side by side. <a href="/claims/">All claims</a>.</p>
<ul class="cluster-list">${pages[n - 1]!.map((k) => clusterSummary(site, k))}</ul>
${pager('/claims/propositions/', n, pages.length, 'Pages of propositions')}`;
}

/** Every page of the claims index and of the propositions list. */
export function claimRoutes(site: SiteData): Route[] {
  const claimPages = paginate(allClaims(site));
  const clusterPages = paginate(propositions(site));
  const of = (n: number, count: number): string => (count > 1 ? `, page ${n} of ${count}` : '');
  return [
    ...claimPages.map((_, i) => ({ url: pageUrl('/claims/', i + 1), title: `Claims${of(i + 1, claimPages.length)}`, section: 'claims' as const, render: () => claimsIndexPage(site, i + 1, claimPages) })),
    ...clusterPages.map((_, i) => ({ url: pageUrl('/claims/propositions/', i + 1), title: `Propositions across outlets${of(i + 1, clusterPages.length)}`, section: 'claims' as const, render: () => propositionsPage(site, i + 1, clusterPages) })),
  ];
}

function clusterSummary(site: SiteData, k: Cluster): SafeHtml {
  const claims = k.claimIds.map((id) => site.claimById.get(id)!).filter(Boolean);
  const outlets = new Set(claims.map((c) => site.documentById.get(c.articleId)!.article.outlet ?? UNKNOWN));
  const denies = claims.filter((c) => c.polarity === 'deny').length;
  return html`<li><a href="/claims/${k.id}/">${k.label}</a> <span class="muted">${claims.length} claims, ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}${denies ? `, ${denies} denying` : ''}</span></li>`;
}

/** The reports of one proposition, PAGE_SIZE a page. */
function reportPages(site: SiteData, k: Cluster): Claim[][] {
  return paginate(k.claimIds.map((id) => site.claimById.get(id)!).filter(Boolean));
}

/** One report of a proposition: an outlet, its source and cue, and the claim as written. */
function report(site: SiteData, c: Claim): SafeHtml {
  const doc = site.documentById.get(c.articleId)!;
  return html`<section class="report ${c.polarity}" aria-label="${doc.article.outlet ?? UNKNOWN}: ${c.source}">
<h2>${doc.article.outlet ?? UNKNOWN}</h2>
<p class="report-source"><strong>${c.source}</strong> ${c.cue}</p>
<p><span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span> ${c.hedged ? html`<span class="pill hedged">hedged</span>` : html`<span class="pill">not hedged</span>`} ${c.quote ? html`<span class="pill">direct quote</span>` : ''}</p>
<blockquote>${plain(c.exact)}</blockquote>
<p class="muted">In <a href="/articles/${doc.article.id}/#${c.id}">${doc.article.title}</a>, ${doc.article.published ?? 'date unknown'}. <span class="visually-hidden">${claimBadge(c)}</span></p>
</section>`;
}

/** A cluster page: the same proposition as each outlet reports it, side by side (its first PAGE_SIZE reports). */
export function clusterPage(k: Cluster, site: SiteData): SafeHtml {
  const pages = reportPages(site, k);
  const claims = pages.flat();
  return html`<article data-pagefind-body>
<p class="kicker">Proposition reported by ${new Set(claims.map((c) => c.articleId)).size} articles${k.method === 'curated' ? ' (grouped by an editor)' : ' (grouped by similarity)'}</p>
<h1>${k.label}</h1>
<div hidden data-pagefind-ignore><span data-pagefind-meta="title">Claim: ${k.label}</span>
${[...new Set(claims.map((c) => c.source))].map((source) => html`<span data-pagefind-filter="claim source">${source}</span>`)}</div>
${pages.length > 1 ? html`<p>${claims.length} reports, ${PAGE_SIZE} a page. ${pageCount(1, pages.length)}.</p>` : ''}
<div class="side-by-side">
${pages[0]!.map((c) => report(site, c))}
</div>
${pager(`/claims/${k.id}/`, 1, pages.length, 'Pages of reports')}
</article>`;
}

/** The later pages of a proposition's reports, for the propositions reported more than PAGE_SIZE times. */
export function clusterRoutes(site: SiteData): Route[] {
  return site.clusters.flatMap((k) => {
    const pages = reportPages(site, k);
    return pages.slice(1).map((claims, i) => ({
      url: pageUrl(`/claims/${k.id}/`, i + 2),
      title: `${k.label}, page ${i + 2} of ${pages.length}`,
      section: 'claims' as const,
      render: () => html`<p class="kicker">Proposition</p>
<h1>${k.label}</h1>
<p>${pageCount(i + 2, pages.length)} of the reports of <a href="/claims/${k.id}/">this proposition</a>.</p>
<div class="side-by-side">
${claims.map((c) => report(site, c))}
</div>
${pager(`/claims/${k.id}/`, i + 2, pages.length, 'Pages of reports')}`,
    }));
  });
}
