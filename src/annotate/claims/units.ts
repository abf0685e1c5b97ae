import { CUE_WORDS } from './lexicon.ts';
import { lowerBound, quoteMark, tokensIn, type ClaimState, type Unit } from './state.ts';
import type { Token } from '../tokens.ts';

/** The ranges inside double quotation marks among a unit's tokens; a mark left open runs to the end. */
function quotedRanges(tokens: Token[], after: Token | undefined): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const mark = quoteMark(t, tokens[i + 1] ?? after);
    if (mark === 1 && openAt < 0) openAt = t.start;
    else if (mark === -1 && openAt >= 0) {
      ranges.push([openAt, t.end]);
      openAt = -1;
    }
  }
  if (openAt >= 0) ranges.push([openAt, tokens[tokens.length - 1]!.end]);
  return ranges;
}

/** Opening minus closing double quotation marks. */
function balance(tokens: Token[], after: Token | undefined): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) n += quoteMark(tokens[i]!, tokens[i + 1] ?? after);
  return n;
}

/** Paragraphs a quotation left open may run over before it is taken to have ended. */
const MAX_BLOCKS = 4;

function unitOf(start: number, end: number, block: number, tokens: Token[], after: Token | undefined): Unit {
  return { start, end, block, tokens, quoted: quotedRanges(tokens, after), quotation: quoteMark(tokens[0]!, tokens[1]) === 1 };
}

/**
 * Rule `units`: the article's sentences, with a quotation of several sentences joined into one
 * unit. A quotation left open continues into the next sentence, unless that sentence opens with a
 * quotation mark of its own: news style reopens a quotation in each paragraph it runs over, and
 * each such paragraph is a unit (a claim of the last named speaker, by the guidelines). A short
 * attribution after a quotation that ends in "?" or "!" ("“…?” Mr Kashyap's lawyer said.") joins it.
 */
export function units(state: ClaimState): void {
  const { view } = state;
  let open: { start: number; end: number; block: number; tokens: Token[]; depth: number } | null = null;
  let after: Token | undefined;
  const close = (): void => {
    if (open) state.units.push(unitOf(open.start, open.end, open.block, open.tokens, after));
    open = null;
  };
  for (const s of view.sentences) {
    const tokens = tokensIn(view.tokens, s.start, s.end);
    // A stray mark alone ("…theme. "") is no sentence of its own.
    let words = false;
    for (let i = 0; i < tokens.length && !words; i++) words = tokens[i]!.word;
    if (!words) {
      if (open !== null) (open as { tokens: Token[] }).tokens.push(...tokens);
      continue;
    }
    after = view.tokens[lowerBound(view.tokens, s.end)];
    if (open !== null) {
      const current: { start: number; end: number; block: number; tokens: Token[]; depth: number } = open;
      // A sentence that opens with a quotation mark while one is open reopens it: the open one ended
      // with its paragraph (news style), also where the paragraphs were run together on one line.
      const reopens = quoteMark(tokens[0]!) === 1;
      // A stray mark must not swallow the article: a quotation runs over a few paragraphs at most.
      if (!reopens && s.block - current.block < MAX_BLOCKS) {
        current.end = s.end;
        current.tokens = current.tokens.concat(tokens);
        current.depth += balance(tokens, after);
        if (current.depth <= 0) close();
        continue;
      }
      close();
    }
    const depth = balance(tokens, after);
    const previous = state.units[state.units.length - 1];
    if (depth === 0 && previous && attributes(previous, tokens, s.block)) {
      // "“… against the movie?” Mr Kashyap's lawyer Mihir Desai said.": the attribution is the question's.
      state.units[state.units.length - 1] = unitOf(previous.start, s.end, previous.block, previous.tokens.concat(tokens), after);
      continue;
    }
    if (depth > 0) open = { start: s.start, end: s.end, block: s.block, tokens, depth };
    else state.units.push(unitOf(s.start, s.end, s.block, tokens, after));
  }
  close();
}

/** Whether a short sentence only attributes the quotation before it, which a "?" or "!" ended. */
function attributes(previous: Unit, tokens: Token[], block: number): boolean {
  const last = previous.tokens[previous.tokens.length - 1]!;
  const mark = previous.tokens[previous.tokens.length - 2];
  if (block !== previous.block || quoteMark(last) !== -1 || !mark || (mark.text !== '?' && mark.text !== '!')) return false;
  if (tokens.length > 12 || quoteMark(tokens[0]!) !== 0 || tokens[tokens.length - 1]!.text !== '.') return false;
  return tokens.some((t) => CUE_WORDS.get(t.key)?.takes === 'clause' && !t.key.endsWith('ing'));
}
