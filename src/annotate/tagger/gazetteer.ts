/**
 * Knowledge-base membership as recogniser features (Ratinov and Roth 2009): every token learns
 * which kinds of known names it is part of, and where in them (`LOC-B`, `ORG-L`, `PER-U`…), by the
 * longest match of each kind. Matching ignores case but wants a capital (or digit) at both ends of
 * the match, and reads words in their usual case in sentences written in capitals.
 */
import type { Entity } from '../../types.ts';
import { EdgeTable } from '../edges.ts';
import { tokenizeName } from '../gazetteer.ts';
import type { TaggerToken } from './features.ts';
import { hashKey } from './hash.ts';
import type { GazetteerMarker } from './sentences.ts';

/** The kinds of names the features tell apart: whole names by type, demonyms, and the given names and surnames of people. */
export const KINDS = ['PER', 'ORG', 'LOC', 'EVT', 'ADJ', 'GIV', 'SUR'] as const;
const KIND_OF: Record<Entity['type'], number> = { person: 0, organization: 1, place: 2, event: 3 };
const ADJ = 4;
const GIVEN = 5;
const SURNAME = 6;
/** A word is a given name when it opens this many people's names or more. */
const GIVEN_FROM = 2;
const ROOT = 0;

/** The knowledge base's names as a word trie: edges keyed by parent node and word hash, the kinds ending at each node as bits. */
export interface NameTrie {
  edges: EdgeTable;
  ends: number[];
  /** Longest name, in words. */
  longest: number;
}

/** Builds the trie of every label, alias and adjectival form of the knowledge base. */
export function nameTrie(entities: Entity[]): NameTrie {
  const trie: NameTrie = { edges: new EdgeTable(entities.length * 4), ends: [0], longest: 0 };
  const add = (name: string, kind: number): void => {
    const { tokens } = tokenizeName(name);
    if (!tokens.length) return;
    let node = ROOT;
    for (const t of tokens) {
      const hash = hashKey(t.toLowerCase());
      let next = trie.edges.get(node, hash);
      if (next < 0) {
        next = trie.ends.length;
        trie.ends.push(0);
        trie.edges.set(node, hash, next);
      }
      node = next;
    }
    trie.ends[node]! |= 1 << kind;
    trie.longest = Math.max(trie.longest, tokens.length);
  };
  const given = new Map<string, number>();
  for (const e of entities) {
    const kind = KIND_OF[e.type];
    add(e.label, kind);
    for (const a of e.aliases) add(a, kind);
    for (const a of e.adjectivals) add(a, ADJ);
    if (e.type !== 'person') continue;
    const words = tokenizeName(e.label).tokens.filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
    if (words.length < 2) continue;
    given.set(words[0]!, (given.get(words[0]!) ?? 0) + 1);
    add(words[words.length - 1]!, SURNAME);
  }
  for (const [name, count] of [...given].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= GIVEN_FROM) add(name, GIVEN);
  return trie;
}

const capitalOrDigit = (t: TaggerToken): boolean => /^[\p{Lu}\p{N}]/u.test(t.norm);

/** Marks tokens with the kinds of knowledge-base names they are part of, for the recogniser. */
export function gazetteerMarker(entities: Entity[]): GazetteerMarker {
  const trie = nameTrie(entities);
  return (tokens) => {
    const n = tokens.length;
    // The longest match of each kind from each position: ends[i * K + k] is its end, or i.
    const K = KINDS.length;
    const longest = new Int32Array(n * K);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) longest[i * K + k] = i;
      if (!capitalOrDigit(tokens[i]!)) continue;
      let node = ROOT;
      for (let j = i; j < n && j - i < trie.longest; j++) {
        if (j > i && tokens[j]!.gap === 'break') break;
        const next = trie.edges.get(node, hashKey(tokens[j]!.lower));
        if (next < 0) break;
        node = next;
        const bits = trie.ends[node]!;
        if (bits && capitalOrDigit(tokens[j]!)) for (let k = 0; k < K; k++) if (bits & (1 << k)) longest[i * K + k] = j + 1;
      }
    }
    for (const t of tokens) t.gazetteer = [];
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; ) {
        const end = longest[i * K + k]!;
        if (end === i) {
          i++;
          continue;
        }
        if (end - i === 1) tokens[i]!.gazetteer.push(`${KINDS[k]}-U`);
        else {
          tokens[i]!.gazetteer.push(`${KINDS[k]}-B`);
          for (let j = i + 1; j < end - 1; j++) tokens[j]!.gazetteer.push(`${KINDS[k]}-I`);
          tokens[end - 1]!.gazetteer.push(`${KINDS[k]}-L`);
        }
        i = end;
      }
    }
  };
}
