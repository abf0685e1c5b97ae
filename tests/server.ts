/**
 * Test support for the built site: `buildSiteOnce()` builds the reader once per source state
 * (shared by every test file and every test process), `serveSite()` serves a built site on
 * 127.0.0.1 with an ephemeral port, as a static host would, and `launchBrowser()` starts
 * Debian's headless Chromium through playwright-core.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './helpers.ts';

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.zip': 'application/zip',
};

/** The content type a file is served with. */
export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|xml|javascript))|image\/svg\+xml/;

/** A running server for one built site. */
export interface SiteServer {
  /** The origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  origin: string;
  /** The folder served. */
  root: string;
  /** An absolute URL for a site path ("/entities/"). */
  url(path: string): string;
  close(): Promise<void>;
}

/** The file a URL path names inside root, or null when it escapes root. */
function fileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded));
  const rel = relative(root, file);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return file;
}

async function respond(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const notFound = (): void => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = fileFor(root, url.pathname);
  if (!file) return notFound();
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return notFound();
  let body = await readFile(file);
  const type = contentType(file);
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(accepts)) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
    headers['vary'] = 'accept-encoding';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serves a built site on 127.0.0.1 with an ephemeral port: index.html for folders, 404s, gzip. */
export async function serveSite(root: string): Promise<SiteServer> {
  const server = createServer((req, res) => {
    respond(root, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root,
    url: (path: string) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the build reads: the source tree, the content, and the locked dependencies. */
const INPUTS = ['src', 'scripts/build.ts', 'seeds', '_data', 'schemas', 'contexts', '.eleventy.js', 'package-lock.json'];

function addToHash(hash: ReturnType<typeof createHash>, path: string, name: string): void {
  if (!existsSync(path)) return;
  const info = statSync(path);
  if (info.isDirectory()) {
    for (const entry of readdirSync(path).sort()) addToHash(hash, join(path, entry), `${name}/${entry}`);
  } else if (info.isFile()) {
    hash.update(`${name}\0${info.size}\0`);
    hash.update(readFileSync(path));
  }
}

/** A digest of everything the build reads, so that a build is reused only for the same sources. */
export function sourceKey(root = ROOT): string {
  const hash = createHash('sha256');
  for (const name of INPUTS) addToHash(hash, join(root, name), name);
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function runBuildInto(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run build -- --out ${out} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** Removes cached builds of other source states that nobody has touched for an hour. */
function pruneOldBuilds(keep: string): void {
  const hourAgo = Date.now() - 3600_000;
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith('gloss-test-site-') || entry === keep) continue;
    const path = join(tmpdir(), entry);
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

async function buildShared(): Promise<string> {
  const key = sourceKey();
  const name = `gloss-test-site-${key}`;
  const dir = join(tmpdir(), name);
  const site = join(dir, '_site');
  const done = join(dir, 'complete');
  const lock = join(tmpdir(), `${name}.lock`);
  pruneOldBuilds(name);
  if (process.env['GLOSS_TEST_REBUILD'] !== '1' && existsSync(done) && existsSync(join(site, 'index.html'))) return site;
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another test process is building the same sources: wait for it, or take over a stale lock.
      if (existsSync(done)) return site;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build locked by ${lock}`);
      await sleep(500);
    }
  }
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await runBuildInto(site);
    writeFileSync(done, `${new Date().toISOString()}\n`);
    return site;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let shared: Promise<string> | null = null;

/**
 * Builds the site (`scripts/build.ts --out TMP/_site`) once for the current sources and returns
 * the path of its _site folder. Every test file in a process shares the one promise, and other
 * processes reuse the folder (in the OS temp folder, named by a digest of the sources) through
 * a lock and a completion marker. GLOSS_TEST_REBUILD=1 forces a fresh build.
 */
export function buildSiteOnce(): Promise<string> {
  shared ??= buildShared();
  return shared;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function filesUnder(root: string, sub = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium through playwright-core (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A built site served on localhost and a browser, shared by the tests of one file. */
export interface BrowserEnv {
  server: SiteServer;
  browser: Browser;
}

/** One build, one server and one browser per test file, started by the first test that needs them. */
export function browserSession(): { setup: () => Promise<BrowserEnv>; teardown: () => Promise<void> } {
  let env: Promise<BrowserEnv> | null = null;
  const setup = (): Promise<BrowserEnv> => {
    env ??= (async () => {
      const server = await serveSite(await buildSiteOnce());
      const browser = await launchBrowser();
      return { server, browser };
    })();
    return env;
  };
  const teardown = async (): Promise<void> => {
    const started = env;
    env = null;
    const e = await started?.catch(() => null);
    await e?.browser.close().catch(() => undefined);
    await e?.server.close();
  };
  return { setup, teardown };
}
