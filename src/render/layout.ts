import { html, type SafeHtml } from './html.ts';

/**
 * Every page's Content-Security-Policy: our own scripts only, no inline script, no third-party
 * origin; Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** What a page gives the layout. */
export interface PageFrame {
  title: string;
  /** One line for search engines and link previews. */
  description?: string;
  /** Which navigation entry is current. */
  section?: 'home' | 'articles' | 'entities' | 'claims' | 'timeline' | 'outlets' | 'data' | 'methodology' | 'search';
  /** Extra elements for the head (JSON-LD). */
  head?: SafeHtml;
  /** Scripts beyond gloss.js. */
  scripts?: string[];
  content: SafeHtml;
}

const NAV: Array<[PageFrame['section'], string, string]> = [
  ['home', '/', 'Home'],
  ['articles', '/articles/', 'Articles'],
  ['entities', '/entities/', 'Entities'],
  ['claims', '/claims/', 'Claims'],
  ['timeline', '/timeline/', 'Timeline'],
  ['outlets', '/outlets/', 'Outlets'],
  ['data', '/data/', 'Data'],
  ['methodology', '/methodology/', 'Methodology'],
];

/** The page shell: head with CSP, skip link, navigation with a search box, main, footer. */
export function layout(frame: PageFrame): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${frame.title} · Gloss</title>
${frame.description ? html`<meta name="description" content="${frame.description}">` : ''}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/gloss.css">
${frame.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Main">
<a class="brand" href="/">Gloss</a>
<ul>
${NAV.map(([key, href, label]) => html`<li><a href="${href}"${key === frame.section ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul>
<form class="search-box" role="search" aria-label="Site" action="/entities/" data-search-action="/search/" method="get">
<label for="site-search" class="visually-hidden">Search articles, entities and claims</label>
<input id="site-search" type="search" name="q" placeholder="Search" autocomplete="off" data-suggest>
<button type="submit">Search</button>
</form>
</nav>
</header>
<main id="main" tabindex="-1">
${frame.content}
</main>
<footer class="site">
<p>Gloss: an annotated news reader. Marks are made by machine and may be wrong; see the <a href="/methodology/">methodology</a>. Annotations are downloadable from the <a href="/data/">data page</a>.</p>
</footer>
<script src="/assets/gloss.js" defer></script>
${(frame.scripts ?? []).map((src) => html`<script src="${src}" type="module"></script>`)}
</body>
</html>
`;
}
