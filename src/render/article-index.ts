import type { AnnotationDocument } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { PAGE_SIZE, pageCount, pageUrl, pager, paginate, sortHeading } from './paging.ts';
import type { Route } from './routes.ts';
import { UNKNOWN, byText, fold, type SiteData } from './site.ts';

/** The orders the articles index comes in, each a set of pages; the first is `/articles/`. */
export type ArticleSort = 'date' | 'title' | 'outlet' | 'section' | 'mentions' | 'claims';

type Compare = (a: AnnotationDocument, b: AnnotationDocument) => number;

const byTitle: Compare = (a, b) => byText(fold(a.article.title), fold(b.article.title)) || byText(a.article.id, b.article.id);
/** Newest first; articles without a date last. */
const byDate: Compare = (a, b) => byText(b.article.published ?? '', a.article.published ?? '') || byTitle(a, b);
/** A–Z, with the articles that lack the value last. */
const alphabetical = (value: (d: AnnotationDocument) => string | null, then: Compare): Compare => (a, b) => {
  const x = value(a);
  const y = value(b);
  return Number(x === null) - Number(y === null) || byText(fold(x ?? ''), fold(y ?? '')) || then(a, b);
};

/** Each order: its column heading, its direction, and the comparison. */
const SORTS: Record<ArticleSort, { label: string; direction: 'ascending' | 'descending'; compare: Compare }> = {
  date: { label: 'Published', direction: 'descending', compare: byDate },
  title: { label: 'Title', direction: 'ascending', compare: byTitle },
  outlet: { label: 'Outlet', direction: 'ascending', compare: alphabetical((d) => d.article.outlet, byDate) },
  section: { label: 'Section', direction: 'ascending', compare: alphabetical((d) => d.article.section, byDate) },
  mentions: { label: 'Mentions', direction: 'descending', compare: (a, b) => b.mentions.length - a.mentions.length || byTitle(a, b) },
  claims: { label: 'Claims', direction: 'descending', compare: (a, b) => b.claims.length - a.claims.length || byTitle(a, b) },
};

/** The first page of the articles index in an order: `/articles/` by date, `/articles/by/title/`… */
export function articlesUrl(sort: ArticleSort): string {
  return sort === 'date' ? '/articles/' : `/articles/by/${sort}/`;
}

/** The orders this corpus offers: by section only when some article has one. */
function sortsOf(site: SiteData): ArticleSort[] {
  const withSection = site.documents.some((d) => d.article.section !== null);
  return (Object.keys(SORTS) as ArticleSort[]).filter((s) => s !== 'section' || withSection);
}

const sorted = new WeakMap<SiteData, Map<ArticleSort, AnnotationDocument[]>>();

/** The corpus's articles in an order, sorted once per site. */
export function articlesIn(site: SiteData, sort: ArticleSort): AnnotationDocument[] {
  const cache = sorted.get(site) ?? sorted.set(site, new Map()).get(site)!;
  let list = cache.get(sort);
  if (!list) cache.set(sort, (list = [...site.documents].sort(SORTS[sort].compare)));
  return list;
}

/**
 * A table of articles. With `sort`, its headings link to the index in each order (the columns it
 * can be sorted by) and the current order is marked.
 */
export function articleTable(documents: readonly AnnotationDocument[], options: { sort?: ArticleSort; sorts?: ArticleSort[]; sections?: boolean } = {}): SafeHtml {
  const { sort, sorts = [] } = options;
  const heading = (key: ArticleSort, numeric = false): SafeHtml =>
    sortHeading(SORTS[key].label, { href: sorts.includes(key) ? articlesUrl(key) : undefined, sorted: key === sort ? SORTS[key].direction : undefined, numeric });
  return html`<table class="articles">
<thead><tr>${heading('title')}${heading('outlet')}${options.sections ? heading('section') : ''}${heading('date')}<th scope="col" class="num">Words</th>${heading('mentions', true)}${heading('claims', true)}</tr></thead>
<tbody>${documents.map((d) => html`<tr><td><a href="/articles/${d.article.id}/">${d.article.title}</a></td><td>${d.article.outlet ?? UNKNOWN}</td>${options.sections ? html`<td>${d.article.section ?? ''}</td>` : ''}<td>${d.article.published ?? UNKNOWN}</td><td class="num">${d.article.wordCount}</td><td class="num">${d.mentions.length}</td><td class="num">${d.claims.length}</td></tr>`)}</tbody>
</table>`;
}

/** Links to the other orders of the index, for those who read the page rather than its table. */
function sortLinks(sorts: ArticleSort[], current: ArticleSort): SafeHtml {
  return html`<p class="sort-links">Sort by: ${sorts.map((s, i) => html`${i ? ' · ' : ''}${s === current ? html`<strong>${SORTS[s].label.toLowerCase()}</strong>` : html`<a href="${articlesUrl(s)}">${SORTS[s].label.toLowerCase()}</a>`}`)}</p>`;
}

/** One page of the articles index in one order. */
function articlesIndexPage(site: SiteData, sort: ArticleSort, n: number, pages: AnnotationDocument[][]): SafeHtml {
  const sorts = sortsOf(site);
  const total = site.documents.length;
  return html`<h1>Articles</h1>
<p>${total} article${total === 1 ? '' : 's'}, ${sort === 'date' ? 'newest first' : html`sorted by ${SORTS[sort].label.toLowerCase()}`}, ${PAGE_SIZE} a page. ${pageCount(n, pages.length)}${pages.length > 1 ? '. ' : ''}Select a column heading to sort by it. The same list is in <a href="/data/articles.csv">articles.csv</a>; each outlet's articles are on the <a href="/outlets/">outlets' pages</a>.</p>
${sortLinks(sorts, sort)}
${articleTable(pages[n - 1]!, { sort, sorts, sections: sorts.includes('section') })}
${pager(articlesUrl(sort), n, pages.length, 'Pages of articles')}`;
}

/** Every page of the articles index, in every order. */
export function articleIndexRoutes(site: SiteData): Route[] {
  return sortsOf(site).flatMap((sort) => {
    const pages = paginate(articlesIn(site, sort));
    return pages.map((_, i) => ({
      url: pageUrl(articlesUrl(sort), i + 1),
      title: `Articles${sort === 'date' ? '' : ` by ${SORTS[sort].label.toLowerCase()}`}${pages.length > 1 ? `, page ${i + 1} of ${pages.length}` : ''}`,
      section: 'articles' as const,
      render: () => articlesIndexPage(site, sort, i + 1, pages),
    }));
  });
}
