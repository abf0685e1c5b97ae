import { html, type SafeHtml } from './html.ts';

/**
 * Items a page of a list shows: articles, claims, propositions, mentions in context. Lists that
 * grow with the corpus are split into pages of this many, so no page grows with the corpus.
 */
export const PAGE_SIZE = 100;

/**
 * The address of page `n` of a list whose first page is at `base`: the first page keeps the
 * list's own address (`/articles/`), later ones add `page/N/` (`/articles/page/2/`).
 */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Splits items into pages of `size`; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/**
 * Splits groups (an article's mentions) into pages of about `size` items without splitting a
 * group: a page takes whole groups until it holds `size` items or more.
 */
export function paginateGroups<T>(groups: readonly T[], sizeOf: (group: T) => number, size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let items = 0;
  for (const group of groups) {
    page.push(group);
    items += sizeOf(group);
    if (items >= size) {
      pages.push(page);
      page = [];
      items = 0;
    }
  }
  if (page.length || !pages.length) pages.push(page);
  return pages;
}

/** "Page 2 of 23", or nothing for a list of one page. */
export function pageCount(n: number, count: number): string {
  return count > 1 ? `Page ${n} of ${count}` : '';
}

/**
 * Links between the pages of a list: first, previous, next, last, and the page count. Nothing
 * for a list of one page. `label` names the list for assistive technology ("Pages of articles").
 */
export function pager(base: string, n: number, count: number, label: string): SafeHtml {
  if (count <= 1) return html``;
  const link = (to: number, text: string, rel?: string): SafeHtml =>
    to === n || to < 1 || to > count ? html`<span class="muted" aria-disabled="true">${text}</span>` : html`<a href="${pageUrl(base, to)}"${rel ? html` rel="${rel}"` : ''}>${text}</a>`;
  return html`<nav class="pager" aria-label="${label}">
<ul><li>${link(1, '« First')}</li><li>${link(n - 1, '‹ Previous', 'prev')}</li><li class="count">${pageCount(n, count)}</li><li>${link(n + 1, 'Next ›', 'next')}</li><li>${link(count, 'Last »')}</li></ul>
</nav>`;
}

/**
 * A column heading that sorts the list by its column without script: a link to the list in that
 * order, or, for the order shown, the heading marked with `aria-sort`.
 */
export function sortHeading(label: string, options: { href?: string; sorted?: 'ascending' | 'descending'; numeric?: boolean } = {}): SafeHtml {
  const cls = options.numeric ? html` class="num"` : '';
  if (options.sorted) return html`<th scope="col"${cls} aria-sort="${options.sorted}">${label} <span class="sorted" aria-hidden="true">${options.sorted === 'ascending' ? '▲' : '▼'}</span></th>`;
  return html`<th scope="col"${cls}>${options.href ? html`<a href="${options.href}">${label}</a>` : label}</th>`;
}
