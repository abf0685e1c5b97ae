import { getSite } from '../render/eleventy.ts';
import { clusterPage } from '../render/claims.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'claims',
  pagination: { data: 'pages.clusters', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/claims/${d.id}/`,
  eleventyComputed: {
    title: (d: Data): string => getSite().clusters.find((k) => k.id === d.id)?.label ?? '',
  },
};

export function render(d: Data): string {
  const site = getSite();
  return clusterPage(site.clusters.find((k) => k.id === d.id)!, site).value;
}
