/**
 * Truecasing for sentences written in capitals ("SOCCER - LEEDS BEAT ARSENAL"): each word is read
 * in the case the article itself uses for it elsewhere, else the case it usually has in the
 * training text, else with an initial capital (an unknown word in capitals is most often a name).
 * The tagger's word features then see "Leeds beat Arsenal" and keep their meaning.
 */

/** Lower-case word → its usual written form. */
export type CasingLexicon = Map<string, string>;

/** Whether a sentence of these words is written in capitals: at least two words of two letters or more, nine in ten cased letters upper case. */
export function inCapitals(words: string[]): boolean {
  let upper = 0;
  let lower = 0;
  let long = 0;
  for (const w of words) {
    let letters = 0;
    for (const ch of w) {
      if (/\p{Lu}/u.test(ch)) {
        upper++;
        letters++;
      } else if (/\p{Ll}/u.test(ch)) {
        lower++;
        letters++;
      }
    }
    if (letters >= 2) long++;
  }
  return long >= 2 && upper >= 0.9 * (upper + lower);
}

/** Counts written forms of words seen inside sentences (not first) that are not in capitals. */
export class CasingCounter {
  private readonly counts = new Map<string, Map<string, number>>();

  add(word: string): void {
    if (!/\p{L}/u.test(word)) return;
    const key = word.toLowerCase();
    let forms = this.counts.get(key);
    if (!forms) this.counts.set(key, (forms = new Map()));
    forms.set(word, (forms.get(word) ?? 0) + 1);
  }

  /** The most frequent form of each word (ties broken by code-unit order), for words seen `minCount` times or more. */
  lexicon(minCount = 1): CasingLexicon {
    const out: CasingLexicon = new Map();
    for (const key of [...this.counts.keys()].sort()) {
      const forms = [...this.counts.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const total = forms.reduce((n, [, c]) => n + c, 0);
      if (total >= minCount && forms[0]![0] !== key) out.set(key, forms[0]![0]);
      else if (total >= minCount) out.set(key, key);
    }
    return out;
  }
}

/** The usual form of a word written in capitals: the article's own, the lexicon's, or with an initial capital. */
export function truecase(word: string, article: CasingLexicon, lexicon: CasingLexicon): string {
  if (!/\p{L}/u.test(word)) return word;
  const key = word.toLowerCase();
  const known = article.get(key) ?? lexicon.get(key);
  if (known) return known;
  // A short all-capitals word the article and lexicon do not know is likely an acronym ("NYMEX").
  if ([...word].length <= 4) return word;
  return word.charAt(0) + key.slice(1);
}
