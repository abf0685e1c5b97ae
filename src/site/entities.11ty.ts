import { getSite } from '../render/eleventy.ts';
import { entityIndex } from '../render/entity.ts';

export const data = { layout: 'base.11ty.ts', title: 'Entities', section: 'entities', permalink: '/entities/' };

export function render(): string {
  return entityIndex(getSite()).value;
}
