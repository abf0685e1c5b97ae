import { getSite, type PageHead } from '../render/eleventy.ts';
import { clusterPage } from '../render/claims.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'claims',
  pagination: { data: 'pages.clusters', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/claims/${d.id}/`,
  // The layout's title and description, asked for when the page is laid out: Eleventy's computed
  // data would cost a data-dependency analysis per page.
  head: (d: Data): PageHead => ({ title: getSite().clusterById.get(d.id)?.label ?? '' }),
};

export function render(d: Data): string {
  const site = getSite();
  return clusterPage(site.clusterById.get(d.id)!, site).value;
}
