import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { annotate, type Annotator } from '../annotate/index.ts';
import { clusterClaims } from '../annotate/clusters.ts';
import { ingestFile } from '../ingest/index.ts';
import type { AnnotationDocument, ArticleMeta, Claim, Entity, Mention } from '../types.ts';

/** A hand-made gold mention (tests/gold/). */
export interface GoldMention {
  start: number;
  end: number;
  exact: string;
  type: Mention['type'];
  entity: string | null;
  form?: Mention['form'];
  refersTo?: string;
  value?: string | null;
}

/** A hand-made gold claim (tests/gold/). */
export interface GoldClaim {
  start: number;
  end: number;
  exact: string;
  source: string;
  sourceEntity: string | null;
  cue: string;
  quote: boolean;
  polarity: Claim['polarity'];
  hedged: boolean;
  cluster?: string | null;
}

/** One gold file: the article it annotates and its annotations. */
export interface GoldFile {
  source: string;
  mentions: GoldMention[];
  claims: GoldClaim[];
}

/** Precision, recall and F1 with their counts. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Entity scores: strict (same span, same type) per type and overall, plus linking accuracy. */
export interface EntityReport {
  byType: Record<string, Score>;
  overall: Score;
  /** person, organization and place together: the headline figure. */
  named: Score;
  linking: { correct: number; total: number; accuracy: number };
  errors: string[];
}

/** Claim scores: detection by span overlap, then attributes of the matched claims. */
export interface ClaimReport {
  detection: Score;
  source: { correct: number; total: number; accuracy: number };
  polarity: { correct: number; total: number; accuracy: number };
  hedged: { correct: number; total: number; accuracy: number };
  quote: { correct: number; total: number; accuracy: number };
  errors: string[];
}

const TYPES: Array<Mention['type']> = ['person', 'organization', 'place', 'event', 'date'];

/** Scores predicted mentions against gold: strict span and type. */
export function scoreMentions(gold: GoldMention[], predicted: Mention[], label = ''): EntityReport {
  const key = (m: { start: number; end: number; type: string }): string => `${m.start}:${m.end}:${m.type}`;
  const predictedByKey = new Map(predicted.map((m) => [key(m), m]));
  const goldKeys = new Set(gold.map(key));
  const byType: Record<string, Score> = {};
  const errors: string[] = [];
  let linked = 0;
  let linkTotal = 0;
  for (const type of TYPES) {
    const g = gold.filter((m) => m.type === type);
    const p = predicted.filter((m) => m.type === type);
    const tp = g.filter((m) => predictedByKey.has(key(m))).length;
    byType[type] = score(tp, p.length - tp, g.length - tp);
  }
  for (const m of gold) {
    const hit = predictedByKey.get(key(m));
    if (!hit) errors.push(`${label} missed ${m.type} ${JSON.stringify(m.exact)} at ${m.start}`);
    if (hit && m.entity) {
      linkTotal++;
      if (hit.entityId === m.entity) linked++;
      else errors.push(`${label} linked ${JSON.stringify(m.exact)} at ${m.start} to ${hit.entityId}, gold ${m.entity}`);
    }
  }
  for (const m of predicted) if (!goldKeys.has(key(m))) errors.push(`${label} spurious ${m.type} ${JSON.stringify(m.exact)} at ${m.start}`);
  const sum = (types: string[]): Score => {
    const s = types.map((t) => byType[t]!);
    return score(s.reduce((a, x) => a + x.tp, 0), s.reduce((a, x) => a + x.fp, 0), s.reduce((a, x) => a + x.fn, 0));
  };
  return { byType, overall: sum(TYPES), named: sum(['person', 'organization', 'place']), linking: { correct: linked, total: linkTotal, accuracy: linkTotal ? linked / linkTotal : 1 }, errors };
}

function normaliseSource(s: string): string {
  return s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** A predicted claim matches a gold claim when they overlap by at least half the shorter of the two. */
export function claimsMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= Math.min(a.end - a.start, b.end - b.start) / 2;
}

/** The seed gold's source check: the same entity, or the same words once "the" and spacing are set aside. */
function sameSource(g: GoldClaim, p: Claim): boolean {
  return (g.sourceEntity !== null && g.sourceEntity === p.sourceEntityId) || normaliseSource(g.source) === normaliseSource(p.source);
}

/**
 * Scores predicted claims against gold: one-to-one matching by overlap, then source, polarity,
 * hedge, quote. `sourceMatches` decides whether a source is right (a gold set may accept every
 * name the article gives a person).
 */
export function scoreClaims(gold: GoldClaim[], predicted: Claim[], label = '', sourceMatches: (g: GoldClaim, p: Claim) => boolean = sameSource): ClaimReport & { pairs: Array<[GoldClaim, Claim]> } {
  const used = new Set<number>();
  const pairs: Array<[GoldClaim, Claim]> = [];
  const errors: string[] = [];
  for (const g of gold) {
    const i = predicted.findIndex((p, k) => !used.has(k) && claimsMatch(g, p));
    if (i < 0) {
      errors.push(`${label} missed claim ${JSON.stringify(g.exact.slice(0, 70))}`);
      continue;
    }
    used.add(i);
    pairs.push([g, predicted[i]!]);
  }
  predicted.forEach((p, k) => {
    if (!used.has(k)) errors.push(`${label} spurious claim ${JSON.stringify(p.exact.slice(0, 70))} (source ${p.source})`);
  });
  const acc = (ok: (g: GoldClaim, p: Claim) => boolean, what: string): { correct: number; total: number; accuracy: number } => {
    let correct = 0;
    for (const [g, p] of pairs) {
      if (ok(g, p)) correct++;
      else errors.push(`${label} ${what}: gold ${JSON.stringify(what === 'source' ? g.source : what === 'polarity' ? g.polarity : what === 'hedged' ? g.hedged : g.quote)} predicted ${JSON.stringify(what === 'source' ? p.source : what === 'polarity' ? p.polarity : what === 'hedged' ? p.hedged : p.quote)} in ${JSON.stringify(g.exact.slice(0, 50))}`);
    }
    return { correct, total: pairs.length, accuracy: pairs.length ? correct / pairs.length : 1 };
  };
  return {
    detection: score(pairs.length, predicted.length - pairs.length, gold.length - pairs.length),
    source: acc(sourceMatches, 'source'),
    polarity: acc((g, p) => g.polarity === p.polarity, 'polarity'),
    hedged: acc((g, p) => g.hedged === p.hedged, 'hedged'),
    quote: acc((g, p) => g.quote === p.quote, 'quote'),
    errors,
    pairs,
  };
}

/** Cluster purity: for each predicted cluster, the share of its members in its most common gold cluster. */
export function clusterPurity(pairs: Array<[GoldClaim, Claim]>): { purity: number; clusters: number; members: number; pairPrecision: number; pairRecall: number } {
  const byPredicted = new Map<string, string[]>();
  for (const [g, p] of pairs) {
    if (!p.clusterId) continue;
    const list = byPredicted.get(p.clusterId) ?? [];
    list.push(g.cluster ?? `none:${g.start}`);
    byPredicted.set(p.clusterId, list);
  }
  let majority = 0;
  let members = 0;
  for (const list of byPredicted.values()) {
    const counts = new Map<string, number>();
    for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
    majority += Math.max(...counts.values());
    members += list.length;
  }
  // Pairwise: of claim pairs from different articles, those grouped together by us and by the gold.
  let both = 0;
  let ours = 0;
  let theirs = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [ga, pa] = pairs[i]!;
      const [gb, pb] = pairs[j]!;
      if (pa.articleId === pb.articleId) continue;
      const predicted = pa.clusterId !== null && pa.clusterId === pb.clusterId;
      const gold = ga.cluster != null && ga.cluster === gb.cluster;
      if (predicted) ours++;
      if (gold) theirs++;
      if (predicted && gold) both++;
    }
  }
  return { purity: members ? majority / members : 1, clusters: byPredicted.size, members, pairPrecision: ours ? both / ours : 1, pairRecall: theirs ? both / theirs : 1 };
}

/** Everything `npm run eval` reports for one gold set. */
export interface SetReport {
  name: string;
  files: number;
  entities: EntityReport;
  claims: ClaimReport;
  clusters: { purity: number; clusters: number; members: number; pairPrecision: number; pairRecall: number };
}

function pool<T extends { errors: string[] }>(reports: T[], merge: (a: T, b: T) => T): T {
  return reports.reduce(merge);
}

function addScore(a: Score, b: Score): Score {
  return score(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn);
}

function addAcc(a: { correct: number; total: number }, b: { correct: number; total: number }): { correct: number; total: number; accuracy: number } {
  const correct = a.correct + b.correct;
  const total = a.total + b.total;
  return { correct, total, accuracy: total ? correct / total : 1 };
}

/** Annotates each gold file's article with the knowledge base and scores the set. */
export function evaluateSet(name: string, goldDir: string, root: string, annotator: Annotator): SetReport {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'clusters.json').sort();
  const golds: GoldFile[] = files.map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile);
  const documents: AnnotationDocument[] = golds.map((gold) => {
    const path = join(root, gold.source);
    const sidecar = path.replace(/\.(txt|md)$/, '.meta.json');
    const meta = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as ArticleMeta) : {};
    const { article } = ingestFile(path, gold.source, meta);
    if (!article) throw new Error(`gold source ${gold.source} does not ingest`);
    return annotate(article, annotator).document;
  });
  const { documents: clustered } = clusterClaims(documents, new Map(), annotator.gazetteer.entities);
  const entityReports = golds.map((gold, i) => scoreMentions(gold.mentions, clustered[i]!.mentions, basename(gold.source)));
  const claimReports = golds.map((gold, i) => scoreClaims(gold.claims, clustered[i]!.claims, basename(gold.source)));
  const entities = pool(entityReports, (a, b) => {
    const byType: Record<string, Score> = {};
    for (const t of TYPES) byType[t] = addScore(a.byType[t]!, b.byType[t]!);
    return { byType, overall: addScore(a.overall, b.overall), named: addScore(a.named, b.named), linking: addAcc(a.linking, b.linking), errors: [...a.errors, ...b.errors] };
  });
  const claims = pool(claimReports, (a, b) => ({
    detection: addScore(a.detection, b.detection),
    source: addAcc(a.source, b.source),
    polarity: addAcc(a.polarity, b.polarity),
    hedged: addAcc(a.hedged, b.hedged),
    quote: addAcc(a.quote, b.quote),
    errors: [...a.errors, ...b.errors],
    pairs: [...a.pairs, ...b.pairs],
  }));
  return { name, files: golds.length, entities, claims, clusters: clusterPurity(claims.pairs) };
}
