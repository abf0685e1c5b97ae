import { getSite, type PageHead } from '../render/eleventy.ts';
import { listRoutes } from '../render/routes.ts';

interface Data {
  url: string;
}

/** Every page of every list: the articles, entities and claims indexes, the timeline, later pages of an entity or an outlet. */
export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'pages.lists', size: 1, alias: 'url' },
  permalink: (d: Data): string => d.url,
  head: (d: Data): PageHead => {
    const route = listRoutes(getSite()).get(d.url);
    return { title: route?.title ?? '', description: route?.description, section: route?.section };
  },
};

export function render(d: Data): string {
  return listRoutes(getSite()).get(d.url)!.render().value;
}
