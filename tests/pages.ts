/**
 * Reading built pages in tests: start tags and their attributes, scripts, the file a site path
 * names, and the broken internal links of a site.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Decodes the character references the renderer writes into text and attribute values. */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return named[ref.toLowerCase()] ?? all;
  });
}

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** The tag as written, for messages. */
  source: string;
}

/** Start tags of an HTML document, outside comments and the content of script and style elements. */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const stripped = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  for (const match of stripped.matchAll(tagRe)) {
    const attrs = new Map<string, string>();
    const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (const a of (match[2] ?? '').matchAll(attrRe)) attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    tags.push({ name: match[1]!.toLowerCase(), attrs, source: match[0] });
  }
  return tags;
}

/** Script elements with their attributes and content. */
export function scripts(html: string): Array<{ attrs: Map<string, string>; content: string }> {
  const out: Array<{ attrs: Map<string, string>; content: string }> = [];
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = startTags(`<script${m[1]}>`)[0];
    out.push({ attrs: tag?.attrs ?? new Map(), content: m[2] ?? '' });
  }
  return out;
}

/** The site path of an HTML file: articles/x/index.html → /articles/x/. */
export function pathOf(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/** The built file a site path names, or null. */
export function fileOf(site: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidates = decoded.endsWith('/') ? [join(site, decoded, 'index.html')] : [join(site, decoded), join(site, decoded, 'index.html')];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The origin a page's links are resolved against: any link that stays on it is internal. */
export const ORIGIN = 'http://gloss.invalid';
/** Attributes that load or lead to another resource. */
export const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'manifest', 'xlink:href'];

/** A short report of problems: the first lines, and how many more. */
export function listing(problems: string[], max = 25): string {
  const unique = [...new Set(problems)];
  return unique.slice(0, max).join('\n') + (unique.length > max ? `\n…and ${unique.length - max} more` : '');
}

/**
 * Broken internal links of a built site, each with the pages it is on, and how many links were
 * followed. Pages not in `html` are read from disk.
 */
export function brokenLinks(root: string, pages: string[], html: Map<string, string>): { broken: Map<string, string[]>; checked: number } {
  const idsCache = new Map<string, Set<string>>();
  const idsIn = (tags: Tag[]): Set<string> => new Set(tags.flatMap((t) => [t.attrs.get('id'), t.name === 'a' ? t.attrs.get('name') : undefined]).filter((x): x is string => x !== undefined));
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = idsIn(startTags(html.get(file.slice(root.length + 1)) ?? readFileSync(file, 'utf8')));
      idsCache.set(file, ids);
    }
    return ids;
  };
  // A site links the same few addresses again and again: each is looked up on disk once.
  const files = new Map<string, string | null>();
  const target = (pathname: string): string | null => (files.has(pathname) ? files.get(pathname)! : files.set(pathname, fileOf(root, pathname)).get(pathname)!);
  const broken = new Map<string, string[]>();
  const report = (what: string, page: string): void => void broken.set(what, [...(broken.get(what) ?? []), pathOf(page)]);
  let checked = 0;
  for (const page of pages) {
    const base = ORIGIN + pathOf(page);
    const tags = startTags(html.get(page) ?? readFileSync(join(root, page), 'utf8'));
    idsCache.set(join(root, page), idsIn(tags));
    for (const tag of tags) {
      for (const attr of URL_ATTRIBUTES) {
        const value = tag.attrs.get(attr);
        if (value === undefined || /^(data|mailto|tel|javascript):/i.test(value.trim())) continue;
        const url = new URL(value.trim(), base);
        if (url.origin !== ORIGIN) continue;
        checked++;
        const file = target(url.pathname);
        if (!file) {
          report(`<${tag.name} ${attr}="${value}"> leads to no file`, page);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !fragment.startsWith(':~:') && file.endsWith('.html') && !idsOf(file).has(fragment)) report(`<${tag.name} ${attr}="${value}">: no id "${fragment}" there`, page);
      }
    }
  }
  return { broken, checked };
}

