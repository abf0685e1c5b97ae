/**
 * The index stage: Pagefind indexes the rendered site, and Gloss writes the index in a fixed order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalIndexFiles, writeIndexFiles } from './canonical.ts';

/** Pages handed to Pagefind at once. */
const IN_FLIGHT = 256;

/** Indexes the HTML pages under `site` into `site/pagefind/`. */
export async function indexSite(site: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind numbers pages in the order it receives them, and canonicalIndexFiles() puts its
    // output in a fixed order. Each page is cut to what Pagefind reads.
    const pages = htmlPages(site);
    let next = 0;
    const feed = async (): Promise<void> => {
      while (next < pages.length) {
        const page = pages[next++]!;
        const added = await index.addHTMLFile({ sourcePath: page, content: forIndex(readFileSync(join(site, page), 'utf8')) });
        if (added.errors.length) throw new Error(`Pagefind: ${page}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, feed));
    // Taken in memory and written by Gloss: after writeFiles() and close(), a 10,000-article
    // build once found pagefind-entry.json empty.
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`Pagefind: ${built.errors.join('; ')}`);
    writeIndexFiles(join(site, 'pagefind'), canonicalIndexFiles(built.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) }))));
  } finally {
    // Pagefind runs as a child process; left open, it would keep Node from exiting.
    await pagefind.close();
  }
}

/** The HTML pages under a folder, as sorted paths relative to it with forward slashes. */
function htmlPages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.html'))
    .sort();
}

const IGNORED_SECTION = /<section\b[^>]*\bdata-pagefind-ignore="all"[^>]*>([\s\S]*?)<\/section>/g;

/**
 * A page as Pagefind needs it: its one `<main>` element (every page's `data-pagefind-body` is in
 * it; Pagefind reads nothing outside that) without the sections it would ignore with all their
 * content (`data-pagefind-ignore="all"`: keyword-in-context lines, claim lists). The index is the
 * one Pagefind makes from the whole page, from far less HTML. A page without exactly one `<main>`
 * is passed whole, and a section holding another section is left in.
 */
export function forIndex(page: string): string {
  const start = page.indexOf('<main');
  const end = page.indexOf('</main>');
  const single = start >= 0 && end > start && page.indexOf('<main', start + 1) < 0 && /^<main[\s>]/.test(page.slice(start, start + 6));
  const html = /<html\b[^>]*>/.exec(page)?.[0] ?? '<html>';
  const body = single ? `<!doctype html>\n${html}\n<body>\n${page.slice(start, end + '</main>'.length)}\n</body>\n</html>\n` : page;
  return body.replace(IGNORED_SECTION, (whole, inner: string) => (inner.includes('<section') ? whole : ''));
}
