import { layout, type PageFrame } from '../../render/layout.ts';
import { trusted } from '../../render/html.ts';

interface LayoutData {
  title: string;
  description?: string;
  section?: PageFrame['section'];
  scripts?: string[];
  content: string;
}

/** The one layout: every page's shell. */
export function render(data: LayoutData): string {
  return layout({ title: data.title, description: data.description, section: data.section, scripts: data.scripts, content: trusted(data.content) }).value;
}
