import { getSite } from '../render/eleventy.ts';
import { outletPage } from '../render/pages.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'outlets',
  pagination: { data: 'pages.outlets', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/outlets/${d.id}/`,
  eleventyComputed: {
    title: (d: Data): string => getSite().outlets.find((o) => o.id === d.id)?.name ?? '',
  },
};

export function render(d: Data): string {
  const site = getSite();
  return outletPage(site.outlets.find((o) => o.id === d.id)!, site).value;
}
