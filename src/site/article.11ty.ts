import { getSite } from '../render/eleventy.ts';
import { articlePage } from '../render/article.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'articles',
  pagination: { data: 'pages.articles', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/articles/${d.id}/`,
  eleventyComputed: {
    title: (d: Data): string => getSite().documentById.get(d.id)?.article.title ?? '',
    description: (d: Data): string => getSite().documentById.get(d.id)?.article.standfirst ?? '',
  },
};

export function render(d: Data): string {
  return articlePage(getSite().documentById.get(d.id)!, getSite()).value;
}
