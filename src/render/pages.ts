import { html, type SafeHtml } from './html.ts';
import { networkChart, outletChart, timelineChart, topEntities } from './charts.ts';
import { LOW_CONFIDENCE } from './article.ts';
import { TYPE_NAMES, TYPE_ORDER, UNKNOWN, type Outlet, type SiteData } from './site.ts';
import type { AnnotationDocument } from '../types.ts';

function articleTable(documents: AnnotationDocument[]): SafeHtml {
  return html`<table class="articles sortable">
<thead><tr><th scope="col" data-sort="text">Title</th><th scope="col" data-sort="text">Outlet</th><th scope="col" data-sort="text">Published</th><th scope="col" data-sort="number">Words</th><th scope="col" data-sort="number">Mentions</th><th scope="col" data-sort="number">Claims</th></tr></thead>
<tbody>${documents.map((d) => html`<tr><td><a href="/articles/${d.article.id}/">${d.article.title}</a></td><td>${d.article.outlet ?? UNKNOWN}</td><td>${d.article.published ?? UNKNOWN}</td><td class="num">${d.article.wordCount}</td><td class="num">${d.mentions.length}</td><td class="num">${d.claims.length}</td></tr>`)}</tbody>
</table>`;
}

/** Articles listed on the home page; the articles index and outlet pages list them all. */
export const HOME_ARTICLES = 100;

/** Home: the corpus at a glance. */
export function homePage(site: SiteData): SafeHtml {
  const mentions = site.documents.reduce((s, d) => s + d.mentions.length, 0);
  const claims = site.documents.reduce((s, d) => s + d.claims.length, 0);
  return html`<h1>The corpus at a glance</h1>
<p class="lede">${site.documents.length} articles from ${site.outlets.filter((o) => o.known).length} known outlets, with ${mentions} marked mentions of ${site.entities.length} entities and ${claims} attributed claims, ${site.clusters.length} of them reported by more than one article.</p>
<section aria-labelledby="articles"><h2 id="articles">Articles</h2>${articleTable(site.documents.slice(0, HOME_ARTICLES))}
${site.documents.length > HOME_ARTICLES ? html`<p>The first ${HOME_ARTICLES} of ${site.documents.length}; <a href="/articles/">all articles</a> are listed, by outlet on the <a href="/outlets/">outlets' pages</a>, and in <a href="/data/articles.csv">articles.csv</a>.</p>` : html`<p><a href="/articles/">All articles</a></p>`}</section>
<div class="grid">
<section aria-labelledby="most"><h2 id="most">Most mentioned</h2>${topEntities(site.entities)}<p><a href="/entities/">All entities</a></p></section>
<section aria-labelledby="props"><h2 id="props">Claims across outlets</h2>
${site.clusters.length ? html`<ul>${site.clusters.slice(0, 10).map((k) => html`<li><a href="/claims/${k.id}/">${k.label}</a> <span class="muted">${k.claimIds.length} claims</span></li>`)}</ul>` : html`<p class="muted">No proposition is reported by two articles yet.</p>`}
<p><a href="/claims/">All claims</a></p></section>
</div>
<section aria-labelledby="pictures"><h2 id="pictures">In pictures</h2>
${networkChart(site)}
${outletChart(site)}
${timelineChart(site)}
</section>`;
}

/** The articles index: every article, sortable. */
export function articlesIndex(site: SiteData): SafeHtml {
  return html`<h1>Articles</h1>
<p>${site.documents.length} article${site.documents.length === 1 ? '' : 's'}, by id. Select a column heading to sort. The same list is in <a href="/data/articles.csv">articles.csv</a>.</p>
${articleTable(site.documents)}`;
}

/** The outlets index. */
export function outletsIndex(site: SiteData): SafeHtml {
  return html`<h1>Outlets</h1>
<p>Where the articles come from. An article whose outlet the text does not establish is listed as "${UNKNOWN}".</p>
<ul class="outlets">${site.outlets.map((o) => html`<li><a href="/outlets/${o.id}/">${o.name}</a> <span class="muted">${o.documents.length} article${o.documents.length === 1 ? '' : 's'}</span></li>`)}</ul>
${outletChart(site)}`;
}

/** One outlet: its articles and what they mention. */
export function outletPage(outlet: Outlet, site: SiteData): SafeHtml {
  const counts = new Map<string, number>();
  for (const doc of outlet.documents) for (const m of doc.mentions) if (m.entityId) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const stats = [...counts.entries()].map(([id, c]) => ({ ...site.statsById.get(id)!, mentions: c })).filter((s) => s.entity);
  return html`<h1>${outlet.name}</h1>
${outlet.known ? '' : html`<p>These articles do not say which outlet published them.</p>`}
<section aria-labelledby="o-articles"><h2 id="o-articles">Articles</h2>${articleTable(outlet.documents)}</section>
<section aria-labelledby="o-most"><h2 id="o-most">Most mentioned here</h2>${topEntities(stats)}</section>`;
}

/** How annotations are made, what they mean, and where they fail. */
export function methodologyPage(): SafeHtml {
  return html`<h1>Methodology</h1>
<p class="lede">Every mark in Gloss is made by a program, following written annotation guidelines. This page says how, and how far to trust it.</p>
<h2>From file to page</h2>
<ol>
<li><strong>Ingest</strong> reads each article file (plain text, or Markdown with YAML front matter) as UTF-8, finds the headline, standfirst, byline, picture captions and paragraphs, and sets aside site furniture (READ MORE, share and comment prompts, newsletter prompts, copyright and read-time lines) with the reason. Set-aside lines are shown, collapsed, under each article; they are never annotated or searched. Metadata the text does not give (outlet, date, author) comes only from a sidecar file; where nothing establishes it, the reader says "${UNKNOWN}".</li>
<li><strong>Entity annotation</strong> looks up every name and alias of the knowledge base (longest match first, with case rules so that "us" is not the US), links capitals used for their governments to the country they stand for, and marks demonyms and country modifiers ("North Korean", "US officials") as adjectival. Names the knowledge base lacks are found by rules over capitalised words, organisation and place words, given names, titles and reporting verbs; a later surname links back to the full name. Time expressions are resolved to ISO dates where the publication date allows.</li>
<li><strong>Claim annotation</strong> finds sentences that attribute a proposition to a source: direct quotations with their speaker, reported speech ("said", "according to", "denied", "believe"…), and constructions such as "is in denial". It records the source as written, links it to an entity, and judges polarity (affirm or deny) and whether the proposition is hedged ("may", "could", "likely").</li>
<li><strong>Clustering</strong> groups claims from different articles that state the same proposition, by the similarity of their words and the entities they name, so the claims pages can set outlets side by side.</li>
<li><strong>Curation</strong>: an editor can add, remove or retype a mention, or correct a claim, in a file per article. Curated entries always win, and one whose quoted text no longer matches is reported, never dropped.</li>
</ol>
<h2>Methods and confidence</h2>
<p>Every annotation records its method and a confidence from 0 to 1. Marks below ${LOW_CONFIDENCE} are low confidence: the article page shows them lighter and lets you hide them.</p>
<table><thead><tr><th scope="col">Method</th><th scope="col">Meaning</th><th scope="col">Typical confidence</th></tr></thead><tbody>
<tr><td><code>gazetteer</code></td><td>A name or alias of the knowledge base</td><td>0.8–0.95</td></tr>
<tr><td><code>ner</code></td><td>A name the knowledge base lacks, found by rule</td><td>0.5–0.75</td></tr>
<tr><td><code>rule:surname</code></td><td>A surname linked to a full name earlier in the article</td><td>0.8</td></tr>
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

/** The search page: a form that works as a plain GET; script runs Pagefind and its filters. */
export function searchPage(): SafeHtml {
  return html`<h1>Search</h1>
<form class="search-page" role="search" action="/search/" method="get">
<label for="q">Search articles, entities and claims</label>
<input id="q" type="search" name="q" autocomplete="off">
<button type="submit">Search</button>
</form>
<div id="search-filters" class="filters" hidden></div>
<p id="search-status" role="status" aria-live="polite"><noscript>Search needs JavaScript. Without it, browse the <a href="/">articles</a>, <a href="/entities/">entities</a> and <a href="/claims/">claims</a>.</noscript></p>
<ol id="search-results" class="results"></ol>`;
}
