// Gloss: the entity names search knows (built by src/render/names.ts into /search/names/XY.json,
// one file per first two letters of a word, listed in index.json). Suggestions as you type, and
// recognising the entities a query names however it spells them. Files are fetched on demand and
// kept.

/** A name as it is compared: no accents, lower case, punctuation and hyphens as spaces (as normaliseName in src/render/names.ts). */
export function normalise(name) {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const classOf = (c) => (c >= 'a' && c <= 'z' ? c : c >= '0' && c <= '9' ? '0' : '_');

/** The file of a normalised word (as bucketOf in src/render/names.ts). */
function bucketOf(word) {
  return classOf(word.charAt(0)) + classOf(word.charAt(1));
}

const EMPTY = { entities: [], names: [] };
const json = (url, fallback) => fetch(url).then((r) => (r.ok ? r.json() : fallback), () => fallback);
let index = null;
const files = new Map();

/** One key's names and entities, fetched once, and only when the index lists it. */
async function load(bucket) {
  index ??= json('/search/names/index.json', []).then((keys) => new Set(keys));
  if (!(await index).has(bucket)) return EMPTY;
  if (!files.has(bucket)) files.set(bucket, json(`/search/names/${bucket}.json`, EMPTY));
  return files.get(bucket);
}

/** Starts fetching what a query's first word needs (the index on focus, its file once typed). */
export function prefetch(text) {
  const first = normalise(text || '').split(' ')[0] || '';
  return first.length >= 2 ? load(bucketOf(first)) : load('');
}

/**
 * An entity of a name file; `href` is its page, or, for a name found in a single article (which
 * has no page), its first mention there.
 */
const entityOf = ([id, label, type, articles, mentions, elsewhere]) => ({ id, label, type, articles, mentions, page: !elsewhere, href: elsewhere || `/entities/${encodeURIComponent(id)}/` });

/** An acronym must be typed in capitals to name its entity ("US", not "us"). */
const ACRONYM = /^[A-Z]{2,5}$/;

/**
 * Entities whose names start with the query, or with a word of it (at a word of the name):
 * `[{ entity, written }]`, best first (whole-name prefix, then articles), one per entity. From the
 * second letter typed.
 */
export async function suggest(query, limit = 8) {
  const q = normalise(query);
  if (q.length < 2) return [];
  const file = await load(bucketOf(q));
  const found = new Map();
  for (const [normal, i, written] of file.names) {
    const at = normal.startsWith(q) ? 0 : normal.includes(` ${q}`) ? 1 : -1;
    if (at < 0) continue;
    const entity = entityOf(file.entities[i]);
    const rank = [at, -entity.articles, -entity.mentions];
    const old = found.get(entity.id);
    if (!old || rank[0] < old.rank[0]) found.set(entity.id, { entity, written: written || entity.label, rank });
  }
  return [...found.values()]
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2] || a.entity.label.localeCompare(b.entity.label))
    .slice(0, limit)
    .map(({ entity, written }) => ({ entity, written }));
}

/** The longest run of words starting at `i` that is a name, with its entities, most mentioned first. */
async function nameAt(words, raw, i) {
  const file = await load(bucketOf(words[i]));
  for (let j = Math.min(words.length, i + 8); j > i; j--) {
    const phrase = words.slice(i, j).join(' ');
    const typed = raw.slice(i, j).join(' ');
    const entities = new Map();
    for (const [normal, k, written] of file.names) {
      if (normal !== phrase) continue;
      if (ACRONYM.test(written || file.entities[k][1]) && typed !== (written || file.entities[k][1])) continue;
      const e = entityOf(file.entities[k]);
      entities.set(e.id, e);
    }
    if (entities.size) return { end: j, entities: [...entities.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions) };
  }
  return null;
}

/**
 * The entities a query names, by any name or spelling, and the words left over:
 * `{ found: [{ written, entities }], rest }`. Names are matched longest first, left to right.
 */
export async function recognise(query) {
  const raw = query.normalize('NFKD').replace(/\p{M}+/gu, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const words = raw.map((w) => w.toLowerCase());
  const found = [];
  const rest = [];
  for (let i = 0; i < words.length; ) {
    const hit = await nameAt(words, raw, i);
    if (hit) {
      found.push({ written: raw.slice(i, hit.end).join(' '), entities: hit.entities });
      i = hit.end;
    } else rest.push(raw[i++]);
  }
  return { found, rest: rest.join(' ') };
}
