/**
 * What the claim rules share: the article's view and mentions, and what each rule adds (units,
 * drafts, claims). Rules run in the order `RULES` lists them (./index.ts), each reading what
 * earlier rules left and adding its part, as markdown-it's core rules share one state.
 */
import type { Claim, Mention, Polarity } from '../../types.ts';
import type { AnnotationView, Token } from '../tokens.ts';
import type { Referents } from './referents.ts';

/** A person, organisation or place mention, with UTF-16 offsets as the rules work in. */
export interface Named {
  mention: Mention;
  start: number;
  end: number;
}

/** A sentence, or a quotation of several sentences, that a claim may span. UTF-16 offsets. */
export interface Unit {
  start: number;
  end: number;
  /** Index of the block it starts in. */
  block: number;
  tokens: Token[];
  /** Ranges inside quotation marks, `[start, end)` from the opening mark to after the closing one. */
  quoted: Array<[number, number]>;
  /** Opens with a quotation mark (or continues one a previous paragraph left open). */
  quotation: boolean;
}

/** Where a cue's source is written. */
export type Side =
  /** Before the cue: "Officials said", "“…,” he said". */
  | 'before'
  /** After it: "said Ben Ralston", "according to analysts". */
  | 'after'
  /** The subject of the sentence, for a gerund: "North Korea…, blaming the US". */
  | 'subject'
  /** The noun a relative pronoun stands for: "Bunna Lawrie, who said…", "nations that claimed…". */
  | 'antecedent';

/** A reporting cue found in a clause. */
export interface Cue {
  /** Index of its first and last token in the draft's tokens. */
  at: number;
  last: number;
  /** As written. */
  text: string;
  side: Side;
  /** The content is before the source ("…, Su said"; also "…, he said, …" in the middle). */
  trailing: boolean;
  denies: boolean;
  hedges: boolean;
  method: string;
}

/** Who makes a claim. */
export interface Speaker {
  /** As written, or the name a pronoun or description stands for. */
  source: string;
  entityId: string | null;
  /** Person, a body, several people, or unknown (a report, a document). */
  kind: 'person' | 'organization' | 'group' | 'unknown';
  /** Words of the roles the article gives this source ("commander", "irgc", "navy"), lower-case. */
  roles: ReadonlySet<string>;
}

/** A claim under construction. UTF-16 offsets. */
export interface Draft {
  unit: Unit;
  tokens: Token[];
  start: number;
  end: number;
  /** Candidate cues, best first (the cue rule); the source rule keeps the first with a source. */
  cues: Cue[];
  cue: Cue | null;
  /** A clause opening with a gerund cue takes the source of the clause before ("…, adding that"). */
  inheritsSource: boolean;
  speaker: Speaker | null;
  /** Where the source is written, `[start, end)`, so that content leaves it out. */
  sourceSpan: [number, number] | null;
  /** The reported proposition: ranges of the claim without its source and cue. */
  content: Array<[number, number]>;
  quote: boolean;
  polarity: Polarity;
  hedged: boolean;
  method: string;
  confidence: number;
}

/** The state the rules share. */
export interface ClaimState {
  view: AnnotationView;
  /** The view's masked text (UTF-16). */
  text: string;
  /** Person, organisation and place name mentions, by start. */
  named: Named[];
  /** Every mention linked to an entity (events too), by start: what a claim's content names. */
  linked: Named[];
  units: Unit[];
  drafts: Draft[];
  /** Set by the source rule: who pronouns and descriptions stand for, and the speakers so far. */
  referents: Referents | null;
  claims: Claim[];
}

/** A claim rule: reads and extends the state. */
export type Rule = (state: ClaimState) => void;

/** Whether a word opens with a lower-case letter (ASCII first, as most words do). */
export function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(text);
}

/** Whether a word opens with a capital letter. */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text);
}

/** Whether a token lies inside one of the quoted ranges of its unit. */
export function isQuoted(quoted: ReadonlyArray<[number, number]>, t: Token): boolean {
  for (const [a, b] of quoted) if (t.start >= a && t.end <= b) return true;
  return false;
}

/** The first index of a sorted list whose `start` is at or after `at`. */
export function lowerBound(list: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens within `[start, end)`: tokens are in text order. */
export function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  const from = lowerBound(tokens, start);
  let stop = from;
  while (stop < tokens.length && tokens[stop]!.end <= end) stop++;
  return tokens.slice(from, stop);
}

/** The named mentions (or, with `list`, other mentions) starting within `[from, to]` and ending by `end`. */
export function namedIn(state: ClaimState, from: number, to: number, end = Infinity, list: Named[] = state.named): Named[] {
  const out: Named[] = [];
  for (let i = lowerBound(list, from); i < list.length && list[i]!.start <= to; i++) {
    if (list[i]!.end <= end) out.push(list[i]!);
  }
  return out;
}

/** A new state for an article's view and mentions. */
export function createState(view: AnnotationView, mentions: Mention[]): ClaimState {
  const linked = mentions
    .filter((m) => m.entityId !== null)
    .map((m) => ({ mention: m, start: view.map.toUnit(m.start), end: view.map.toUnit(m.end) }))
    .sort((a, b) => a.start - b.start);
  const named = linked.filter((n) => n.mention.type !== 'date' && n.mention.type !== 'event');
  return { view, text: view.text, named, linked, units: [], drafts: [], referents: null, claims: [] };
}

const OPEN = new Set(['“', '"']);
const CLOSE = new Set(['”', '"']);

/**
 * Whether a token is an opening (1), closing (-1) or no (0) double quotation mark. A straight
 * mark opens after a space or a break and closes when it follows its word; `next` is the token
 * after it, if any.
 */
export function quoteMark(token: Token, next?: Token): 1 | -1 | 0 {
  if (token.text.length !== 1) return 0;
  if (token.text === '“') return 1;
  if (token.text === '”') return -1;
  if (token.text !== '"') return 0;
  // A straight mark after a space closes when nothing follows it in its paragraph ("… intervention. "").
  if (token.gap !== 'none' && next !== undefined && (next.block !== token.block || next.gap === 'break')) return -1;
  return token.gap === 'none' ? -1 : 1;
}

export { CLOSE as CLOSE_QUOTES, OPEN as OPEN_QUOTES };
