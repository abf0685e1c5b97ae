import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type StateCore, type Token } from 'markdown-it';

/** A mark to insert, in UTF-16 indices into the string given to `render`. */
export interface MarkSpec {
  start: number;
  end: number;
  /** Element name: `a` for a mention whose entity has a page (it links there), `span` for other mentions and claims. */
  tag: 'a' | 'span';
  /** Attributes, values as plain text (escaped on output). */
  attrs: Array<[string, string]>;
}

/** What `render` takes through markdown-it's `env`, as markdown-it-abbr takes its abbreviations. */
export interface MarkEnv {
  marks: MarkSpec[];
  /** Ranges to leave out of the output, such as the `[`, `](#)` of a dead link. */
  hidden: Array<{ start: number; end: number }>;
}

/** A programmer error: marks that cross each other cannot nest as elements. */
export class MarkNestingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MarkNestingError';
  }
}

interface Boundary {
  at: number;
  open: boolean;
  mark: MarkSpec;
  order: number;
}

/** Open before close at the same place only for different marks; outer marks open first and close last. */
function boundaries(marks: MarkSpec[]): Boundary[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const list: Boundary[] = [];
  sorted.forEach((mark, order) => {
    list.push({ at: mark.start, open: true, mark, order });
    list.push({ at: mark.end, open: false, mark, order });
  });
  return list.sort((a, b) => a.at - b.at || (a.open === b.open ? (a.open ? a.order - b.order : b.order - a.order) : a.open ? 1 : -1));
}

function checkNesting(list: Boundary[]): void {
  const stack: MarkSpec[] = [];
  for (const b of list) {
    if (b.open) stack.push(b.mark);
    else if (stack.pop() !== b.mark) throw new MarkNestingError(`mark ${b.mark.start}-${b.mark.end} crosses another mark; marks must nest`);
  }
}

/**
 * The core rule: joins each inline block's text tokens (the `zero` preset makes only text) and
 * splits the text at mark boundaries into `gloss_mark_open` / `text` / `gloss_mark_close` tokens,
 * leaving hidden ranges out.
 */
function insertMarks(state: StateCore): void {
  const env = state.env as Partial<MarkEnv>;
  if (!env.marks && !env.hidden) return;
  const list = boundaries((env.marks ?? []).filter((m) => m.end > m.start));
  checkNesting(list);
  const hidden = env.hidden ?? [];
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    if (block.children.some((child) => child.type !== 'text')) throw new MarkNestingError('the mark inserter expects plain text; use createRenderer()');
    const content = block.children.map((child) => child.content).join('');
    block.children = split(state, content, list, hidden);
  }
}

function split(state: StateCore, content: string, list: Boundary[], hidden: Array<{ start: number; end: number }>): Token[] {
  const out: Token[] = [];
  const cuts = new Set<number>([0, content.length]);
  for (const b of list) cuts.add(b.at);
  for (const h of hidden) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= content.length).sort((a, b) => a - b);
  let next = 0;
  for (let k = 0; k < points.length; k++) {
    const at = points[k]!;
    for (; next < list.length && list[next]!.at === at; next++) {
      const b = list[next]!;
      const t = new state.Token(b.open ? 'gloss_mark_open' : 'gloss_mark_close', b.mark.tag, b.open ? 1 : -1);
      t.meta = { mark: b.mark };
      out.push(t);
    }
    const following = points[k + 1];
    if (following === undefined) break;
    if (hidden.some((h) => at >= h.start && following <= h.end)) continue;
    const t = new state.Token('text', '', 0);
    t.content = content.slice(at, following);
    out.push(t);
  }
  return out;
}

/**
 * markdown-it plugin that inserts Gloss's marks as tokens (see markdown-it-abbr for the pattern).
 * Article text is data: use it with the `zero` preset and `normalize` disabled (see `createRenderer`).
 */
export default function glossMarks(md: MarkdownItInstance): void {
  md.core.ruler.after('text_join', 'gloss_marks', insertMarks);
  md.renderer.rules['gloss_mark_open'] = (tokens, idx) => {
    const mark = (tokens[idx]!.meta as { mark: MarkSpec }).mark;
    const attrs = mark.attrs.map(([k, v]) => ` ${k}="${md.utils.escapeHtml(v)}"`).join('');
    return `<${mark.tag}${attrs}>`;
  };
  md.renderer.rules['gloss_mark_close'] = (tokens, idx) => `</${(tokens[idx]!.meta as { mark: MarkSpec }).mark.tag}>`;
}

/** A markdown-it that treats its input as plain text (no Markdown syntax, no HTML) and inserts marks. */
export function createRenderer(): MarkdownItInstance {
  const md = new MarkdownIt('zero', { html: false });
  md.core.ruler.disable('normalize');
  md.use(glossMarks);
  return md;
}

/** Renders one block of text with its marks as inline HTML. */
export function renderMarked(md: MarkdownItInstance, text: string, env: MarkEnv): string {
  const holder: Record<PropertyKey, unknown> = { ...env };
  const tokens = md.parseInline(text, holder);
  return md.renderer.render(tokens, md.options, holder);
}
