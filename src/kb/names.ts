import { isCommonWord } from './common-words.ts';
import type { KbType } from './record.ts';

/** Scripts an English news text writes names in; names in other scripts are left out. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\p{N}\s.,'’&\-/!+]+$/u;

/**
 * A source's name, tidied: spaces collapsed and trimmed; null when it is no use to a linker of
 * English text: fewer than two letters and digits, not in Latin script (Cyrillic, Hangul, emoji flags),
 * carrying quotation marks, brackets or a wiki disambiguation, a bare QID or number, a two-letter
 * code ("GE", "jo"; "Xi" is a name), or longer than 80 characters.
 */
export function cleanName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length > 80 || !LATIN_NAME.test(name)) return null;
  const letters = name.replace(/[^\p{L}]/gu, '');
  // "U2" and "3M" are names; "x" and "4" are not.
  if (!letters || name.replace(/[^\p{L}\p{N}]/gu, '').length < 2 || /^Q[0-9]+$/.test(name)) return null;
  if (letters.length === 2 && !/\s/.test(name) && (letters === letters.toUpperCase() || letters === letters.toLowerCase())) return null;
  return name;
}

/** The label without a trailing parenthesis ("Georgia (U.S. state)" → "Georgia"). */
export function withoutQualifier(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/**
 * Whether a name is one ordinary English word, a leading "The" aside ("Next", "Reading", "The
 * Times"): such a name matches sentence openings and headlines written in capitals. A name of
 * several words ("Labour Party", "White House") is a name wherever it is written with capitals.
 */
export function isCommonName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const rest = words.length > 1 && /^the$/i.test(words[0]!) ? words.slice(1) : words;
  return rest.length === 1 && isCommonWord(rest[0]!.replace(/[’']s$/, '').replace(/[^\p{L}]/gu, ''));
}

/** Legal and sporting suffixes an organisation's name is written without ("Manchester United F.C." → "Manchester United"). */
const ORGANIZATION_SUFFIX = /,?\s+(F\.C\.|FC|A\.F\.C\.|AFC|C\.F\.|CF|S\.C\.|SC|plc|PLC|Plc|Inc\.?|Incorporated|Ltd\.?|Limited|Corporation|Corp\.?|LLC|L\.L\.C\.|AG|SE|S\.A\.|SA|N\.V\.|NV|GmbH|S\.p\.A\.|SpA|Co\.|Holdings|Group plc)$/;

/**
 * Names of an organisation a news text uses that the sources leave out: the name without a
 * legal or club suffix, and "X Party" as "X" when X is one word that is no ordinary English word
 * or adjective ("Ba'ath Party" → "Ba'ath"; not "Labour Party" → "Labour" nor "Green Party" → "Green",
 * which the sources give where they are right). A short form made only of common words
 * ("British Broadcasting Corporation" → "British Broadcasting") is not made.
 */
export function derivedOrganizationNames(name: string): string[] {
  const out: string[] = [];
  const stripped = name.replace(ORGANIZATION_SUFFIX, '').trim();
  if (stripped !== name && stripped.replace(/[^\p{L}]/gu, '').length >= 2) {
    const demonymOrCommon = stripped.split(/\s+/).every((w) => isCommonWord(w) || /^(British|English|Scottish|Welsh|Irish|American|National|International|United|General|Royal|Federal)$/.test(w));
    if (!demonymOrCommon || !/\s/.test(stripped)) out.push(stripped);
  }
  const party = /^(\p{Lu}[\p{L}'’\-]+) Party$/u.exec(name);
  if (party && !isCommonWord(party[1]!) && !/(an|ian|ish|ese|ic|al|ist)$/.test(party[1]!)) out.push(party[1]!);
  return out;
}

/** Whether a name ends as a company or club does ("Apple Inc.", "Liverpool F.C."): never a person's. */
export function hasOrganizationSuffix(name: string): boolean {
  return ORGANIZATION_SUFFIX.test(name) || /\b(Company|Records|Studios|Entertainment|Pictures|Productions|University|College|Club|Party|Group)$/.test(name);
}

/** Particles that belong to a surname ("Charles de Gaulle" → "de Gaulle"). */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'bin', 'al', 'el', 'dos', 'das', 'ter', 'ten']);
/** Generational suffixes that are not a surname ("Jr.", "III"). */
const SUFFIXES = /^(jr|sr|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi)\.?$/i;
/** Descriptions that mark a name written family name first ("Kim Jong-un", "Xi Jinping"). */
const FAMILY_NAME_FIRST = /\b(chinese|korean|taiwanese|vietnamese|mongolian|cambodian|singaporean|hong kong)\b/i;

/**
 * A person's surname, for use as a partial alias ("Tony Blair" → "Blair"): the last word with
 * its particles, or the first word where the description says the name is Chinese, Korean or
 * Vietnamese. Null for one-word names, regnal names ("Henry VIII", "Catherine of Aragon") and
 * names whose last word is an initial.
 */
export function surname(label: string, description = ''): string | null {
  const words = withoutQualifier(label).split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.test(words[words.length - 1]!.replace(/,$/, ''))) words.pop();
  if (words.length < 2) return null;
  if (words.some((w) => /^(of|the)$/i.test(w)) || /^[IVXL]+$/.test(words[words.length - 1]!)) return null;
  if (words.every((w) => w === words[0])) return null;
  if (FAMILY_NAME_FIRST.test(description)) return /^\p{Lu}[\p{L}\p{M}'’\-]+$/u.test(words[0]!) ? cleanName(words[0]!) : null;
  let from = words.length - 1;
  while (from > 1 && PARTICLES.has(words[from - 1]!)) from--;
  const last = words.slice(from).join(' ').replace(/,$/, '');
  // A surname is a capitalised word ("Blair", "O'Neill", "Carder-Andrews"), not "Inc." or "3".
  if (!/^\p{Lu}[\p{L}\p{M}'’\-]+$/u.test(words[words.length - 1]!.replace(/,$/, ''))) return null;
  return cleanName(last);
}

/** Names derived for an entity of a type from its label and aliases (not the partial aliases). */
export function derivedNames(type: KbType, names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (type === 'organization') out.push(...derivedOrganizationNames(name));
    if (type === 'place' || type === 'organization') {
      const unqualified = withoutQualifier(name);
      if (unqualified !== name) out.push(unqualified);
    }
    if (type === 'place') {
      // "Racławice, Kraków County" is written "Racławice".
      const comma = name.indexOf(', ');
      if (comma > 0 && comma === name.lastIndexOf(', ')) out.push(name.slice(0, comma));
    }
  }
  return out;
}
