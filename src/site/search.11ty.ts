import { getSite } from '../render/eleventy.ts';
import { searchPage } from '../render/pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Search', section: 'search', permalink: '/search/', scripts: ['/assets/search.js'] };

export function render(): string {
  return searchPage(getSite()).value;
}
