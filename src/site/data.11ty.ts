import { getSite } from '../render/eleventy.ts';
import { dataPage } from '../render/data.ts';

export const data = { layout: 'base.11ty.ts', title: 'Data', section: 'data', permalink: '/data/' };

export function render(): string {
  return dataPage(getSite()).value;
}
