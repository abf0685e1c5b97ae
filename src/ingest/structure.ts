import type { Block, BlockKind, SetAside, SetAsideReason, Span } from '../types.ts';
import { MARKDOWN_LINK } from '../text/links.ts';

/** A run of text in the source, in UTF-16 indices (converted to code points by the caller). */
export interface RawGroup {
  start: number;
  end: number;
  text: string;
}

/** What the structure pass finds in an article's text; indices are UTF-16. */
export interface Structure {
  title: RawGroup | null;
  standfirst: RawGroup | null;
  byline: RawGroup | null;
  author: string | null;
  blocks: Array<{ kind: BlockKind; start: number; end: number; hidden: Span[] }>;
  setAside: Array<{ start: number; end: number; text: string; reason: SetAsideReason }>;
  /** Outlet named by a copyright line, when there is one. */
  copyrightOutlet: string | null;
}

/** Lines that are site furniture, not article text; matched against a whole trimmed group. */
const BOILERPLATE: Array<[RegExp, SetAsideReason]> = [
  [/^(read more|related( posts| articles| stories| content)?|you may also like|more from (the )?author|more from this author|recommended( for you)?|most (read|popular)|share( this( article| story)?)?|advertisement|skip to (main )?content|back to top|next article|previous article)[:.]?$/i, 'navigation'],
  [/^(\+\s*)?(leave a (comment|reply)|add yours|there are no comments( yet)?|no comments( yet)?|\d+\s+comments?|comments?\s*\(\d+\)|view comments|show comments|join the conversation|be the first to comment)[.!]?$/i, 'share-or-comment-prompt'],
  [/^[+×✕✖*•·|–—-]{1,3}$/, 'stray-symbol'],
  [/^((\[copyright\]\([^)]*\))|copyright\b|©|\(c\)\s)|all rights reserved\.?$/i, 'copyright'],
  [/^((estimated\s+)?read(ing)?\s+time\b.*|\d+\s*(min|mins|minutes?)\s+read)$/i, 'read-time'],
];

/** A newsletter, Telegram or follow prompt: an imperative plus a channel word, short. */
function isNewsletterPrompt(text: string): boolean {
  if (text.length > 240) return false;
  if (!/\b(newsletters?|telegram|whatsapp|sign[ -]up|subscribe|follow us|podcast)\b/i.test(text)) return false;
  return /^(stay|sign|subscribe|join|follow|get|receive|don'?t miss|listen|download|click|tap)\b/i.test(text) || /\]\([^)]*\)/.test(text);
}

/** Why a group is boilerplate, or null when it is article text. */
export function boilerplateReason(text: string): SetAsideReason | null {
  const trimmed = text.trim();
  for (const [pattern, reason] of BOILERPLATE) if (pattern.test(trimmed)) return reason;
  if (isNewsletterPrompt(trimmed)) return 'newsletter-prompt';
  return null;
}

const LINK = MARKDOWN_LINK;

/** The link markup (`[`, `](target)`) of Markdown-style links in a group: hidden, their text kept. */
export function linkMarkup(text: string, offset: number): Span[] {
  const hidden: Span[] = [];
  for (const m of text.matchAll(LINK)) {
    const at = offset + (m.index ?? 0);
    const inner = m[1] ?? '';
    hidden.push({ start: at, end: at + 1 });
    hidden.push({ start: at + 1 + inner.length, end: at + m[0].length });
  }
  return hidden;
}

function words(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}

const TERMINAL = /[.!?:;"”’)\]…]\s*$/;
const CAPTION = /\s©\s*\S|\b(Photograph|Photo|Image|Picture|Illustration):\s*\S+[^.!?]*$/;
const BYLINE = /^(By\s+)?((?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+){1,3})(?:\s+(?:in|and)\s+[A-Z][\p{L}' -]+?)?(?:\s+(?:YESTERDAY|TODAY|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}))?\s*$/u;

/**
 * Splits a text into groups: paragraphs separated by blank lines, or, in a text without any
 * blank line, one group a line.
 */
export function groupsOf(text: string, from = 0): RawGroup[] {
  const lines: RawGroup[] = [];
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  lineRe.lastIndex = from;
  for (;;) {
    const m = lineRe.exec(text);
    if (!m || m[0] === '') break;
    const body = m[0].replace(/[\r\n]+$/, '');
    lines.push({ start: m.index, end: m.index + body.length, text: body });
    if (lineRe.lastIndex >= text.length) break;
  }
  const hasBlank = lines.some((l) => l.text.trim() === '');
  const groups: RawGroup[] = [];
  let current: RawGroup | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') {
      current = null;
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const trail = line.text.length - line.text.trimEnd().length;
    const start = line.start + lead;
    const end = line.end - trail;
    if (current && hasBlank) {
      current.end = end;
      current.text = text.slice(current.start, end);
    } else {
      current = { start, end, text: text.slice(start, end) };
      groups.push(current);
    }
  }
  return groups;
}

/**
 * Finds an article's parts: kicker, title, standfirst, byline, captions, paragraphs, and the
 * boilerplate to set aside. `bodyFrom` skips front matter; `knownTitle` comes from metadata.
 */
export function structure(text: string, options: { bodyFrom?: number; knownTitle?: string | null; outlet?: string | null } = {}): Structure {
  const groups = groupsOf(text, options.bodyFrom ?? 0);
  const result: Structure = { title: null, standfirst: null, byline: null, author: null, blocks: [], setAside: [], copyrightOutlet: null };
  const content: RawGroup[] = [];
  for (const group of groups) {
    const reason = boilerplateReason(group.text);
    if (reason) {
      result.setAside.push({ ...group, reason });
      if (reason === 'copyright') result.copyrightOutlet ??= outletOfCopyright(group.text);
    } else content.push(group);
  }

  let index = 0;
  const next = (): RawGroup | undefined => content[index];
  const push = (kind: BlockKind, group: RawGroup): void => {
    result.blocks.push({ kind, start: group.start, end: group.end, hidden: linkMarkup(group.text, group.start) });
  };

  const knownTitle = options.knownTitle?.trim() || null;
  if (!knownTitle) {
    const first = content[0];
    const second = content[1];
    if (first && second && isKicker(first.text, second.text)) {
      push('kicker', first);
      index++;
    }
    const title = next();
    if (title) {
      result.title = title;
      push('title', title);
      index++;
    }
  }
  const standfirst = next();
  if (standfirst && !TERMINAL.test(standfirst.text) && words(standfirst.text) <= 50 && !CAPTION.test(standfirst.text) && !/\n/.test(standfirst.text)) {
    result.standfirst = standfirst;
    push('standfirst', standfirst);
    index++;
  }

  const titleText = (knownTitle ?? result.title?.text ?? '').trim();
  let seenParagraph = false;
  const outlet = options.outlet?.trim().toLowerCase() ?? null;
  for (; index < content.length; index++) {
    const group = content[index]!;
    const trimmed = group.text.trim();
    if (titleText && trimmed === titleText) {
      result.setAside.push({ ...group, reason: 'repeated-headline' });
      continue;
    }
    if (outlet && trimmed.toLowerCase() === outlet) {
      result.setAside.push({ ...group, reason: 'outlet-signature' });
      continue;
    }
    if (CAPTION.test(trimmed) && !/\n/.test(trimmed)) {
      push('caption', group);
      continue;
    }
    const bylineMatch = result.byline || seenParagraph ? null : BYLINE.exec(trimmed);
    if (bylineMatch && !TERMINAL.test(trimmed)) {
      result.byline = group;
      result.author = bylineMatch[2] ?? null;
      push('byline', group);
      continue;
    }
    const previous = result.blocks[result.blocks.length - 1];
    if (previous?.kind === 'paragraph' && continuesParagraph(text.slice(previous.start, previous.end), trimmed)) {
      previous.end = group.end;
      previous.hidden.push(...linkMarkup(group.text, group.start));
      continue;
    }
    push('paragraph', group);
    seenParagraph = true;
  }
  result.setAside.sort((a, b) => a.start - b.start);
  return result;
}

/** A short section label above a headline ("North Korea" over "North Korea seizes on…"). */
function isKicker(first: string, second: string): boolean {
  return words(first) <= 3 && !TERMINAL.test(first) && !/[.:;]\s*$/.test(second) && words(second) > words(first) && words(second) <= 25 && !/\n/.test(second);
}

/** A paragraph cut by a stray blank line: the first part stops mid-sentence, the next goes on in lower case. */
function continuesParagraph(before: string, after: string): boolean {
  return !TERMINAL.test(before) && /^\p{Ll}/u.test(after);
}

/** The outlet a copyright line names: "© The Financial Times Limited 2022" → "The Financial Times". */
export function outletOfCopyright(line: string): string | null {
  const name = line
    .replace(MARKDOWN_LINK, '$1')
    .replace(/all rights reserved\.?/i, '')
    .replace(/^\s*(copyright|©|\(c\))\s*/i, '')
    .replace(/\b(19|20)\d{2}\b(\s*[-–]\s*(19|20)?\d{2})?/g, '')
    .replace(/\b(limited|ltd|inc|llc|plc|gmbh|corp(oration)?)\b\.?/gi, '')
    .replace(/[.,©\s]+$/g, '')
    .replace(/^[.,©\s]+/g, '')
    .trim();
  return name && name.split(/\s+/).length <= 6 ? name : null;
}

/** Words in a text, for word counts. */
export function countWords(text: string): number {
  return words(text);
}

export type { Block, SetAside };
