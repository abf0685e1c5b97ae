import { html, type SafeHtml } from './html.ts';
import { networkChart, outletChart, topEntities } from './charts.ts';
import { LOW_CONFIDENCE } from './article.ts';
import { articleTable, articlesIn } from './article-index.ts';
import { PAGE_SIZE, pageCount, pageUrl, pager, paginate } from './paging.ts';
import type { Route } from './routes.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, outletId, sectionSearch, type Outlet, type SiteData } from './site.ts';
import { timelineChart } from './timeline.ts';
import type { AnnotationDocument } from '../types.ts';
import { bundleUrls, siteShards } from '../index/shards.ts';

/** Articles, entities and propositions the home page lists before linking to the whole list. */
export const HOME_ITEMS = 10;

/** A short list of articles: title, outlet and date. */
function articleList(documents: readonly AnnotationDocument[]): SafeHtml {
  return html`<ol class="article-list">${documents.map((d) => html`<li><a href="/articles/${d.article.id}/">${d.article.title}</a> <span class="muted">${d.article.outlet ?? 'outlet unknown'}${d.article.published ? `, ${d.article.published}` : ''}</span></li>`)}</ol>`;
}

/** The home page's articles: the latest when the articles are dated, else the most annotated. */
function homeArticles(site: SiteData): SafeHtml {
  const dated = site.documents.some((d) => d.article.published !== null);
  const list = articlesIn(site, dated ? 'date' : 'mentions').slice(0, HOME_ITEMS);
  return html`<section aria-labelledby="articles"><h2 id="articles">${dated ? 'Latest articles' : 'Most annotated articles'}</h2>
${articleList(list)}
<p><a href="/articles/">All ${site.documents.length} articles</a>, by date, title, outlet, ${site.documents.some((d) => d.article.section) ? 'section, ' : ''}mentions or claims.</p></section>`;
}

/** Home: the corpus at a glance. Every list is a few items and a link on: the page does not grow with the corpus. */
export function homePage(site: SiteData): SafeHtml {
  const mentions = site.documents.reduce((s, d) => s + d.mentions.length, 0);
  const claims = site.documents.reduce((s, d) => s + d.claims.length, 0);
  const clusters = [...site.clusters].sort((a, b) => b.claimIds.length - a.claimIds.length || (a.id < b.id ? -1 : 1)).slice(0, HOME_ITEMS);
  return html`<h1>The corpus at a glance</h1>
<p class="lede">${site.documents.length} articles from ${site.outlets.filter((o) => o.known).length} known outlets, with ${mentions} marked mentions of ${site.entities.length} entities and ${claims} attributed claims, ${site.clusters.length} of them reported by more than one article.</p>
${sectionList(site)}
<div class="grid">
${homeArticles(site)}
<section aria-labelledby="most"><h2 id="most">Most mentioned</h2>${topEntities(site, site.entities, HOME_ITEMS)}<p><a href="/entities/">All ${site.entities.length} entities</a></p></section>
<section aria-labelledby="props"><h2 id="props">Claims across outlets</h2>
${clusters.length ? html`<ul>${clusters.map((k) => html`<li><a href="/claims/${k.id}/">${k.label}</a> <span class="muted">${k.claimIds.length} claims</span></li>`)}</ul>` : html`<p class="muted">No proposition is reported by two articles yet.</p>`}
<p><a href="/claims/">All claims</a></p></section>
</div>
<section aria-labelledby="when"><h2 id="when">When</h2>
${timelineChart(site)}
<p><a href="/timeline/">The timeline</a>: the same counts as a table, and every dated mention in context.</p>
</section>
<section aria-labelledby="pictures"><h2 id="pictures">In pictures</h2>
${networkChart(site)}
${outletChart(site)}
</section>`;
}

/**
 * The sections of the corpus (the top-level folders of seeds/) with their article counts, each
 * linking to the search filtered by it; nothing when every article lies directly in seeds/.
 */
export function sectionList(site: SiteData): SafeHtml | null {
  const counts = new Map<string, number>();
  for (const { article } of site.documents) if (article.section !== null) counts.set(article.section, (counts.get(article.section) ?? 0) + 1);
  if (!counts.size) return null;
  const sections = [...counts].sort(([a], [b]) => a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0));
  return html`<section aria-labelledby="sections"><h2 id="sections">Sections</h2>
<ul class="sections">${sections.map(([name, n]) => html`<li><a href="${sectionSearch(name)}">${name}</a> <span class="muted">${n} article${n === 1 ? '' : 's'}</span></li>`)}</ul>
<p class="muted">A section is a folder of the articles; each link searches its articles.</p></section>`;
}

/** The outlets index. */
export function outletsIndex(site: SiteData): SafeHtml {
  return html`<h1>Outlets</h1>
<p>Where the articles come from. An article whose outlet the text does not establish is listed as "${UNKNOWN}".</p>
<ul class="outlets">${site.outlets.map((o) => html`<li><a href="/outlets/${o.id}/">${o.name}</a> <span class="muted">${o.documents.length} article${o.documents.length === 1 ? '' : 's'}</span></li>`)}</ul>
${outletChart(site)}`;
}

const outletPagesCache = new WeakMap<SiteData, Map<string, AnnotationDocument[][]>>();

/** An outlet's articles, newest first, PAGE_SIZE a page. */
function outletPages(site: SiteData, outlet: Outlet): AnnotationDocument[][] {
  const cache = outletPagesCache.get(site) ?? outletPagesCache.set(site, new Map()).get(site)!;
  let pages = cache.get(outlet.id);
  if (!pages) cache.set(outlet.id, (pages = paginate(articlesIn(site, 'date').filter((d) => outletId(d.article.outlet) === outlet.id))));
  return pages;
}

/** One page of an outlet's articles. */
function outletArticles(site: SiteData, outlet: Outlet, n: number): SafeHtml {
  const pages = outletPages(site, outlet);
  return html`<section aria-labelledby="o-articles"><h2 id="o-articles">Articles</h2>
<p>${outlet.documents.length} article${outlet.documents.length === 1 ? '' : 's'}, newest first${pages.length > 1 ? html`, ${PAGE_SIZE} a page. ${pageCount(n, pages.length)}` : ''}.</p>
${articleTable(pages[n - 1]!)}
${pager(`/outlets/${outlet.id}/`, n, pages.length, `Pages of articles from ${outlet.name}`)}
</section>`;
}

/** One outlet: what its articles mention, and its first page of articles. */
export function outletPage(outlet: Outlet, site: SiteData): SafeHtml {
  const counts = new Map<string, number>();
  for (const doc of outlet.documents) for (const m of doc.mentions) if (m.entityId) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const stats = [...counts.entries()].map(([id, c]) => ({ ...site.statsById.get(id)!, mentions: c })).filter((s) => s.entity);
  return html`<h1>${outlet.name}</h1>
${outlet.known ? '' : html`<p>These articles do not say which outlet published them.</p>`}
<section aria-labelledby="o-most"><h2 id="o-most">Most mentioned here</h2>${topEntities(site, stats)}</section>
${outletArticles(site, outlet, 1)}`;
}

/** The later pages of each outlet's articles. */
export function outletRoutes(site: SiteData): Route[] {
  return site.outlets.flatMap((outlet) =>
    outletPages(site, outlet)
      .slice(1)
      .map((_, i, rest) => ({
        url: pageUrl(`/outlets/${outlet.id}/`, i + 2),
        title: `${outlet.name}: articles, page ${i + 2} of ${rest.length + 1}`,
        section: 'outlets' as const,
        render: () => html`<h1>${outlet.name}</h1>
<p><a href="/outlets/${outlet.id}/">What its articles mention</a></p>
${outletArticles(site, outlet, i + 2)}`,
      })),
  );
}

/** How annotations are made, what they mean, and where they fail. */
export function methodologyPage(): SafeHtml {
  return html`<h1>Methodology</h1>
<p class="lede">Every mark in Gloss is made by a program, following written annotation guidelines. This page says how, and how far to trust it.</p>
<h2>From file to page</h2>
<ol>
<li><strong>Ingest</strong> reads each article file (plain text, or Markdown with YAML front matter) as UTF-8, or as the encoding its sidecar declares; takes its address from its file's path and its section from the folder it is in; keeps files with identical texts and marks the later copy <code>duplicate_of</code> the first; finds the headline, standfirst, byline, picture captions and paragraphs, and sets aside site furniture (READ MORE, share and comment prompts, newsletter prompts, copyright and read-time lines) with the reason. Set-aside lines are shown, collapsed, under each article; they are never annotated or searched. Metadata the text does not give (outlet, date, author) comes only from a sidecar file; where nothing establishes it, the reader says "${UNKNOWN}".</li>
<li><strong>Entity annotation</strong> has two parts. A recogniser trained on gold-annotated news (CoNLL-2003 and the English Worldwide Newswire set; a structured perceptron over the words, their shapes and neighbours, the knowledge base's names and how the article writes the same word elsewhere) finds the names of people, organisations, places and events and their types. The knowledge base (hand-written entries plus about 100,000 derived from Wikidata) links them: candidates come from names and aliases, and the choice weighs the recogniser's type, how well known each candidate is, and the article's other names (a "Paris" near "France" is the capital); when unsure, a name stays unlinked and the candidates are shown. The hand-written entries are also looked up wherever they occur (longest match first, with case rules so that "us" is not the US); capitals used for their governments link to the country they stand for, and demonyms and country modifiers ("North Korean", "US officials") are adjectival. A later surname or short form links back to the full name given in the same article, never to someone of that name elsewhere. Time expressions are resolved to ISO dates where the publication date allows.</li>
<li><strong>Claim annotation</strong> finds sentences that attribute a proposition to a source: direct quotations with their speaker, reported speech ("said", "according to", "denied", "believe"…), and constructions such as "is in denial". It records the source as written, links it to an entity, and judges polarity (affirm or deny) and whether the proposition is hedged ("may", "could", "likely").</li>
<li><strong>Clustering</strong> groups claims from different articles that state the same proposition, by the similarity of their words and the entities they name, so the claims pages can set outlets side by side.</li>
<li><strong>Curation</strong>: an editor can add, remove or retype a mention, or correct a claim, in a file per article. Curated entries always win, and one whose quoted text no longer matches is reported, never dropped.</li>
</ol>
<h2>Methods and confidence</h2>
<p>Every annotation records its method and a confidence from 0 to 1. Marks below ${LOW_CONFIDENCE} are low confidence: the article page shows them lighter and lets you hide them.</p>
<table><thead><tr><th scope="col">Method</th><th scope="col">Meaning</th><th scope="col">Typical confidence</th></tr></thead><tbody>
<tr><td><code>gazetteer</code></td><td>A name or alias of the knowledge base</td><td>0.8–0.95</td></tr>
<tr><td><code>ner</code></td><td>A name the recogniser found and did not link (the knowledge base lacks it, or linking was unsure)</td><td>0.75</td></tr>
<tr><td><code>ner:linked</code></td><td>A name the recogniser found, linked to the knowledge base in context</td><td>0.5–0.95</td></tr>
<tr><td><code>rule:surname</code>, <code>rule:short-name</code></td><td>A surname or short form linked to a full name given in the same article</td><td>0.7–0.8</td></tr>
<tr><td><code>rule:date</code></td><td>A time expression</td><td>0.9</td></tr>
<tr><td><code>rule:quotation</code>, <code>rule:reporting-verb</code>, <code>rule:according-to</code></td><td>A claim found by its quotation marks or reporting cue</td><td>0.7–0.9</td></tr>
<tr><td><code>curated</code></td><td>Set by an editor</td><td>1</td></tr>
</tbody></table>
<h2>Types and their marks</h2>
<p>Each type has a colour and an underline style, so colour is never the only signal.</p>
<ul class="legend-list">${TYPE_ORDER.map((t) => html`<li><span class="swatch t-${t}">${TYPE_NAMES[t]}</span></li>`)}<li><span class="swatch claim affirm">Claim</span> (tinted; red when the source denies)</li></ul>
<h2>Offsets</h2>
<p>Every annotation is stand-off: it points into the article's source text by start and end, counted in Unicode code points (as Python's <code>text[start:end]</code> counts), and carries the quoted text with 32 characters of context either side, as W3C Web Annotation's TextPositionSelector and TextQuoteSelector do.</p>
<h2>Known limits</h2>
<ul>
<li>Names the knowledge base lacks are found by rules, not a trained model: unusual names, lower-case names and names at the start of a sentence are missed more often, and a new name gets no Wikidata link.</li>
<li>Generic phrases ("the war", "the regime") and pronouns are not marked; a pronoun or a description ("he", "the Tory leader") as a claim's source is replaced by the person or body it stands for, which the rules can get wrong.</li>
<li>A quotation with no reporting verb is given to the speaker last named; passives without an agent ("is believed"), cues with only an object ("announced a plan") and requests ("called on") are not extracted.</li>
<li>Clustering compares words and entities, not meaning: paraphrases with few shared words may stay apart.</li>
<li>Relative dates ("Tuesday", "last month") resolve only when the article's publication date is known.</li>
</ul>
<p>Accuracy is measured against hand-made gold annotations with <code>npm run eval</code>; the figures are in the project's README.</p>`;
}

/**
 * The search page: a form that, without script, leads to the entity index (search needs Pagefind's
 * script); with script, Pagefind searches the articles, the entities a query names lead the
 * results, and the box suggests entity names (src/site/assets/search.js, suggest.js). The search
 * bundles are listed in data-pagefind-bundles, the first the main index, the others merged into it
 * (Pagefind's mergeIndex; src/index/shards.ts).
 */
export function searchPage(site: SiteData): SafeHtml {
  return html`<h1>Search</h1>
<form class="search-page" role="search" action="/entities/" data-search-action="/search/" method="get" data-pagefind-bundles="${bundleUrls(siteShards(site)).join(' ')}">
<label for="q">Search articles, entities and claims</label>
<input id="q" type="search" name="q" autocomplete="off" data-suggest>
<button type="submit">Search</button>
</form>
<div id="search-filters" class="filters" hidden></div>
<div id="search-entities" class="entity-leads"></div>
<p id="search-status" role="status" aria-live="polite"><noscript>Search needs JavaScript. Without it, find a name in the <a href="/entities/">entity index</a>, or browse the <a href="/articles/">articles</a>, <a href="/claims/">claims</a> and the <a href="/timeline/">timeline</a>.</noscript></p>
<ol id="search-results" class="results"></ol>`;
}
