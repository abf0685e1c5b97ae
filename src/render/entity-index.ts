import type { Entity } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { pageCount, pageUrl, pager, paginate, sortHeading } from './paging.ts';
import type { Route } from './routes.ts';
import { TYPE_ORDER, byText, entityHref, fold, type EntityStats, type SiteData } from './site.ts';

/** Rows a page of an entity type's list holds: at about 200 bytes a row, well under 100 KB. */
export const ENTITY_ROWS = 200;

/** Entities most mentioned on the index's first page, per type. */
const TOP = 10;

type NamedType = Entity['type'];

/** The orders of an entity type's list: most mentioned first (its first address), or by name. */
export type EntitySort = 'mentions' | 'name';

const PLURAL: Record<NamedType, string> = { person: 'People', organization: 'Organisations', place: 'Places', event: 'Events' };

/** The first page of a type's list in an order: `/entities/type/person/`, `/entities/type/person/by/name/`. */
export function entityListUrl(type: NamedType, sort: EntitySort): string {
  return sort === 'mentions' ? `/entities/type/${type}/` : `/entities/type/${type}/by/name/`;
}

/** The letter a name is filed under: a to z, `0-9`, or `other`. */
export function letterOf(label: string): string {
  const first = fold(label).replace(/^[^\p{L}\p{N}]+/u, '')[0] ?? '';
  return /[a-z]/.test(first) ? first : /[0-9]/.test(first) ? '0-9' : 'other';
}

const byName = (a: EntityStats, b: EntityStats): number => byText(fold(a.entity.label), fold(b.entity.label)) || byText(a.entity.id, b.entity.id);
const byMentions = (a: EntityStats, b: EntityStats): number => b.mentions - a.mentions || byName(a, b);

const listsCache = new WeakMap<SiteData, Map<string, EntityStats[]>>();

/** A type's entities in an order, sorted once per site. */
function entitiesOf(site: SiteData, type: NamedType, sort: EntitySort): EntityStats[] {
  const cache = listsCache.get(site) ?? listsCache.set(site, new Map()).get(site)!;
  const key = `${type}/${sort}`;
  let list = cache.get(key);
  if (!list) cache.set(key, (list = site.entities.filter((s) => s.entity.type === type).sort(sort === 'name' ? byName : byMentions)));
  return list;
}

/** The types the corpus has entities of, in display order. */
function typesOf(site: SiteData): NamedType[] {
  return TYPE_ORDER.filter((t): t is NamedType => t !== 'date' && site.entities.some((s) => s.entity.type === t));
}

/** Links from each letter to where its names start in the list by name. */
function letterLinks(site: SiteData, type: NamedType): SafeHtml {
  const list = entitiesOf(site, type, 'name');
  const starts: Array<[string, string]> = [];
  list.forEach((s, i) => {
    const letter = letterOf(s.entity.label);
    if (starts.at(-1)?.[0] !== letter) starts.push([letter, `${pageUrl(entityListUrl(type, 'name'), Math.floor(i / ENTITY_ROWS) + 1)}#letter-${letter}`]);
  });
  return html`<nav class="letters" aria-label="${PLURAL[type]} by letter"><ul>${starts.map(([letter, href]) => html`<li><a href="${href}">${letter === 'other' ? 'Other' : letter.toUpperCase()}</a></li>`)}</ul></nav>`;
}

/**
 * The name cell of an entity's row: a link to its page, or, for a name found in a single article
 * (which has no page), a link to its first mention there.
 */
function nameCell(site: SiteData, stats: EntityStats): SafeHtml {
  const href = entityHref(site, stats.entity.id);
  if (href) return html`<a href="${href}">${stats.entity.label}</a>`;
  const [articleId, mentions] = [...site.mentionsByEntity.get(stats.entity.id)!][0]!;
  return html`<a href="/articles/${articleId}/#${mentions[0]!.id}">${stats.entity.label}</a> <span class="muted">(one article)</span>`;
}

/** One page of a type's list in one order. */
function entityListPage(site: SiteData, type: NamedType, sort: EntitySort, n: number, pages: EntityStats[][]): SafeHtml {
  const all = entitiesOf(site, type, sort);
  const rows = pages[n - 1]!;
  const offset = (n - 1) * ENTITY_ROWS;
  const firstOfLetter = (i: number): boolean => sort === 'name' && (offset + i === 0 || letterOf(all[offset + i - 1]!.entity.label) !== letterOf(rows[i]!.entity.label));
  return html`<h1>${PLURAL[type]}</h1>
<p>${all.length} ${PLURAL[type].toLowerCase()}, ${sort === 'name' ? 'by name' : 'most mentioned first'}, ${ENTITY_ROWS} a page. ${pageCount(n, pages.length)}${pages.length > 1 ? '. ' : ''}Select the Name or Mentions heading to sort by it. A name found in a single article has no page of its own: it links to that article. <a href="/entities/">All types of entity</a>.</p>
${sort === 'name' ? letterLinks(site, type) : ''}
<table class="entities">
<thead><tr>${sortHeading('Name', { href: entityListUrl(type, 'name'), sorted: sort === 'name' ? 'ascending' : undefined })}${sortHeading('Mentions', { href: entityListUrl(type, 'mentions'), sorted: sort === 'mentions' ? 'descending' : undefined, numeric: true })}<th scope="col" class="num">Articles</th><th scope="col">Description</th></tr></thead>
<tbody>${rows.map((s, i) => html`<tr${firstOfLetter(i) ? html` id="letter-${letterOf(s.entity.label)}"` : ''}><td>${nameCell(site, s)}</td><td class="num">${s.mentions}</td><td class="num">${s.articles}</td><td>${s.entity.description}</td></tr>`)}</tbody>
</table>
${pager(entityListUrl(type, sort), n, pages.length, `Pages of ${PLURAL[type].toLowerCase()}`)}`;
}

/** The entity index: per type, its count, its most mentioned, and the ways into its full list. */
export function entityIndex(site: SiteData): SafeHtml {
  const types = typesOf(site);
  const paged = site.entities.filter((s) => entityHref(site, s.entity.id)).length;
  return html`<h1>Entities</h1>
<p>${site.entities.length} people, organisations, places and events named in ${site.documents.length} articles. ${paged} have a page of their own: those in the knowledge base, and those named in two articles or more. A name found in a single article is listed with the others and links to that article. The full list is also in <a href="/data/entities.csv">entities.csv</a>.</p>
<nav aria-label="Entity types" class="chips-nav"><ul class="chips">${types.map((t) => html`<li><a class="swatch t-${t}" href="#type-${t}">${PLURAL[t]} (${entitiesOf(site, t, 'name').length})</a></li>`)}</ul></nav>
${types.map((t) => {
  const top = entitiesOf(site, t, 'mentions').slice(0, TOP);
  return html`<section aria-labelledby="type-${t}">
<h2 id="type-${t}">${PLURAL[t]} <span class="muted">(${entitiesOf(site, t, 'name').length})</span></h2>
<p><a href="${entityListUrl(t, 'mentions')}">All ${PLURAL[t].toLowerCase()}, most mentioned first</a> · <a href="${entityListUrl(t, 'name')}">by name</a></p>
${letterLinks(site, t)}
<ol class="top-entities">${top.map((s) => html`<li>${nameCell(site, s)} <span class="muted">${s.mentions} in ${s.articles}</span></li>`)}</ol>
</section>`;
})}`;
}

/** The entity index and every page of each type's list in each order. */
export function entityIndexRoutes(site: SiteData): Route[] {
  const routes: Route[] = [{ url: '/entities/', title: 'Entities', section: 'entities', render: () => entityIndex(site) }];
  for (const type of typesOf(site)) {
    for (const sort of ['mentions', 'name'] as const) {
      const pages = paginate(entitiesOf(site, type, sort), ENTITY_ROWS);
      pages.forEach((_, i) => {
        routes.push({
          url: pageUrl(entityListUrl(type, sort), i + 1),
          title: `${PLURAL[type]}${sort === 'name' ? ' by name' : ''}${pages.length > 1 ? `, page ${i + 1} of ${pages.length}` : ''}`,
          section: 'entities',
          render: () => entityListPage(site, type, sort, i + 1, pages),
        });
      });
    }
  }
  return routes;
}
