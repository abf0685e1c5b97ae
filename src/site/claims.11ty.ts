import { getSite } from '../render/eleventy.ts';
import { claimsIndex } from '../render/claims.ts';

export const data = { layout: 'base.11ty.ts', title: 'Claims', section: 'claims', permalink: '/claims/' };

export function render(): string {
  return claimsIndex(getSite()).value;
}
