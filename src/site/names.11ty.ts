import { getSite } from '../render/eleventy.ts';
import { NAME_BUCKETS, nameFiles, type NameFile } from '../render/names.ts';

interface Data {
  bucket: string;
}

/** The entity names of the search box, one JSON file per initial (see src/render/names.ts). */
export const data = {
  buckets: NAME_BUCKETS,
  pagination: { data: 'buckets', size: 1, alias: 'bucket' },
  permalink: (d: Data): string => `/search/names/${d.bucket}.json`,
  eleventyExcludeFromCollections: true,
};

/** Made once per build for all the files; weakly held, so the site data can be let go after rendering. */
const made = new WeakMap<object, Map<string, NameFile>>();

export function render(d: Data): string {
  const site = getSite();
  const files = made.get(site) ?? made.set(site, nameFiles(site)).get(site)!;
  return `${JSON.stringify(files.get(d.bucket))}\n`;
}
