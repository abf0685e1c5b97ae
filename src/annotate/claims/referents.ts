/**
 * Who a pronoun or a description stands for: the nearest compatible named person or organisation
 * before it, among the sources of earlier claims and the people and bodies the article names
 * outside what its claims report. "He" and "she" skip a name whose honorific or given name tells
 * the other gender; "they" wants a group or a body; "it" a body or a state. A description ("the
 * Tory leader", "the commission") goes first to the holder of the role it names, then to the
 * nearest compatible name.
 */
import type { Token } from '../tokens.ts';
import { lowerBound, startsLower, type ClaimState, type Named, type Speaker } from './state.ts';
import { GIVEN_NAMES, HONORIFICS, ORG_NOUNS, PERSON_NOUNS } from './words.ts';

/** A candidate referent: a speaker or a named mention, and where it stands. */
interface Candidate {
  at: number;
  speaker: Speaker;
}

const NO_ROLES: ReadonlySet<string> = new Set();
/** Words that say nothing of a role: articles, prepositions, possessive endings. */
const ROLE_STOP = new Set(['the', 'a', 'an', 'of', 'at', 'in', 'for', 'and', 'on', 'from', 's', 'its', 'his', 'her', 'their', 'former', 'new']);
/** Roles whose holders news seldom names: "the Treasury spokesman" is someone new, not the last speaker. */
const UNNAMED = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'source', 'insider', 'aide', 'representative', 'adviser', 'advisor']);
/** Organisation nouns general enough that "the party" may stand for any body named before. */
const GENERIC_BODIES = new Set(['party', 'company', 'firm', 'group', 'organisation', 'organization', 'agency', 'airline', 'union', 'carrier', 'operator', 'club', 'team', 'movement', 'alliance', 'coalition', 'network', 'broadcaster']);

/** The gender a name tells by its honorific or given name, if it tells one. */
export function genderOf(name: string): 'male' | 'female' | null {
  const first = name.trim().split(/[\s.]+/)[0]?.toLowerCase() ?? '';
  if (HONORIFICS.has(first)) return HONORIFICS.get(first) ?? null;
  return GIVEN_NAMES.get(first) ?? null;
}

/** The content words of a role ("commander of the IRGC Navy" → commander, irgc, navy). */
export function roleWords(tokens: Token[]): Set<string> {
  return new Set(tokens.filter((t) => t.word && !ROLE_STOP.has(t.key)).map((t) => t.key));
}

/** Speaker of a named mention: its written name and entity. */
export function speakerOfNamed(n: Named, source = n.mention.exact, roles: ReadonlySet<string> = NO_ROLES): Speaker {
  // An acronym is a body, whatever the recogniser typed it ("the ATM said").
  const kind = n.mention.type === 'person' && !/^\p{Lu}{2,}$/u.test(n.mention.exact) ? 'person' : 'organization';
  return { source, entityId: n.mention.entityId, kind, roles };
}

/** Resolves pronouns and descriptions for one article; the source rule remembers each speaker it settles. */
export class Referents {
  private readonly history: Candidate[] = [];
  /** Ranges of earlier claims' content: a name inside what someone reported is not who speaks next. */
  private readonly reported: Array<[number, number]> = [];
  private roleIndex: Map<string, Set<string>> | null = null;

  constructor(private readonly state: ClaimState) {}

  /** Records the speaker of a claim whose source stands at `at`, and the content it reports. */
  remember(at: number, speaker: Speaker, content: Array<[number, number]>): void {
    this.history.push({ at, speaker });
    this.reported.push(...content);
  }

  /** Records a quotation whose speaker is not yet known: the names it holds are reported, not speakers. */
  quoted(start: number, end: number): void {
    this.reported.push([start, end]);
  }

  /** The last speaker remembered before `at`, with where its source stands. */
  lastEntry(at: number, kinds?: ReadonlyArray<Speaker['kind']>): { at: number; speaker: Speaker } | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.at < at && (!kinds || kinds.includes(h.speaker.kind))) return h;
    }
    return null;
  }

  /** The speaker last remembered before `at` (of a kind, if given). */
  lastSpeaker(at: number, kind?: Speaker['kind']): Speaker | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.at < at && (!kind || h.speaker.kind === kind)) return h.speaker;
    }
    return null;
  }

  private insideReported(start: number, end: number, exclude: [number, number] | null): boolean {
    if (exclude && start >= exclude[0] && end <= exclude[1]) return true;
    for (const [a, b] of this.reported) if (start >= a && end <= b) return true;
    return false;
  }

  /** Candidates before `at`, nearest first, of the kinds wanted. */
  private *candidates(at: number, kinds: ReadonlyArray<Speaker['kind']>, exclude: [number, number] | null, mentions: ReadonlyArray<string>): Generator<Candidate> {
    const named = this.state.named;
    let m = lowerBound(named, at) - 1;
    let h = this.history.length - 1;
    while (h >= 0 && this.history[h]!.at >= at) h--;
    while (m >= 0 || h >= 0) {
      const mention = m >= 0 ? named[m]! : null;
      const spoken = h >= 0 ? this.history[h]! : null;
      if (spoken && (!mention || spoken.at >= mention.start)) {
        h--;
        if (kinds.includes(spoken.speaker.kind)) yield spoken;
        continue;
      }
      m--;
      if (!mention || mention.end > at || !mentions.includes(mention.mention.type) || mention.mention.form !== 'name') continue;
      // "Omar Abdullah’s shops": a possessive is seldom who "he" is.
      if (/^\s?['’]/.test(this.state.text.slice(mention.end, mention.end + 2))) continue;
      // A person named inside an earlier claim is what it reports; a state or body may still be "it".
      if (mention.mention.type === 'person' ? this.insideReported(mention.start, mention.end, exclude) : exclude && mention.start >= exclude[0] && mention.end <= exclude[1]) continue;
      yield { at: mention.start, speaker: speakerOfNamed(mention) };
    }
  }

  /**
   * The referent of "he", "she", "they" or "it" at `at`; `exclude` is the claim's own content,
   * whose names are what is reported, not who reports it.
   */
  pronoun(word: string, at: number, exclude: [number, number] | null): Speaker | null {
    if (word === 'they') {
      for (const c of this.candidates(at, ['group', 'organization'], exclude, ['organization'])) return c.speaker;
      return null;
    }
    if (word === 'it') {
      for (const c of this.candidates(at, ['organization'], exclude, ['organization', 'place'])) return c.speaker;
      return null;
    }
    const wanted = word === 'she' ? 'female' : 'male';
    for (const c of this.candidates(at, ['person'], exclude, ['person'])) {
      const gender = genderOf(c.speaker.source);
      if (gender === null || gender === wanted) return c.speaker;
    }
    // No one fits: the last person speaking, else the last speaker of any kind, is the best guess news allows.
    return this.lastSpeaker(at, 'person') ?? this.lastSpeaker(at);
  }

  /**
   * The referent of a description ("the Tory leader", "The UNO", "the party") at `at`, whose head
   * is `common` when it is a common noun ("leader", not "UNO") and which has `words` words: the person
   * an earlier sentence gives the description's proper words as a role ("Michael Howard, the Tory
   * leader"); for a body, the one whose name holds the head noun ("the commission"); else, for a
   * person or a general body noun, the last speaker of that kind (writers vary the words for the
   * person they are quoting), else the nearest name of that kind. Null when nothing fits.
   */
  description(head: string, proper: ReadonlySet<string>, common: boolean, words: number, at: number, exclude: [number, number] | null): Speaker | null {
    const person = PERSON_NOUNS.has(head);
    // "Michael Howard, the Tory leader, … The Tory leader said": whoever holds the role.
    if ((proper.size && !ORG_NOUNS.has(head)) || person) {
      const need = proper.size ? proper : new Set([head]);
      let seen = 0;
      for (const c of this.candidates(at, ['person'], exclude, ['person'])) {
        const roles = this.rolesOf(c.speaker.entityId);
        if ([...need].every((w) => c.speaker.roles.has(w) || roles.has(w))) return c.speaker;
        if (++seen > 60) break;
      }
    }
    // "the WSIS spokesman", "a Treasury official": someone new, unless a role above says otherwise.
    if (!common || (proper.size && UNNAMED.has(head))) return null;
    if (!person && !ORG_NOUNS.has(head)) return null;
    const kind = person ? 'person' : 'organization';
    if (!person) {
      for (const c of this.candidates(at, ['organization'], exclude, ['organization'])) {
        if (c.speaker.source.toLowerCase().split(/\s+/).includes(head)) return c.speaker;
      }
      // "the party", "the company", but not "the union organisation" or "the central bank".
      if (!GENERIC_BODIES.has(head) || words > 1) return null;
    }
    const spoken = this.lastSpeaker(at, kind);
    if (spoken) return spoken;
    for (const c of this.candidates(at, [kind], exclude, [kind])) return c.speaker;
    return null;
  }

  /** The role words the article gives an entity's mentions ("Alireza Tangsiri, the commander of the IRGC Navy"). */
  rolesOf(entityId: string | null): ReadonlySet<string> {
    if (!entityId) return NO_ROLES;
    this.roleIndex ??= this.indexRoles();
    return this.roleIndex.get(entityId) ?? NO_ROLES;
  }

  /** Titles before each person mention and appositions after it, by entity. */
  private indexRoles(): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    const { tokens } = this.state.view;
    for (const n of this.state.named) {
      if (n.mention.type !== 'person' || !n.mention.entityId) continue;
      const words = index.get(n.mention.entityId) ?? new Set<string>();
      let i = lowerBound(tokens, n.start);
      const first = i;
      // Title before: "Interior Minister Lee", "IRGC Navy chief Tangsiri", "Upazila Nirbahi Officer (UNO) Kabir".
      for (let back = i - 1, seen = 0; back >= 0 && seen < 6 && tokens[back]!.block === tokens[first]!.block; back--, seen++) {
        const t = tokens[back]!;
        if (t.text === ',' || t.text === '.' || (t.word && startsLower(t.text) && !PERSON_NOUNS.has(t.key))) break;
        if (t.word) words.add(t.key);
      }
      while (i < tokens.length && tokens[i]!.end <= n.end) i++;
      // Apposition after: ", the commander of the IRGC Navy,".
      if (tokens[i]?.text === ',') {
        for (let j = i + 1, seen = 0; j < tokens.length && seen < 10; j++, seen++) {
          const t = tokens[j]!;
          if (!t.word && t.text !== '’' && t.text !== "'") break;
          if (!ROLE_STOP.has(t.key)) words.add(t.key);
        }
      }
      index.set(n.mention.entityId, words);
    }
    return index;
  }
}
