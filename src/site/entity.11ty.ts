import { getSite } from '../render/eleventy.ts';
import { entityPage } from '../render/entity.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'entities',
  pagination: { data: 'pages.entities', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/entities/${d.id}/`,
  eleventyComputed: {
    title: (d: Data): string => getSite().statsById.get(d.id)?.entity.label ?? '',
    description: (d: Data): string => getSite().statsById.get(d.id)?.entity.description ?? '',
  },
};

export function render(d: Data): string {
  return entityPage(getSite().statsById.get(d.id)!, getSite()).value;
}
