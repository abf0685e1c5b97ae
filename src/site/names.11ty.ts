import { getSite } from '../render/eleventy.ts';
import { NAME_BUCKETS, nameFileContent, nameFiles } from '../render/names.ts';

interface Data {
  bucket: string;
}

/**
 * The entity names of the search box, one JSON file per two-letter key that has names (see
 * src/render/names.ts), and `index.json`, the list of those keys. Keys without names are left out
 * before paginating (a permalink false on some pages made Eleventy 3.1 write none of them).
 */
export const data = {
  buckets: ['index', ...NAME_BUCKETS],
  pagination: { data: 'buckets', size: 1, alias: 'bucket', before: (keys: string[]): string[] => keys.filter((k) => k === 'index' || nameFiles(getSite()).has(k)) },
  permalink: (d: Data): string => `/search/names/${d.bucket}.json`,
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  return `${JSON.stringify(nameFileContent(getSite(), d.bucket))}\n`;
}
