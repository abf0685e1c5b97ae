import { articleIndexRoutes } from './article-index.ts';
import { claimRoutes, clusterRoutes } from './claims.ts';
import { entityIndexRoutes } from './entity-index.ts';
import { entityRoutes } from './entity.ts';
import type { SafeHtml } from './html.ts';
import type { PageFrame } from './layout.ts';
import { outletRoutes } from './pages.ts';
import type { SiteData } from './site.ts';
import { timelineRoutes } from './timeline.ts';

/** One page of a list, rendered by `src/site/lists.11ty.ts` at its address. */
export interface Route {
  /** The page's address, `/articles/page/2/`. */
  url: string;
  title: string;
  description?: string;
  /** Which navigation entry is current. */
  section: PageFrame['section'];
  render: () => SafeHtml;
}

/**
 * The list pages, family by family: each list that grows with the corpus is split into pages, so
 * that no page grows with it. The first page of an entity, an outlet or a proposition is its own
 * template's; its later pages are here.
 */
const FAMILIES: Array<(site: SiteData) => Route[]> = [articleIndexRoutes, entityIndexRoutes, entityRoutes, claimRoutes, clusterRoutes, outletRoutes, timelineRoutes];

const made = new WeakMap<SiteData, Map<string, Route>>();

/** Every list page of the site by address, made once per site. */
export function listRoutes(site: SiteData): Map<string, Route> {
  let routes = made.get(site);
  if (!routes) {
    routes = new Map();
    for (const family of FAMILIES) {
      for (const route of family(site)) {
        if (routes.has(route.url)) throw new Error(`two list pages claim the address ${route.url}`);
        routes.set(route.url, route);
      }
    }
    made.set(site, routes);
  }
  return routes;
}
