import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { error, positionAt, warning } from '../problems.ts';
import { OffsetMap } from '../text/offsets.ts';
import { check } from '../validate/schemas.ts';
import type { Article, ArticleMeta, ContentProblem } from '../types.ts';
import { decodeArticle, decodeUtf8, tooBig } from './decode.ts';
import { SIDECAR, listSeeds } from './files.ts';
import { idFromPath, sectionOf } from './ids.ts';
import { countWords, structure } from './structure.ts';
import { withoutLinks } from '../text/links.ts';

export { ARTICLE_EXTENSIONS } from './files.ts';
export { idFromPath, sectionOf, slugify } from './ids.ts';

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

/** The display path of the sidecar of an article file: `seeds/a/NAME.meta.json` for `seeds/a/NAME.txt`. */
function sidecarOf(displayPath: string): string {
  return displayPath.slice(0, displayPath.length - extname(displayPath).length) + SIDECAR;
}

/**
 * Reads one article file and its metadata into an Article, or reports why it cannot. `relative`
 * is its path under `seeds/` (folders separated by `/`), which gives its id and section.
 */
export function ingestFile(path: string, displayPath: string, meta: ArticleMeta, relative = basename(path)): { article: Article | null; problems: ContentProblem[] } {
  // Refused by its size before it is read: Node cannot read a file over 2 GiB at all.
  const big = tooBig(statSync(path).size, displayPath);
  if (big) return { article: null, problems: [big] };
  const bytes = readFileSync(path);
  const decoded = decodeArticle(bytes, displayPath, { encoding: meta.encoding, sidecar: sidecarOf(displayPath) });
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
      const declared = (fm.meta as ArticleMeta).encoding;
      if (declared && declared !== 'utf-8') {
        const fix = `Gloss decodes the file before it reads the front matter, so move "encoding": "${declared}" to the sidecar ${sidecarOf(displayPath)}`;
        return { article: null, problems: [error(displayPath, 'front matter at /encoding', `declares an encoding where it cannot be used; ${fix}`)] };
      }
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
  const article: Article = {
    id: fileMeta.id ?? idFromPath(relative),
    sourceFile: relative,
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
    section: sectionOf(relative),
    duplicateOf: null,
  };
  return { article, problems };
}

/** Reads and checks a sidecar; its metadata, or the problems that keep it from being used. */
function readSidecar(path: string, displayPath: string): { meta: ArticleMeta } | { problems: ContentProblem[] } {
  const decoded = decodeUtf8(readFileSync(path), displayPath);
  const parsed = decoded.ok ? parseJson(decoded.text, displayPath) : decoded;
  if (!parsed.ok) return { problems: [parsed.problem] };
  const found = check('article-meta.schema.json', parsed.value, displayPath);
  return found.length ? { problems: found } : { meta: parsed.value as ArticleMeta };
}

/**
 * Reads every article of a folder and of its folders (`.txt`, or `.md` with YAML front matter),
 * each with its optional sidecar `NAME.meta.json` beside it. An article's id comes from its path
 * (`business/001.txt` → `business-001`) unless its metadata sets one, and its top-level folder is
 * its section. Two files with the same decoded text are both kept, the later one (in path order)
 * marked `duplicateOf` the first and reported. Problems are collected for the whole folder.
 */
export function ingest(dir: string, displayDir = 'seeds'): IngestResult {
  const listing = listSeeds(dir, displayDir);
  const problems: ContentProblem[] = [...listing.problems];
  const articles: Article[] = [];
  const show = (relative: string): string => `${displayDir}/${relative}`;
  const byId = new Map<string, string>();
  const byText = new Map<string, Article>();
  for (const file of listing.files) {
    let meta: ArticleMeta = {};
    if (file.sidecar) {
      const read = readSidecar(join(dir, file.sidecar), show(file.sidecar));
      if ('problems' in read) {
        problems.push(...read.problems);
        continue;
      }
      meta = read.meta;
    }
    const { article, problems: found } = ingestFile(file.path, show(file.relative), meta, file.relative);
    problems.push(...found);
    if (!article) continue;
    const clash = byId.get(article.id);
    if (clash) {
      problems.push(
        error(
          show(file.relative),
          '',
          `would get the id "${article.id}", which ${show(clash)} already has (an id comes from the file's path unless its metadata sets one); ` +
            `give one of them its own id in its sidecar, for example ${sidecarOf(show(file.relative))} with { "id": "${article.id}-2" }`,
        ),
      );
      continue;
    }
    byId.set(article.id, file.relative);
    const first = byText.get(article.text);
    if (first) {
      article.duplicateOf = first.id;
      problems.push(warning(show(file.relative), '', `has the same text as ${show(first.sourceFile)}; both are built, and articles.csv marks this one duplicate_of "${first.id}"; delete one of the files if it is a copy by mistake`));
    } else byText.set(article.text, article);
    articles.push(article);
  }
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, problems };
}
