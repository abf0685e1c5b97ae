import { methodologyPage } from '../render/pages.ts';

export const data = { layout: 'base.11ty.ts', title: 'Methodology', section: 'methodology', permalink: '/methodology/' };

export function render(): string {
  return methodologyPage().value;
}
