import { getSite, type PageHead } from '../render/eleventy.ts';
import { outletPage } from '../render/pages.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'outlets',
  pagination: { data: 'pages.outlets', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/outlets/${d.id}/`,
  // The layout's title and description, asked for when the page is laid out: Eleventy's computed
  // data would cost a data-dependency analysis per page.
  head: (d: Data): PageHead => ({ title: getSite().outlets.find((o) => o.id === d.id)?.name ?? '' }),
};

export function render(d: Data): string {
  const site = getSite();
  return outletPage(site.outlets.find((o) => o.id === d.id)!, site).value;
}
