import { layout, type PageFrame } from '../../render/layout.ts';
import type { PageHead } from '../../render/eleventy.ts';
import { trusted } from '../../render/html.ts';

interface LayoutData {
  title?: string;
  description?: string;
  /** A paginated page's title and description, from its own data (the page's `id`). */
  head?: (data: LayoutData) => PageHead;
  section?: PageFrame['section'];
  scripts?: string[];
  content: string;
}

/** The one layout: every page's shell. */
export function render(data: LayoutData): string {
  const head = data.head?.(data) ?? { title: data.title ?? '', description: data.description };
  return layout({ title: head.title, description: head.description, section: head.section ?? data.section, scripts: data.scripts, content: trusted(data.content) }).value;
}
