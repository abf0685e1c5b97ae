import { statistic } from './deps.ts';
import { entityHref, type SiteData } from './site.ts';

/**
 * The entity names search knows: for each entity the corpus mentions, its label, its aliases and
 * adjectival forms from the knowledge base, and every spelling the articles used for it
 * ("Vladivostock"), normalised as the search box normalises a query (src/site/assets/names.js).
 * Split into small files by the first two letters of a word (`/search/names/vl.json`): a name
 * sits in the file of each of its words, so that "jong" finds Kim Jong-un and "putin" Vladimir
 * Putin, and the search box fetches only the files of the words typed (suggestions start at the
 * second letter). `/search/names/index.json` lists the files there are, so that none is asked for
 * in vain. Entities of the knowledge base that no article mentions are left out, however large
 * the knowledge base. On the BBC archive (8,038 entities) the largest file by first letter alone
 * was 48 KB gzipped; by two letters, no file comes near the 100 KB the search box may load.
 */

/** Classes of a word's first two characters: a letter, `0` for a digit, `_` for anything else (or none). */
const CLASSES: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', '0', '_'];

/** Every possible file key, two classes each. */
export const NAME_BUCKETS: readonly string[] = CLASSES.flatMap((a) => CLASSES.map((b) => a + b));

/** A name as the search box compares it: no accents, lower case, punctuation and hyphens as spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function classOf(c: string): string {
  return c >= 'a' && c <= 'z' ? c : c >= '0' && c <= '9' ? '0' : '_';
}

/** The file a normalised word belongs to: the classes of its first two characters. */
export function bucketOf(word: string): string {
  return classOf(word.charAt(0)) + classOf(word.charAt(1));
}

/**
 * One file's content: `entities` as `[id, label, type, articles, mentions]`, and `names` as
 * `[normalised, index into entities, as written]`, the written form left out when it is the label.
 * An entity without a page of its own (a name found in a single article, see hasOwnPage) has a
 * sixth item, where it leads instead: its first mention in that article.
 */
export interface NameFile {
  entities: Array<[string, string, string, number, number] | [string, string, string, number, number, string]>;
  names: Array<[string, number] | [string, number, string]>;
}

const made = new WeakMap<SiteData, Map<string, NameFile>>();

/**
 * Every name file that has names, by key (sorted), the entities of each in the order of how many
 * articles mention them. Made once per site; weakly held, so the site data can be let go.
 */
export function nameFiles(site: SiteData): Map<string, NameFile> {
  const cached = made.get(site);
  if (cached) return cached;
  const files = new Map<string, NameFile>(NAME_BUCKETS.map((b) => [b, { entities: [], names: [] }]));
  const spellings = new Map<string, Set<string>>();
  for (const doc of site.documents) {
    for (const m of doc.mentions) {
      if (!m.entityId) continue;
      const set = spellings.get(m.entityId) ?? spellings.set(m.entityId, new Set()).get(m.entityId)!;
      set.add(m.exact.replace(/\s+/g, ' '));
    }
  }
  /** Where an entity without a page leads: its first mention, in the one article that names it. */
  const elsewhere = (id: string): string => {
    const [articleId, mentions] = [...site.mentionsByEntity.get(id)!][0]!;
    const first = mentions.reduce((a, b) => (b.start < a.start ? b : a));
    return `/articles/${articleId}/#${first.id}`;
  };
  const ranked = [...site.entities].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0));
  for (const { entity, articles, mentions } of ranked) {
    const written = [entity.label, ...entity.aliases, ...entity.adjectivals, ...[...(spellings.get(entity.id) ?? [])].sort()];
    const byNormal = new Map<string, string>();
    for (const w of written) {
      const normal = normaliseName(w);
      if (normal && !byNormal.has(normal)) byNormal.set(normal, w);
    }
    const index = new Map<string, number>();
    for (const [normal, w] of byNormal) {
      for (const bucket of new Set(normal.split(' ').map(bucketOf))) {
        const file = files.get(bucket)!;
        let i = index.get(bucket);
        if (i === undefined) {
          i = file.entities.length;
          file.entities.push(entityHref(site, entity.id) ? [entity.id, entity.label, entity.type, articles, mentions] : [entity.id, entity.label, entity.type, articles, mentions, elsewhere(entity.id)]);
          index.set(bucket, i);
        }
        file.names.push(w === entity.label ? [normal, i] : [normal, i, w]);
      }
    }
  }
  const kept = new Map([...files].filter(([, f]) => f.names.length > 0));
  made.set(site, kept);
  return kept;
}

/**
 * What the name file of a key holds (for `index`, the list of keys that have one); a page that
 * writes it depends on that alone, not on every entity (deps.ts).
 */
export const nameFileContent = statistic('names', (site: SiteData, key: string): NameFile | string[] | null => (key === 'index' ? [...nameFiles(site).keys()] : (nameFiles(site).get(key) ?? null)));
