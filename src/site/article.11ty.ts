import { getSite, type PageHead } from '../render/eleventy.ts';
import { articlePage } from '../render/article.ts';

interface Data {
  id: string;
}

export const data = {
  layout: 'base.11ty.ts',
  section: 'articles',
  pagination: { data: 'pages.articles', size: 1, alias: 'id' },
  permalink: (d: Data): string => `/articles/${d.id}/`,
  // The layout's title and description, asked for when the page is laid out: Eleventy's computed
  // data would cost a data-dependency analysis per page.
  head: (d: Data): PageHead => {
    const article = getSite().documentById.get(d.id)?.article;
    return { title: article?.title ?? '', description: article?.standfirst ?? '' };
  },
};

export function render(d: Data): string {
  return articlePage(getSite().documentById.get(d.id)!, getSite()).value;
}
