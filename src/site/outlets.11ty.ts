import { getSite } from '../render/eleventy.ts';
import { outletsIndex } from '../render/pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Outlets', section: 'outlets', permalink: '/outlets/' };

export function render(): string {
  return outletsIndex(getSite()).value;
}
