import { runPipeline } from '../pipeline.ts';
import { ContentError } from '../problems.ts';
import type { PageFrame } from './layout.ts';
import { listRoutes } from './routes.ts';
import { siteData, type SiteData } from './site.ts';

let current: SiteData | null = null;

/** Hands the build's annotated corpus to the templates (the build runs the pipeline once, before Eleventy). */
export function setSite(site: SiteData): void {
  current = site;
}

/** Lets go of the site data once the site is rendered, so that its memory can be reclaimed. */
export function clearSite(): void {
  current = null;
}

/** The site data the templates render (set by the build, or by `loadSite` when Eleventy runs alone). */
export function getSite(): SiteData {
  if (!current) throw new Error('Gloss site data is not loaded: run the build (npm run build), which runs the pipeline before Eleventy');
  return current;
}

/** A page's title and description for the layout (`head` in a paginated template's data). */
export interface PageHead {
  title: string;
  description?: string;
  /** Which navigation entry is current, when the template serves several. */
  section?: PageFrame['section'];
}

/** Runs the pipeline when Eleventy runs without the build (for example `npx @11ty/eleventy`). */
async function loadSite(): Promise<SiteData> {
  if (current) return current;
  const result = await runPipeline({ root: process.cwd() });
  if (!result.corpus) throw new ContentError(result.problems.filter((p) => p.severity === 'error'));
  current = siteData(result.corpus);
  return current;
}

/**
 * The ids each paginated template walks: small arrays, so Eleventy's data cascade stays light.
 * `lists` holds the address of every page of a list (see `listRoutes`).
 */
export function pageIds(site: SiteData): Record<'articles' | 'entities' | 'clusters' | 'outlets' | 'lists', string[]> {
  return {
    articles: site.documents.map((d) => d.article.id),
    entities: site.entities.filter((s) => site.pagedEntityIds.has(s.entity.id)).map((s) => s.entity.id),
    clusters: site.clusters.map((k) => k.id),
    outlets: site.outlets.map((o) => o.id),
    lists: [...listRoutes(site).keys()],
  };
}

/** Minimal shape of the Eleventy config API this plugin uses. */
export interface EleventyConfig {
  addExtension(ext: string | string[], options: { key: string }): void;
  addTemplateFormats(ext: string | string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(path: string | Record<string, string>): void;
  setQuietMode(quiet: boolean): void;
}

/** Registers Gloss with Eleventy: TypeScript templates, the page ids, the assets. */
export default function glossEleventy(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addGlobalData('pages', async () => pageIds(await loadSite()));
  eleventyConfig.addPassthroughCopy({ 'src/site/assets': 'assets' });
}
