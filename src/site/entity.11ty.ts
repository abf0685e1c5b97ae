import { getSite, type PageHead } from '../render/eleventy.ts';
import { entityPage } from '../render/entity.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'entities',
  pagination: { data: 'pages.entities', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/entities/${d.id}/`,
  // The layout's title and description, asked for when the page is laid out: Eleventy's computed
  // data would cost a data-dependency analysis per page.
  head: (d: Data): PageHead => {
    const entity = getSite().statsById.get(d.id)?.entity;
    return { title: entity?.label ?? '', description: entity?.description ?? '' };
  },
};

export function render(d: Data): string {
  return entityPage(getSite().statsById.get(d.id)!, getSite()).value;
}
