/**
 * Runs the site's Eleventy templates (`src/site/*.11ty.ts` and the layout in `_includes/`) the way
 * Eleventy runs them, for the features they use: data exported by each template, global data and
 * passthrough copies registered by `glossEleventy`, pagination one item a page over global or
 * template data (with `before`), permalinks (a string, a function, or false) and one layout.
 *
 * Eleventy spent about two thirds of the rendering stage on its own machinery (its data cascade and
 * template objects for each of thousands of paginated pages), and it can only render a whole site:
 * the build renders with this runner instead, page by page, so that a rebuild renders only the
 * pages whose data changed. The templates stay Eleventy templates: `npx @11ty/eleventy` still
 * builds the site, and tests/runner.test.ts checks that both write the same files, byte for byte.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import glossEleventy from './eleventy.ts';

/** The data of a page, as a template's `render`, `permalink` and layout receive it. */
export type PageData = Record<string, unknown>;

interface Pagination {
  data: string;
  size: number;
  alias?: string;
  before?: (items: unknown[], data: PageData) => unknown[];
}

/** A template module: its `data` and its `render`. */
export interface Template {
  /** File name under the site folder, e.g. `article.11ty.ts`. */
  name: string;
  data: PageData & { layout?: string; permalink?: string | false | ((data: PageData) => string | false); pagination?: Pagination };
  render: (data: PageData) => string;
}

/** One page the templates make: its output path and what renders it. */
export interface PageSpec {
  /** Path of the output file under the site folder, with forward slashes: `articles/x/index.html`. */
  path: string;
  template: Template;
  /** The page's own data: the template's data, the global data and the pagination item under its alias. */
  data: PageData;
  /** The pagination item (an id, an address, a name file's key), or null for a template without pagination. */
  item: unknown;
}

/** The site's templates, layouts, global data and passthrough copies, loaded once. */
export interface Templates {
  templates: Template[];
  layouts: Map<string, Template>;
  /** Global data as registered (functions are called on each `pages()`). */
  global: Record<string, unknown>;
  /** Passthrough copies: folder or file relative to the project root → path under the site. */
  passthrough: Array<{ from: string; to: string }>;
}

/** The site folder's templates, relative to the project root (as `.eleventy.js` sets it). */
export const SITE_DIR = join('src', 'site');
const INCLUDES = '_includes';
const EXTENSION = '.11ty.ts';

const loaded = new Map<string, Promise<Templates>>();

/** Imports the templates of `root/src/site/` (once per root) and records what glossEleventy registers. */
export function loadTemplates(root: string): Promise<Templates> {
  let found = loaded.get(root);
  if (!found) {
    found = load(root);
    loaded.set(root, found);
    found.catch(() => loaded.delete(root));
  }
  return found;
}

async function load(root: string): Promise<Templates> {
  const global: Record<string, unknown> = {};
  const passthrough: Templates['passthrough'] = [];
  glossEleventy({
    addExtension: () => undefined,
    addTemplateFormats: () => undefined,
    setQuietMode: () => undefined,
    addGlobalData: (name, value) => {
      global[name] = value;
    },
    addPassthroughCopy: (path) => {
      if (typeof path === 'string') passthrough.push({ from: path, to: path });
      else for (const [from, to] of Object.entries(path)) passthrough.push({ from, to });
    },
  });
  const dir = join(root, SITE_DIR);
  const importTemplate = async (file: string, name: string): Promise<Template> => {
    const module = (await import(pathToFileURL(file).href)) as { data?: Template['data']; render?: Template['render'] };
    if (typeof module.render !== 'function') throw new Error(`${join(SITE_DIR, name)}: a template must export a render function`);
    return { name, data: module.data ?? {}, render: module.render };
  };
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(EXTENSION))
    .sort();
  const templates = await Promise.all(names.map((n) => importTemplate(join(dir, n), n)));
  const layoutNames = readdirSync(join(dir, INCLUDES)).filter((n) => n.endsWith(EXTENSION));
  const layouts = new Map(await Promise.all(layoutNames.map(async (n) => [n, await importTemplate(join(dir, INCLUDES, n), n)] as const)));
  return { templates, layouts, global, passthrough };
}

/** The global data with its functions called (Eleventy calls function-valued global data once a build). */
async function globalData(templates: Templates): Promise<PageData> {
  const data: PageData = {};
  for (const [name, value] of Object.entries(templates.global)) data[name] = typeof value === 'function' ? await (value as () => unknown)() : value;
  return data;
}

function lookup(data: PageData, path: string, template: Template): unknown[] {
  let value: unknown = data;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(value)) throw new Error(`${join(SITE_DIR, template.name)}: pagination data "${path}" is not a list`);
  return value;
}

/** A permalink as an output path: `/a/b/` → `a/b/index.html`, `/a/b.json` → `a/b.json`. */
export function outputPath(permalink: string): string {
  const path = permalink.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * Every page the templates make with the current site data (set with `setSite`), in template
 * order then pagination order. Throws when two pages claim one output path.
 */
export async function listPages(templates: Templates): Promise<PageSpec[]> {
  const global = await globalData(templates);
  const pages: PageSpec[] = [];
  const seen = new Map<string, string>();
  for (const template of templates.templates) {
    const base: PageData = { ...global, ...template.data };
    const { pagination } = template.data;
    let items: Array<{ item: unknown; data: PageData }>;
    if (pagination) {
      if (pagination.size !== 1) throw new Error(`${join(SITE_DIR, template.name)}: the build renders pagination one item a page (size: 1), not ${pagination.size}`);
      let list = lookup(base, pagination.data, template);
      if (pagination.before) list = pagination.before(list, base);
      items = list.map((item) => ({ item, data: pagination.alias ? { ...base, [pagination.alias]: item } : { ...base, pagination: { items: [item] } } }));
    } else items = [{ item: null, data: base }];
    for (const { item, data } of items) {
      const permalink = typeof template.data.permalink === 'function' ? template.data.permalink(data) : template.data.permalink;
      if (permalink === false || permalink === undefined) continue;
      const path = outputPath(permalink);
      const other = seen.get(path);
      if (other) throw new Error(`${join(SITE_DIR, template.name)} and ${join(SITE_DIR, other)} both write ${path}`);
      seen.set(path, template.name);
      pages.push({ path, template, data, item });
    }
  }
  return pages;
}

/** Renders one page: its template, then its layout (Eleventy hands the layout the page's data and `content`). */
export function renderPage(templates: Templates, page: PageSpec): string {
  const content = page.template.render(page.data);
  const layoutName = page.template.data.layout;
  if (!layoutName) return content;
  const layout = templates.layouts.get(layoutName);
  if (!layout) throw new Error(`${join(SITE_DIR, page.template.name)}: no layout ${layoutName} in ${join(SITE_DIR, INCLUDES)}`);
  return layout.render({ ...layout.data, ...page.data, content });
}
