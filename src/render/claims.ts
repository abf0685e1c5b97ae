import type { Cluster } from '../types.ts';
import { claimBadge } from './article.ts';
import { html, type SafeHtml } from './html.ts';
import { UNKNOWN, type SiteData } from './site.ts';
import { withoutLinks } from '../text/links.ts';

function plain(text: string): string {
  return withoutLinks(text).replace(/\s+/g, ' ');
}

/** Rows of the claims index table. */
export const CLAIMS_SHOWN = 1000;

/** The claims index: every claim in one table, filterable (by script) by source, polarity, hedge and outlet. */
export function claimsIndex(site: SiteData): SafeHtml {
  const all = site.documents.flatMap((doc) => doc.claims.map((c) => ({ doc, c })));
  // A page of tens of thousands of rows helps no one: the table holds the first CLAIMS_SHOWN, and
  // the dataset and search hold them all.
  const rows = all.slice(0, CLAIMS_SHOWN);
  const sources = [...new Set(rows.map((r) => r.c.source))].sort((a, b) => a.localeCompare(b, 'en'));
  const outlets = [...new Set(rows.map((r) => r.doc.article.outlet ?? UNKNOWN))].sort((a, b) => a.localeCompare(b, 'en'));
  return html`<h1>Claims</h1>
<p>${all.length} attributed claims in ${site.documents.length} articles. ${site.clusters.length} propositions are reported by more than one article: compare how each outlet reports them.</p>
${site.clusters.length ? html`<section aria-labelledby="clusters"><h2 id="clusters">Propositions across outlets</h2>
<ul class="cluster-list">${site.clusters.map((k) => clusterSummary(site, k))}</ul></section>` : ''}
<section aria-labelledby="all-claims"><h2 id="all-claims">${rows.length < all.length ? `The first ${rows.length} claims` : 'All claims'}</h2>
${rows.length < all.length ? html`<p>Every claim is in <a href="/data/claims.csv">claims.csv</a>, on its article's page, and in <a href="/search/">search</a> (filter by claim source).</p>` : ''}
<form class="filters" data-js-only hidden data-filter-table="claims-table" aria-label="Filter claims">
<label>Source <select data-column="0"><option value="">any</option>${sources.map((s) => html`<option>${s}</option>`)}</select></label>
<label>Polarity <select data-column="2"><option value="">any</option><option>affirms</option><option>denies</option></select></label>
<label>Hedged <select data-column="3"><option value="">any</option><option>hedged</option><option>not hedged</option></select></label>
<label>Outlet <select data-column="5"><option value="">any</option>${outlets.map((o) => html`<option>${o}</option>`)}</select></label>
<output class="filter-count" aria-live="polite"></output>
</form>
<table id="claims-table" class="claims-table">
<thead><tr><th scope="col">Source</th><th scope="col">Claim</th><th scope="col">Polarity</th><th scope="col">Hedge</th><th scope="col">Cue</th><th scope="col">Outlet</th><th scope="col">Article</th></tr></thead>
<tbody>${rows.map(({ doc, c }) => html`<tr><td>${c.source}</td><td><a href="/articles/${doc.article.id}/#${c.id}">${plain(c.exact)}</a></td><td><span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span></td><td>${c.hedged ? 'hedged' : 'not hedged'}</td><td>${c.cue}</td><td>${doc.article.outlet ?? UNKNOWN}</td><td><a href="/articles/${doc.article.id}/">${doc.article.title}</a>${c.clusterId ? html` · <a href="/claims/${c.clusterId}/">compare</a>` : ''}</td></tr>`)}</tbody>
</table>
</section>`;
}

function clusterSummary(site: SiteData, k: Cluster): SafeHtml {
  const claims = k.claimIds.map((id) => site.claimById.get(id)!).filter(Boolean);
  const outlets = new Set(claims.map((c) => site.documentById.get(c.articleId)!.article.outlet ?? UNKNOWN));
  const denies = claims.filter((c) => c.polarity === 'deny').length;
  return html`<li><a href="/claims/${k.id}/">${k.label}</a> <span class="muted">${claims.length} claims, ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}${denies ? `, ${denies} denying` : ''}</span></li>`;
}

/** A cluster page: the same proposition as each outlet reports it, side by side. */
export function clusterPage(k: Cluster, site: SiteData): SafeHtml {
  const claims = k.claimIds.map((id) => site.claimById.get(id)!).filter(Boolean);
  return html`<article data-pagefind-body>
<p class="kicker">Proposition reported by ${new Set(claims.map((c) => c.articleId)).size} articles${k.method === 'curated' ? ' (grouped by an editor)' : ' (grouped by similarity)'}</p>
<h1>${k.label}</h1>
<div hidden data-pagefind-ignore><span data-pagefind-meta="title">Claim: ${k.label}</span>
${claims.map((c) => html`<span data-pagefind-filter="claim source">${c.source}</span>`)}</div>
<div class="side-by-side">
${claims.map((c) => {
  const doc = site.documentById.get(c.articleId)!;
  return html`<section class="report ${c.polarity}" aria-label="${doc.article.outlet ?? UNKNOWN}: ${c.source}">
<h2>${doc.article.outlet ?? UNKNOWN}</h2>
<p class="report-source"><strong>${c.source}</strong> ${c.cue}</p>
<p><span class="pill ${c.polarity}">${c.polarity === 'deny' ? 'denies' : 'affirms'}</span> ${c.hedged ? html`<span class="pill hedged">hedged</span>` : html`<span class="pill">not hedged</span>`} ${c.quote ? html`<span class="pill">direct quote</span>` : ''}</p>
<blockquote>${plain(c.exact)}</blockquote>
<p class="muted">In <a href="/articles/${doc.article.id}/#${c.id}">${doc.article.title}</a>, ${doc.article.published ?? 'date unknown'}. <span class="visually-hidden">${claimBadge(c)}</span></p>
</section>`;
})}
</div>
</article>`;
}
