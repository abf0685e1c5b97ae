import { createHash } from 'node:crypto';

/**
 * A readable URL slug of a text: lower-case ASCII words joined by hyphens, at most `max`
 * characters (cut at a hyphen where one is near).
 */
export function slugify(text: string, max = 60): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 3 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The longest id made from a path: room for `.jsonld` and the like in a file name, and readable in a URL. */
export const MAX_PATH_ID = 100;

/**
 * The id of an article file from its path under `seeds/`, as Eleventy and Hugo derive a page's
 * address from its file: the extension dropped, each folder and the name slugified, joined by
 * hyphens (`business/001.txt` → `business-001`). A path with no letter or digit that slugifies
 * (`報道.txt`) gets `article-` and a hash of the path, which stays the same while the file does.
 */
export function idFromPath(relative: string): string {
  const withoutExtension = relative.replace(/\.[^./]*$/, '');
  const id = slugify(withoutExtension.split('/').map((part) => slugify(part, Infinity)).filter(Boolean).join('-'), MAX_PATH_ID);
  return id || `article-${createHash('sha256').update(relative).digest('hex').slice(0, 12)}`;
}

/** The section of an article file: the top-level folder of `seeds/` it is in, as written, or null for a file directly in `seeds/`. */
export function sectionOf(relative: string): string | null {
  const slash = relative.indexOf('/');
  return slash > 0 ? relative.slice(0, slash) : null;
}
