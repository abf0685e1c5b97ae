import { getSite } from '../render/eleventy.ts';
import { articlesIndex } from '../render/pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Articles', section: 'articles', permalink: '/articles/' };

export function render(): string {
  return articlesIndex(getSite()).value;
}
