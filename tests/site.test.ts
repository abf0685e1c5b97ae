/**
 * The built site without a browser: valid HTML, no broken internal links, page weight and
 * script budget, no third-party origins, the Content-Security-Policy, and escaped article text.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, builtArticleIds, fixtureInput, runBuild, tempDir } from './helpers.ts';
import { ORIGIN, URL_ATTRIBUTES, brokenLinks, decodeEntities, fileOf, listing, pathOf, scripts, startTags } from './pages.ts';
import { buildSiteOnce, contentType, filesUnder, serveSite } from './server.ts';

/** Temporary folders this file made, removed after the last suite. */
const scratch: string[] = [];
interface Site {
  root: string;
  /** HTML files, relative to root. */
  pages: string[];
  html: Map<string, string>;
}

let loaded: Promise<Site> | null = null;
/** The shared build, read once. */
function site(): Promise<Site> {
  loaded ??= buildSiteOnce().then((root) => {
    const pages = filesUnder(root).filter((f) => f.endsWith('.html'));
    const html = new Map(pages.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
    return { root, pages, html };
  });
  return loaded;
}

/** One page of each kind the site has, by site path. */
async function pageKinds(): Promise<Record<string, string>> {
  const { root } = await site();
  const first = (dir: string): string => {
    const name = readdirSync(join(root, dir)).filter((n) => existsSync(join(root, dir, n, 'index.html'))).sort()[0];
    if (!name) throw new Error(`the site has no page under /${dir}/`);
    return `/${dir}/${name}/`;
  };
  return {
    home: '/',
    article: first('articles'),
    entity: '/entities/vladivostok/',
    entities: '/entities/',
    'entity type list': '/entities/type/place/',
    'entity type list by name': '/entities/type/place/by/name/',
    articles: '/articles/',
    'articles by title': '/articles/by/title/',
    claims: '/claims/',
    propositions: '/claims/propositions/',
    timeline: '/timeline/',
    'timeline period': first('timeline'),
    cluster: first('claims'),
    outlets: '/outlets/',
    outlet: first('outlets'),
    methodology: '/methodology/',
    search: '/search/',
    data: '/data/',
  };
}

// ---------------------------------------------------------------------------------------------

const Valid = suite('site: valid HTML (W3C Nu HTML checker)');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function vnu(files: string[]): Promise<VnuMessage[]> {
  const jar = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const report = [err, out].map((t) => t.trim()).find((t) => t.startsWith('{'));
      if (!report) return reject(new Error(`the Nu HTML checker (exit ${code}) printed no report:\n${(err + out).slice(0, 2000)}`));
      try {
        resolve((JSON.parse(report) as { messages: VnuMessage[] }).messages);
      } catch (e) {
        reject(new Error(`the Nu HTML checker's report is not JSON: ${String(e)}\n${report.slice(0, 2000)}`));
      }
    });
  });
}

Valid('every page of each kind exists, the dataset page included', async () => {
  const { root } = await site();
  for (const [kind, path] of Object.entries(await pageKinds())) assert.ok(fileOf(root, path), `no ${kind} page at ${path}`);
});

Valid('the checker reports no errors on any page', async () => {
  const { root, pages } = await site();
  assert.ok(pages.length >= 10, `only ${pages.length} pages built`);
  const messages = await vnu(pages.map((p) => join(root, p)));
  const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
  const report = errors.map((m) => `${(m.url ?? '').replace(/^file:/, '').replace(root, '')}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`);
  assert.ok(errors.length === 0, `${errors.length} HTML errors:\n${listing(report)}`);
});

Valid.run();

// ---------------------------------------------------------------------------------------------

const Links = suite('site: internal links');

Links('every internal href and src leads to a built file, and every #fragment to an id there', async () => {
  const { root, pages, html } = await site();
  const { broken, checked } = brokenLinks(root, pages, html);
  assert.ok(checked > pages.length, `only ${checked} internal links found`);
  const lines = [...broken].map(([what, from]) => `${what}, on ${from[0]}${from.length > 1 ? ` and ${from.length - 1} more pages` : ''}`);
  assert.ok(broken.size === 0, `${broken.size} broken links:\n${listing(lines)}`);
});

Links('every address one folder up from a page is a page too: /articles/ lists every article', async () => {
  const { root, pages, html } = await site();
  const missing = [...new Set(pages.map((p) => p.split('/').slice(0, -2).join('/')).filter((dir) => dir && !dir.includes('/')))].filter((dir) => !existsSync(join(root, dir, 'index.html')));
  assert.equal(missing, [], 'folders without an index page');
  const listed = new Set(startTags(html.get('articles/index.html') ?? '').filter((t) => t.name === 'a').map((t) => t.attrs.get('href')));
  const articles = pages.filter((p) => /^articles\/[^/]+\/index\.html$/.test(p)).map((p) => `/${p.slice(0, -'index.html'.length)}`);
  assert.ok(articles.length >= 5);
  assert.equal(articles.filter((a) => !listed.has(a)), [], 'articles missing from /articles/');
});

Links('the check catches a missing page, a missing id and a folder without index.html', () => {
  const root = tempDir();
  scratch.push(root);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('index.html', '<p id="top"><a href="/a/#here">ok</a> <a href="/a/#gone">no id</a> <a href="/b/">no page</a> <a href="/c/">a folder</a> <a href="a/?x=1&amp;y=2#here">relative</a> <a href="https://www.wikidata.org/wiki/Q1">elsewhere</a> <a href="#top">self</a></p>');
  write('a/index.html', '<h1 id="here">A</h1><a href="../#top">up</a> <img src="/pic.png" alt="">');
  write('c/data.csv', 'x\n');
  const pages = ['index.html', 'a/index.html'];
  const { broken, checked } = brokenLinks(root, pages, new Map(pages.map((p) => [p, readFileSync(join(root, p), 'utf8')])));
  assert.is(checked, 8);
  assert.equal([...broken.keys()].sort(), ['<a href="/a/#gone">: no id "gone" there', '<a href="/b/"> leads to no file', '<a href="/c/"> leads to no file', '<img src="/pic.png"> leads to no file']);
});

Links.run();

// ---------------------------------------------------------------------------------------------

const Weight = suite('site: page weight and script budget');

Weight('an article page weighs at most 100 KB gzipped with its stylesheet and scripts, before search is used', async () => {
  const { root, pages, html } = await site();
  const articles = pages.filter((p) => p.startsWith('articles/'));
  assert.ok(articles.length >= 5, 'the seed articles are built');
  for (const page of articles) {
    const text = html.get(page)!;
    const loads = startTags(text)
      .filter((t) => (t.name === 'link' && /\bstylesheet\b/.test(t.attrs.get('rel') ?? '')) || (t.name === 'script' && t.attrs.has('src')))
      .map((t) => t.attrs.get('href') ?? t.attrs.get('src') ?? '');
    assert.ok(loads.includes('/assets/gloss.css'), `${page} loads gloss.css`);
    assert.ok(loads.includes('/assets/gloss.js'), `${page} loads gloss.js`);
    let bytes = gzipSync(Buffer.from(text)).length;
    for (const href of loads) {
      const file = fileOf(root, new URL(href, ORIGIN + pathOf(page)).pathname);
      assert.ok(file, `${page} loads ${href}, which exists`);
      bytes += gzipSync(readFileSync(file!)).length;
    }
    assert.ok(bytes <= 100 * 1024, `${page}: ${(bytes / 1024).toFixed(1)} KB over the wire`);
  }
});

// 20 KB until issue 16 added entity suggestions and entity search (names.js, suggest.js), which a
// page loads only when a search box first has focus.
Weight('our own JavaScript totals at most 25 KB unminified', () => {
  const dir = join(ROOT, 'src', 'site', 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(files.includes('gloss.js') && files.includes('search.js'), 'gloss.js and search.js are ours');
  const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  assert.ok(total <= 25 * 1024, `${files.join(' + ')} = ${(total / 1024).toFixed(1)} KB`);
});

Weight.run();

// ---------------------------------------------------------------------------------------------

const Origins = suite('site: no third-party origins, a strict Content-Security-Policy');

/** References to other origins in the pages, apart from Wikidata links that open safely. */
function foreignReferences(pages: string[], html: Map<string, string>): { foreign: string[]; wikidata: string[] } {
  const wikidata: string[] = [];
  const foreign: string[] = [];
  for (const page of pages) {
    for (const tag of startTags(html.get(page) ?? '')) {
      for (const attr of [...URL_ATTRIBUTES, 'srcset', 'imagesrcset']) {
        const raw = tag.attrs.get(attr);
        if (raw === undefined) continue;
        for (const value of attr.endsWith('srcset') ? raw.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [raw.trim()]) {
          if (/^(data|mailto|tel):/i.test(value)) continue;
          const url = new URL(value, ORIGIN + pathOf(page));
          if (url.origin === ORIGIN) continue;
          const rel = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
          if (tag.name === 'a' && attr === 'href' && url.origin === 'https://www.wikidata.org' && rel.includes('noopener') && rel.includes('noreferrer')) wikidata.push(value);
          else foreign.push(`${pathOf(page)}: ${tag.source}`);
        }
      }
      const style = tag.attrs.get('style');
      if (style && /url\(/i.test(style)) foreign.push(`${pathOf(page)}: inline style with url(): ${tag.source}`);
    }
  }
  return { foreign, wikidata };
}

Origins('no page references another origin except Wikidata links with rel noopener noreferrer', async () => {
  const { pages, html } = await site();
  const { foreign, wikidata } = foreignReferences(pages, html);
  assert.ok(foreign.length === 0, `${foreign.length} references to other origins:\n${listing(foreign)}`);
  assert.ok(wikidata.length > 0, 'entity pages link to Wikidata');
});

Origins('the origin check catches a remote script, font, image or form, and a Wikidata link that keeps the opener', () => {
  const page = [
    '<a href="https://www.wikidata.org/wiki/Q1" rel="noopener noreferrer external">fine</a>',
    '<a href="https://www.wikidata.org/wiki/Q2">keeps the opener</a>',
    '<script src="https://cdn.example/x.js"></script>',
    '<link rel="stylesheet" href="//fonts.example/css">',
    '<img srcset="/a.png 1x, https://img.example/b.png 2x" alt="">',
    '<form action="https://collect.example/"></form>',
    '<a href="/entities/">ours</a>',
  ].join('\n');
  const { foreign, wikidata } = foreignReferences(['index.html'], new Map([['index.html', page]]));
  assert.equal(wikidata, ['https://www.wikidata.org/wiki/Q1']);
  assert.is(foreign.length, 5, foreign.join('\n'));
});

Origins('stylesheets and scripts load nothing from another origin', async () => {
  const { root } = await site();
  const assets = filesUnder(join(root, 'assets')).filter((f) => /\.(css|js)$/.test(f));
  assert.ok(assets.includes('gloss.css') && assets.includes('gloss.js'));
  for (const file of assets) {
    const text = readFileSync(join(root, 'assets', file), 'utf8');
    const origins = [...text.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[/'"`):])/gi)].map((m) => m[1]!.toLowerCase()).filter((host) => host !== 'www.wikidata.org');
    assert.equal(origins, [], `${file} names ${origins.join(', ')}`);
    if (file.endsWith('.css')) assert.not.match(text, /@import|url\(\s*['"]?(https?:)?\/\//i, `${file} imports nothing remote`);
  }
});

Origins('every page has the CSP meta tag, our scripts only and no unsafe-inline', async () => {
  const { pages, html } = await site();
  for (const page of pages) {
    const tags = startTags(html.get(page)!);
    const csp = tags.filter((t) => t.name === 'meta' && (t.attrs.get('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    assert.is(csp.length, 1, `${page} has one CSP meta tag`);
    const policy = csp[0]!.attrs.get('content') ?? '';
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
    assert.not.match(policy, /'unsafe-inline'/, `${page}: ${policy}`);
    assert.not.match(policy, /'unsafe-eval'|'unsafe-hashes'|\*/, `${page}: ${policy}`);
    assert.equal(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], `${page}: script-src`);
    assert.equal(directives.get('default-src'), ["'self'"], `${page}: default-src`);
    assert.equal(directives.get('object-src'), ["'none'"], `${page}: object-src`);
    const headIndex = html.get(page)!.search(/<meta[^>]+http-equiv="Content-Security-Policy"/i);
    const firstScript = html.get(page)!.search(/<script|<link[^>]+stylesheet/i);
    assert.ok(headIndex >= 0 && headIndex < firstScript, `${page}: the policy comes before any stylesheet or script`);
  }
});

Origins('no page relies on what the policy blocks: inline script, event handler attributes, inline style', async () => {
  const { pages, html } = await site();
  const problems: string[] = [];
  for (const page of pages) {
    const text = html.get(page)!;
    for (const s of scripts(text)) {
      const type = (s.attrs.get('type') ?? '').toLowerCase();
      const data = type === 'application/json' || type === 'application/ld+json';
      if (!s.attrs.has('src') && !data) problems.push(`${page}: inline script ${s.content.slice(0, 60)}`);
      if (s.attrs.has('src') && !/^\/(assets|pagefind)\//.test(s.attrs.get('src')!)) problems.push(`${page}: script ${s.attrs.get('src')}`);
    }
    for (const tag of startTags(text)) {
      for (const name of tag.attrs.keys()) if (/^on/.test(name)) problems.push(`${page}: ${tag.source}`);
      if (tag.attrs.has('style')) problems.push(`${page}: style attribute in ${tag.source}`);
      if (tag.name === 'style') problems.push(`${page}: <style> element`);
    }
  }
  assert.ok(problems.length === 0, listing(problems));
});

Origins.run();

// ---------------------------------------------------------------------------------------------

const Server = suite('site: the test server serves the build as a static host would');

Server('folders as index.html, the right content types, gzip, redirects and 404s', async () => {
  const { root } = await site();
  const server = await serveSite(root);
  try {
    const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(server.url(path), { headers, redirect: 'manual' });
    const home = await get('/');
    assert.is(home.status, 200);
    assert.is(home.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.is(await home.text(), readFileSync(join(root, 'index.html'), 'utf8'));
    const wasm = filesUnder(join(root, 'pagefind')).find((f) => f.endsWith('.pagefind'));
    assert.ok(wasm, 'Pagefind wrote its index');
    assert.is((await get(`/pagefind/${wasm}`)).headers.get('content-type'), 'application/octet-stream');
    for (const [path, type] of [['/assets/gloss.js', 'text/javascript'], ['/assets/gloss.css', 'text/css'], ['/pagefind/pagefind.js', 'text/javascript'], ['/data/datapackage.json', 'application/json'], ['/data/corpus.jsonld', 'application/ld+json'], ['/data/mentions.csv', 'text/csv']] as const) {
      const r = await get(path);
      assert.is(r.status, 200, path);
      assert.is(r.headers.get('content-type')?.split(';')[0], type, path);
    }
    assert.is(contentType('x/y.wasm'), 'application/wasm');
    const zipped = await get('/assets/gloss.js', { 'accept-encoding': 'gzip' });
    assert.is(zipped.headers.get('content-encoding'), 'gzip');
    assert.is(await zipped.text(), readFileSync(join(root, 'assets', 'gloss.js'), 'utf8'));
    const folder = await get('/entities');
    assert.is(folder.status, 301);
    assert.is(folder.headers.get('location'), '/entities/');
    assert.is((await get('/no-such-page/')).status, 404);
    assert.is((await get('/%2e%2e/package.json')).status, 404, 'nothing outside the site');
  } finally {
    await server.close();
  }
});

Server.run();

// ---------------------------------------------------------------------------------------------

const Escaping = suite('site: article text is escaped');

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/** The article pages of a built site. */
function articlePages(out: string): string[] {
  return builtArticleIds(out).map((id) => join(out, 'articles', id, 'index.html'));
}

let fixture: Promise<{ site: string; status: number; output: string }> | null = null;
/** A fixture corpus whose titles, bodies and metadata try to inject markup. */
function hostileSite(): Promise<{ site: string; status: number; output: string }> {
  fixture ??= Promise.resolve().then(() => {
    const input = fixtureInput({
      'hostile.txt': `${SCRIPT} Harbour strike ${IMG}\n\nDockers in Gdansk walked out on Tuesday ${SCRIPT} and the union said ${IMG} talks had failed.\n\n"We will not go back ${SCRIPT}," said Ewa Nowak, the union leader.\n`,
      'hostile.meta.json': JSON.stringify({ outlet: `Courier ${IMG}` }),
      'front.md': `---\ntitle: '${IMG} Port talks ${SCRIPT}'\noutlet: '${SCRIPT} Gazette'\nauthor: '${IMG}'\npublished: 2024-03-05\n---\n\nThe port authority in Gdansk said on Monday that talks ${IMG} would resume.\n\n${SCRIPT}\n`,
    });
    const dir = tempDir();
    scratch.push(input.dir, dir);
    const out = join(dir, '_site');
    const r = runBuild(['--seeds', input.seeds, '--data', input.data, '--out', out]);
    return { site: out, status: r.status, output: r.stdout + r.stderr };
  });
  return fixture;
}

Escaping('a fixture whose title, body and metadata hold <script> and an onerror <img> builds', async () => {
  const { site: out, status, output } = await hostileSite();
  assert.is(status, 0, output);
  assert.is(articlePages(out).length, 2, 'both fixture articles have pages');
});

Escaping('no page of that site has a script other than ours, nor any <img>', async () => {
  const { site: out, status, output } = await hostileSite();
  assert.is(status, 0, output);
  const pages = filesUnder(out).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 5);
  for (const page of pages) {
    const text = readFileSync(join(out, page), 'utf8');
    for (const s of scripts(text)) {
      const src = s.attrs.get('src');
      const type = (s.attrs.get('type') ?? '').toLowerCase();
      if (src) assert.ok(['/assets/gloss.js', '/assets/search.js'].includes(src) || src.startsWith('/pagefind/'), `${page}: script src ${src}`);
      else {
        assert.ok(type === 'application/json' || type === 'application/ld+json', `${page}: inline script of type "${type}"`);
        assert.not.match(s.content, /alert\(1\)<|<\/?script|<img/i, `${page}: a data block holds raw markup`);
        JSON.parse(s.content);
      }
    }
    const tags = startTags(text);
    assert.not.ok(tags.some((t) => t.name === 'img'), `${page} has an <img>`);
    assert.not.ok(tags.some((t) => [...t.attrs.keys()].some((a) => a.startsWith('on'))), `${page} has an event handler attribute`);
  }
});

Escaping('the article page shows the hostile title and body as text', async () => {
  const { site: out, status, output } = await hostileSite();
  assert.is(status, 0, output);
  const pages = articlePages(out).map((file) => readFileSync(file, 'utf8'));
  const strike = pages.find((p) => p.includes('Harbour strike'));
  assert.ok(strike, 'the .txt fixture has a page');
  const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(strike!)?.[1] ?? '';
  assert.match(h1, '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.is(decodeEntities(h1.replace(/<[^>]+>/g, '')), `${SCRIPT} Harbour strike ${IMG}`);
  const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(strike!)?.[1] ?? '';
  assert.match(body, '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.match(decodeEntities(body.replace(/<[^>]+>/g, '')), `Dockers in Gdansk walked out on Tuesday ${SCRIPT} and the union said ${IMG} talks had failed.`);
  const title = /<title>([\s\S]*?)<\/title>/.exec(strike!)?.[1] ?? '';
  assert.is(decodeEntities(title), `${SCRIPT} Harbour strike ${IMG} · Gloss`);
  const port = pages.find((p) => p.includes('Port talks'));
  assert.ok(port, 'the Markdown fixture has a page');
  assert.match(port!, '&lt;script&gt;alert(1)&lt;/script&gt; Gazette');
});

Escaping.after(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

Escaping.run();
