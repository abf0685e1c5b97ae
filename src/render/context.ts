import { OffsetMap } from '../text/offsets.ts';
import { visibleText } from '../text/visible.ts';
import type { Mention } from '../types.ts';
import { html, type SafeHtml } from './html.ts';
import { UNKNOWN, type SiteData } from './site.ts';

/** Context shown either side of a mention in keyword-in-context lines, in code points. */
const KWIC = 60;

/** One article's mentions on a page of mentions in context. */
export type MentionGroup = [articleId: string, mentions: Mention[]];

const visibleCache = new WeakMap<SiteData, Map<string, { map: OffsetMap; visible: OffsetMap }>>();

/** An article's source and visible text as offset maps, made once per article for all pages. */
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

/**
 * Mentions in context, grouped by article: a heading per article, then one keyword-in-context
 * line per mention linking to its mark on the article page. Each line's id is the mention's id,
 * so that `PAGE#m-…` points at it.
 */
export function mentionsInContext(site: SiteData, groups: readonly MentionGroup[]): SafeHtml {
  return html`${groups.map(([articleId, mentions]) => {
    const doc = site.documentById.get(articleId)!;
    const { map, visible } = visibleOf(site, articleId);
    const context = (from: number, to: number): string => visible.slice(from, to).replace(/\s+/g, ' ');
    return html`<h3><a href="/articles/${articleId}/">${doc.article.title}</a> <span class="muted">(${doc.article.outlet ?? UNKNOWN}, ${mentions.length})</span></h3>
<ul class="kwic">${mentions.map((m) => html`<li id="${m.id}"><a href="/articles/${articleId}/#${m.id}"><span class="left">${context(Math.max(0, m.start - KWIC), m.start)}</span><mark>${m.exact}</mark><span class="right">${context(m.end, Math.min(map.length, m.end + KWIC))}</span></a></li>`)}</ul>`;
  })}`;
}
