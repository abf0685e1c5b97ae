import { getSite } from '../render/eleventy.ts';
import { homePage } from '../render/pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Home', section: 'home', permalink: '/' };

export function render(): string {
  return homePage(getSite()).value;
}
