import type { Entity, MentionForm } from '../types.ts';
import type { Gap, Token } from './tokens.ts';

/** One surface form of a knowledge-base entity, as the matcher stores it. */
export interface Surface {
  entityId: string;
  form: MentionForm;
  /** The tokens of the form, in their written case. */
  tokens: string[];
  /** Gaps between the form's tokens (`none` where written together, as in "U.S."). */
  gaps: Gap[];
  /** A one-word name of a person ("Kim", "Putin"): usable only when the person is established or unambiguous. */
  short: boolean;
}

interface Node {
  next: Map<string, Node>;
  surfaces: Surface[];
}

/** The knowledge base compiled for longest-match look-up over tokens. */
export interface Gazetteer {
  root: Node;
  /** Entities by id. */
  entities: Map<string, Entity>;
  /** Short person names that more than one entity could claim. */
  ambiguousShort: Set<string>;
}

const WORD_OR_MARK = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const DASH = /^[-\u2010-\u2014\u2212]$/;
const PLAIN_NAME = /^[A-Za-z0-9]+(?: +[A-Za-z0-9]+)*$/;
const SPACES = / +/;

/** Splits a name as the text tokenizer does: words and marks; dashes become gaps. */
export function tokenizeName(name: string): { tokens: string[]; gaps: Gap[] } {
  // Most names are plain words of ASCII letters and digits between spaces: split them at once (the
  // knowledge base's hundreds of thousands of names are split when every annotating thread starts).
  if (PLAIN_NAME.test(name)) {
    const words = name.split(SPACES);
    return { tokens: words, gaps: words.slice(1).map(() => 'space') };
  }
  return splitName(name);
}

/** tokenizeName for any name: every word and mark found by the tokenizer's pattern. */
export function splitName(name: string): { tokens: string[]; gaps: Gap[] } {
  const tokens: string[] = [];
  const gaps: Gap[] = [];
  let last = 0;
  let gap: Gap = 'none';
  for (const m of name.matchAll(WORD_OR_MARK)) {
    const at = m.index ?? 0;
    if (at > last && tokens.length) gap = gap === 'hyphen' ? 'hyphen' : 'space';
    last = at + m[0].length;
    if (DASH.test(m[0])) {
      gap = 'hyphen';
      continue;
    }
    if (tokens.length) gaps.push(gap);
    tokens.push(m[0]);
    gap = 'none';
  }
  return { tokens, gaps };
}

/** Whether a written token may stand for a knowledge-base token: case rules that avoid "us" for "US". */
export function caseFits(pattern: string, written: string): boolean {
  if (pattern === written) return true;
  if (pattern.toLowerCase() !== written.toLowerCase()) return false;
  const letters = pattern.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return false;
  const p0 = pattern.charAt(0);
  const w0 = written.charAt(0);
  return p0 === p0.toLowerCase() || w0 !== w0.toLowerCase();
}

/**
 * Compiles the knowledge base into a token trie of the names to match wherever they occur
 * (`matched`, by default all; the annotator passes the hand-written entries), with every entity
 * by id and the one-word person names that more than one person of the whole base could claim.
 */
export function compileGazetteer(entities: Entity[], matched: Entity[] = entities): Gazetteer {
  const root: Node = { next: new Map(), surfaces: [] };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const matchedIds = new Set(matched.map((e) => e.id));
  const shortOwners = new Map<string, Set<string>>();
  const add = (entity: Entity, name: string, form: MentionForm): void => {
    const { tokens, gaps } = tokenizeName(name);
    if (!tokens.length) return;
    let node = root;
    for (const t of tokens) {
      const key = t.toLowerCase();
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), surfaces: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    const short = entity.type === 'person' && tokens.length === 1 && form === 'name';
    if (short) {
      const owners = shortOwners.get(tokens[0]!.toLowerCase()) ?? new Set();
      owners.add(entity.id);
      shortOwners.set(tokens[0]!.toLowerCase(), owners);
    }
    node.surfaces.push({ entityId: entity.id, form, tokens, gaps, short });
  };
  for (const entity of entities) {
    if (!matchedIds.has(entity.id)) {
      if (entity.type === 'person') for (const word of tokenizeName(entity.label).tokens) if (/^\p{Lu}/u.test(word)) shortOwners.set(word.toLowerCase(), (shortOwners.get(word.toLowerCase()) ?? new Set()).add(entity.id));
      continue;
    }
    add(entity, entity.label, 'name');
    for (const alias of entity.aliases) add(entity, alias, 'name');
    for (const adjectival of entity.adjectivals) add(entity, adjectival, 'adjectival');
    if (entity.type === 'person') {
      // Every word of a person's full name could be a surname someone else shares.
      for (const word of tokenizeName(entity.label).tokens) {
        if (/^\p{Lu}/u.test(word)) {
          const owners = shortOwners.get(word.toLowerCase()) ?? new Set();
          owners.add(entity.id);
          shortOwners.set(word.toLowerCase(), owners);
        }
      }
    }
  }
  const ambiguousShort = new Set([...shortOwners].filter(([, owners]) => owners.size > 1).map(([key]) => key));
  return { root, entities: byId, ambiguousShort };
}

/** A knowledge-base match: tokens `[from, to)` of the view. */
export interface GazetteerMatch {
  from: number;
  to: number;
  surface: Surface;
}

function gapFits(pattern: Gap, written: Gap): boolean {
  return pattern === 'none' ? written === 'none' : written !== 'none' && written !== 'break';
}

/** Every longest, leftmost match of the knowledge base's names in the tokens. */
export function matchGazetteer(gazetteer: Gazetteer, tokens: Token[]): GazetteerMatch[] {
  const matches: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: Node | undefined = gazetteer.root;
    let best: GazetteerMatch | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      const token = tokens[j]!;
      if (j > i && token.block !== tokens[i]!.block) break;
      node = node.next.get(token.key);
      if (!node) break;
      for (const surface of node.surfaces) {
        const fits = surface.tokens.every((t, k) => caseFits(t, tokens[i + k]!.text)) && surface.gaps.every((g, k) => gapFits(g, tokens[i + k + 1]!.gap));
        if (fits) {
          best = { from: i, to: j + 1, surface };
          break;
        }
      }
    }
    // A name must not end inside a word run such as "U.S" of "U.S.A" or start in the middle of one.
    if (best && !(tokens[i - 1]?.word && tokens[i]!.gap === 'none') && !(tokens[best.to]?.word && tokens[best.to]!.gap === 'none' && tokens[best.to - 1]!.word)) {
      matches.push(best);
      i = best.to;
    } else i++;
  }
  return matches;
}
