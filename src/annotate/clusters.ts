import { slugify } from '../ingest/index.ts';
import type { AnnotationDocument, Claim, Cluster, Entity } from '../types.ts';
import { withoutLinks } from '../text/links.ts';

/** Claims at least this similar (see `similarity`) state the same proposition; chosen on the seed gold (npm run eval). */
export const SIMILARITY_THRESHOLD = 0.45;

/** Terms shared by more claims than this are too common to suggest a shared proposition. */
const MAX_POSTING = 64;

const STOP = new Set('a an the and or but if of to in on at by for with from as that this these those it its is are was were be been being has have had will would can could may might must should shall do does did not no nor so than then there their they them he she his her we our you your i me my which who whom whose what when where while although though however also just only even very more most such any some all both each other into over under about after before between against during without within because since until unless whether yet said says say told added noted warned argued believes believe suggests suggest according claims claimed denied hinted quotation mr mrs ms dr'.split(' '));

/** A crude English stem: enough to match "supplies"/"supplying"/"supplied", "shells"/"shell". */
export function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/(ies|ied)$/, 'y')
    .replace(/(ing|ed|es|s)$/, '')
    .replace(/(.)\1$/, '$1');
}

/**
 * Newsroom paraphrase classes: words that state the same thing in reports of one proposition
 * ("provided arms" / "buying shells and rockets"). Each stem maps to its class name.
 */
const CONCEPTS: Record<string, string[]> = {
  '#weapons': ['arm', 'weapon', 'weaponry', 'munition', 'ammunition', 'shell', 'rocket', 'missile', 'artillery', 'armour', 'armor', 'armoury', 'armory', 'drone', 'gun', 'bullet', 'warhead', 'military equipment'],
  '#supply': ['supply', 'provid', 'provide', 'sell', 'sale', 'sold', 'buy', 'bought', 'purchas', 'purchase', 'transfer', 'ship', 'shipment', 'acquir', 'acquire', 'acquisition', 'deliver', 'delivery', 'export', 'import', 'trade', 'deal', 'send', 'sent'],
  '#warn': ['warn', 'warning', 'threat', 'threaten', 'pay', 'price', 'consequence', 'punish', 'penalt'],
  '#nuclear': ['nuclear', 'atomic', 'warhead', 'proliferation'],
  '#help': ['help', 'aid', 'assist', 'assistance', 'support', 'boost', 'back', 'backing'],
  '#talks': ['talk', 'meet', 'meeting', 'summit', 'visit', 'negotiat', 'discuss', 'discussion'],
  '#sanction': ['sanction', 'embargo', 'restriction', 'ban'],
  '#deny': ['deny', 'deni', 'denial', 'reject', 'refut'],
};
const CONCEPT_OF = new Map<string, string>();
for (const [concept, words] of Object.entries(CONCEPTS)) for (const w of words) CONCEPT_OF.set(stem(w), concept);

/** The claim's reported proposition: its text after the reporting cue when the cue opens it. */
function propositionText(claim: Claim): string {
  const text = claim.exact;
  const at = claim.cue && claim.cue !== 'quotation' ? text.indexOf(claim.cue) : -1;
  return at >= 0 && at < text.length / 2 ? text.slice(at + claim.cue.length) : text;
}

/** The words that carry a claim's proposition (paraphrase classes where known), plus the entities it names. */
export function claimTerms(claim: Claim): string[] {
  const words = propositionText(claim)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => CONCEPT_OF.get(stem(w)) ?? stem(w));
  return [...words, ...claim.entityIds.map((id) => `@${id}`)];
}

type Vector = Map<string, number>;

function tfidf(terms: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? 0));
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
  return sum;
}

/**
 * How alike two claims are: the mean of the TF-IDF cosine of their words and the Jaccard overlap
 * of their paraphrase classes and entities, zero when they share no paraphrase class at all.
 */
export function similarity(a: string[], b: string[], va: Vector, vb: Vector): number {
  return similarityOf(features(a), features(b), va, vb);
}

/** A claim's paraphrase classes (`#…`) and entities (`@…`), the terms that similarity() matches. */
function features(terms: string[]): Set<string> {
  return new Set(terms.filter((t) => t.startsWith('#') || t.startsWith('@')));
}

/** similarity() of two claims whose features and vectors are made already. */
function similarityOf(fa: Set<string>, fb: Set<string>, va: Vector, vb: Vector): number {
  let shared = 0;
  let sharedConcepts = 0;
  for (const x of fa) {
    if (!fb.has(x)) continue;
    shared++;
    if (x.startsWith('#')) sharedConcepts++;
  }
  if (sharedConcepts === 0) return 0;
  const jaccard = shared / (fa.size + fb.size - shared || 1);
  return (cosine(va, vb) + jaccard) / 2;
}

/** A readable statement of a claim's proposition: its reported content, first letter up, at most 14 words. */
export function propositionOf(claim: Claim): string {
  let text = withoutLinks(claim.exact).replace(/\s+/g, ' ').trim();
  if (claim.cue && claim.cue !== 'quotation') {
    // The main clause's cue is the last one in the first half: "officials, who first said X, said Y".
    let at = -1;
    for (let i = text.indexOf(claim.cue); i >= 0 && i < text.length / 2; i = text.indexOf(claim.cue, i + 1)) at = i;
    if (at >= 0) text = text.slice(at + claim.cue.length).replace(/^\s*(?:on \w+\s+)?(that\s+)?/, '');
  }
  text = text.replace(/^[“"‘,:\s]+/, '').replace(/[”"’.,;:!?\s]+$/, '').replace(/,?[”"]?\s*(said|says|added)\s[^,]*$/, '');
  // A pronoun subject stands for the source: "it has not provided arms" → "North Korea has not…".
  text = text.replace(/^(it|they|he|she)\b/i, claim.source);
  // Quotation marks cut in half by the label are dropped.
  if ((text.match(/[“”"]/g) ?? []).length % 2 === 1) text = text.replace(/[“”"]/g, '');
  const words = text.split(' ');
  const short = words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : text;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/**
 * Groups claims of different articles that state the same proposition (single-link over TF-IDF
 * cosine similarity of their content words and entities), keeps the curated clusters, and labels
 * each cluster with the proposition of its most central claim unless an editor gave a label.
 */
export function clusterClaims(documents: AnnotationDocument[], curatedLabels: Map<string, string>, entities: Map<string, Entity> = new Map()): { documents: AnnotationDocument[]; clusters: Cluster[] } {
  const claims = documents.flatMap((d) => d.claims);
  // A capital stands for its country and a person is not a proposition: compare what is claimed, about which places and bodies.
  const normalise = (id: string): string | null => {
    const e = entities.get(id);
    if (e?.type === 'person') return null;
    return e?.capitalOf ?? id;
  };
  const terms = claims.map((c) => claimTerms({ ...c, entityIds: [...new Set([...c.entityIds, ...(c.sourceEntityId ? [c.sourceEntityId] : [])].map(normalise).filter((x): x is string => x !== null))] }));
  const df = new Map<string, number>();
  for (const ts of terms) for (const t of new Set(ts)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = claims.length;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log((n + 1) / (f + 0.5)));
  const vectors = terms.map((ts) => tfidf(ts, idf));
  const featureSets = terms.map(features);

  // Only claims that share a term found in at most MAX_POSTING claims are compared, so the work
  // grows with the corpus, not with its square.
  const posting = new Map<string, number[]>();
  terms.forEach((ts, i) => {
    for (const t of new Set(ts)) if ((df.get(t) ?? 0) <= MAX_POSTING) (posting.get(t) ?? posting.set(t, []).get(t)!).push(i);
  });
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [parent[i], i] = [r, parent[i]!];
    return r;
  };
  const compared = new Set<number>();
  for (let a = 0; a < claims.length; a++) {
    if (claims[a]!.clusterId) continue;
    compared.clear();
    for (const t of new Set(terms[a])) {
      for (const b of posting.get(t) ?? []) {
        if (b <= a || compared.has(b) || claims[a]!.articleId === claims[b]!.articleId || claims[b]!.clusterId) continue;
        compared.add(b);
        if (find(a) !== find(b) && similarityOf(featureSets[a]!, featureSets[b]!, vectors[a]!, vectors[b]!) >= SIMILARITY_THRESHOLD) parent[find(a)] = find(b);
      }
    }
  }
  const groups = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const key = c.clusterId ?? `auto:${find(i)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
  });
  const assigned = new Map<string, string>();
  const clusters: Cluster[] = [];
  const used = new Set<string>();
  const ordered = [...groups.entries()].sort((a, b) => a[1][0]! - b[1][0]!);
  for (const [key, members] of ordered) {
    const curated = !key.startsWith('auto:');
    const articles = new Set(members.map((i) => claims[i]!.articleId));
    if (!curated && articles.size < 2) continue;
    const central = members.reduce((best, i) => {
      const score = members.reduce((s, j) => s + cosine(vectors[i]!, vectors[j]!), 0);
      return score > best.score ? { i, score } : best;
    }, { i: members[0]!, score: -1 }).i;
    const label = (curated ? curatedLabels.get(key) : undefined) ?? propositionOf(claims[central]!);
    let id = curated ? key : `k-${slugify(label).split('-').slice(0, 8).join('-') || 'claim'}`;
    if (!curated) {
      const base = id;
      for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    }
    used.add(id);
    for (const i of members) assigned.set(claims[i]!.id, id);
    clusters.push({ id, label, claimIds: members.map((i) => claims[i]!.id), method: curated ? 'curated' : 'similarity' });
  }
  const out = documents.map((d) => ({ ...d, claims: d.claims.map((c) => ({ ...c, clusterId: assigned.get(c.id) ?? null })) }));
  return { documents: out, clusters: clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
