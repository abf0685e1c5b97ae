import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { error, positionAt, warning } from '../problems.ts';
import { OffsetMap } from '../text/offsets.ts';
import { check } from '../validate/schemas.ts';
import type { Article, ArticleMeta, ContentProblem } from '../types.ts';
import { decodeArticle, decodeUtf8, tooBig } from './decode.ts';
import { countWords, structure } from './structure.ts';
import { withoutLinks } from '../text/links.ts';

/** Article file extensions ingest reads. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
const SIDECAR = '.meta.json';

/** The articles of a folder, and every problem found in it. */
export interface IngestResult {
  articles: Article[];
  problems: ContentProblem[];
}

/** Parses JSON, reporting a syntax error with its line and column. */
export function parseJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; problem: ContentProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const index = at ? Number(at[1]) : /^Unexpected token/.test(message) ? unexpectedTokenIndex(text) : null;
    const position = index === null ? '' : positionAt(text, index);
    // V8 quotes the source after "Unexpected token 'x'", newlines and all: keep the message to one line.
    const what = message.replace(/^JSON\.parse: /, '').replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/\s+/g, ' ');
    return { ok: false, problem: error(file, position, `is not valid JSON (${what}); fix the syntax, for example a missing comma or quote`) };
  }
}

/**
 * Where JSON.parse meets an unexpected token, for V8's messages that give no position: every prefix
 * shorter than that point fails only for ending early, every longer one fails on the token.
 */
function unexpectedTokenIndex(text: string): number {
  const failsOnToken = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return false;
    } catch (e) {
      return e instanceof Error && /^Unexpected token/.test(e.message);
    }
  };
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsOnToken(text.slice(0, mid + 1))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A readable URL slug of a title: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : slug.slice(0, 60)).replace(/-+$/, '');
}

/** Splits YAML front matter off a Markdown file: `---` lines around it at the very top. */
function frontMatter(text: string, file: string): { meta: unknown; bodyFrom: number } | { problem: ContentProblem } | null {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /^---[ \t]*(\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { problem: error(file, 'line 1', 'opens front matter with --- but never closes it; add a line with --- after the metadata') };
  const yamlText = rest.slice(0, m.index);
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = (firstError.linePos?.[0]?.line ?? 0) + 1;
    const column = firstError.linePos?.[0]?.col ?? 1;
    const what = firstError.message.split('\n')[0] ?? 'invalid YAML';
    return { problem: error(file, `line ${line}, column ${column}`, `has front matter that is not valid YAML (${what}); fix it or quote the value`) };
  }
  const meta: unknown = doc.toJS({});
  if (meta instanceof Object && !Array.isArray(meta)) {
    for (const [key, value] of Object.entries(meta)) {
      // YAML reads 2023-09-13 as a date; the metadata keeps dates as text.
      if (value instanceof Date) (meta as Record<string, unknown>)[key] = value.toISOString().slice(0, 10);
    }
  }
  return { meta: meta ?? {}, bodyFrom: open[0].length + m.index + m[0].length };
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !rel.includes(`..${sep}`);
}

/** Reads one article file and its metadata into an Article, or reports why it cannot. */
export function ingestFile(path: string, displayPath: string, meta: ArticleMeta): { article: Article | null; problems: ContentProblem[] } {
  // Refused by its size before it is read: Node cannot read a file over 2 GiB at all.
  const big = tooBig(statSync(path).size, displayPath);
  if (big) return { article: null, problems: [big] };
  const bytes = readFileSync(path);
  const decoded = decodeArticle(bytes, displayPath);
  if (!decoded.ok) return { article: null, problems: [decoded.problem] };
  const text = decoded.text;
  const problems = [...decoded.warnings];
  let bodyFrom = 0;
  let fileMeta: ArticleMeta = { ...meta };
  if (extname(path).toLowerCase() === '.md') {
    const fm = frontMatter(text, displayPath);
    if (fm && 'problem' in fm) return { article: null, problems: [fm.problem] };
    if (fm) {
      const found = check('article-meta.schema.json', fm.meta, displayPath).map((p) => ({ ...p, position: `front matter ${p.position}` }));
      if (found.length) return { article: null, problems: found };
      fileMeta = { ...(fm.meta as ArticleMeta), ...meta };
      bodyFrom = fm.bodyFrom;
    }
  }
  const parts = structure(text, { bodyFrom, knownTitle: fileMeta.title ?? null, outlet: fileMeta.outlet ?? null });
  const title = (fileMeta.title ?? parts.title?.text ?? '').replace(/\s+/g, ' ').trim();
  if (!title || parts.blocks.every((b) => b.kind === 'title' || b.kind === 'kicker')) {
    const why = parts.setAside.length ? 'holds only boilerplate (such as READ MORE or copyright lines), no article text' : 'has a headline but no article text';
    return { article: null, problems: [error(displayPath, '', `${why}; add the article's paragraphs or remove the file`)] };
  }
  const map = new OffsetMap(text);
  const toPoints = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: map.toPoint(s.start), end: map.toPoint(s.end) });
  const blocks = parts.blocks.map((b) => ({ ...toPoints(b), hidden: b.hidden.map(toPoints) }));
  const visible = parts.blocks.map((b) => text.slice(b.start, b.end)).join('\n');
  const id = fileMeta.id ?? (slugify(title) || slugify(basename(path, extname(path))) || `article-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`);
  const article: Article = {
    id,
    sourceFile: basename(path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
    title,
    standfirst: parts.standfirst?.text ?? null,
    byline: parts.byline?.text ?? null,
    author: fileMeta.author ?? parts.author ?? null,
    outlet: fileMeta.outlet ?? parts.copyrightOutlet ?? null,
    published: fileMeta.published ?? null,
    url: fileMeta.url ?? null,
    language: fileMeta.language ?? 'en',
    blocks,
    setAside: parts.setAside.map(toPoints),
    wordCount: countWords(withoutLinks(visible)),
  };
  return { article, problems };
}

/**
 * Reads every article of a folder (`.txt`, or `.md` with YAML front matter) with its optional
 * sidecar `NAME.meta.json`. Problems are collected for the whole folder, not just the first.
 */
export function ingest(dir: string, displayDir = 'seeds'): IngestResult {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const show = (name: string): string => `${displayDir}/${name}`;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { articles, problems: [error(displayDir, '', 'is not a readable folder; create it and put the articles in it')] };
  }
  const realDir = realpathSync(dir);
  const stems = new Set<string>();
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      let target: string | null = null;
      try {
        target = realpathSync(path);
      } catch {
        target = null;
      }
      if (!target || !isInside(target, realDir)) {
        problems.push(error(show(name), '', 'is a symbolic link to a file outside the seeds folder, which Gloss refuses to read; copy the file into seeds/ instead'));
        continue;
      }
    } else if (stat.isDirectory()) {
      problems.push(warning(show(name), '', `is a folder; Gloss reads only the files directly in ${displayDir}/, so move its articles up or the folder out`));
      continue;
    } else if (!stat.isFile()) continue;
    if (name.startsWith('.')) {
      // Nothing is dropped in silence: a hidden file is skipped with a word, as editors leave them about.
      problems.push(warning(show(name), '', 'is a hidden file (its name starts with a dot), so Gloss skips it; rename it without the dot to include it'));
      continue;
    }
    if (name.endsWith(SIDECAR)) continue;
    const ext = extname(name).toLowerCase();
    if (!ARTICLE_EXTENSIONS.includes(ext)) {
      problems.push(error(show(name), '', `is not an article file (Gloss reads ${ARTICLE_EXTENSIONS.join(' and ')}); rename it or move it out of ${displayDir}/`));
      continue;
    }
    stems.add(name.slice(0, -ext.length));
    files.push(name);
  }
  for (const name of names.filter((n) => n.endsWith(SIDECAR) && !n.startsWith('.'))) {
    const stem = name.slice(0, -SIDECAR.length);
    if (!stems.has(stem)) problems.push(error(show(name), '', `is metadata for an article "${stem}.txt" or "${stem}.md" that does not exist; rename it to match its article or delete it`));
  }

  const byId = new Map<string, string>();
  for (const name of files) {
    const stem = name.slice(0, -extname(name).length);
    const sidecarName = stem + SIDECAR;
    let meta: ArticleMeta = {};
    if (names.includes(sidecarName)) {
      const decoded = decodeUtf8(readFileSync(join(dir, sidecarName)), show(sidecarName));
      const parsed = decoded.ok ? parseJson(decoded.text, show(sidecarName)) : decoded;
      if (!parsed.ok) {
        problems.push(parsed.problem);
        continue;
      }
      const found = check('article-meta.schema.json', parsed.value, show(sidecarName));
      if (found.length) {
        problems.push(...found);
        continue;
      }
      meta = parsed.value as ArticleMeta;
    }
    const { article, problems: found } = ingestFile(join(dir, name), show(name), meta);
    problems.push(...found);
    if (!article) continue;
    const clash = byId.get(article.id);
    if (clash) {
      problems.push(error(show(name), '', `would get the id "${article.id}", which ${displayDir}/${clash} already has; give one of them another "id" in its ${SIDECAR} sidecar or front matter`));
      continue;
    }
    byId.set(article.id, name);
    articles.push(article);
  }
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, problems };
}
