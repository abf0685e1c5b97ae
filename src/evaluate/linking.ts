import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, Mention } from '../types.ts';

/** A hand-checked name mention of the linking gold (tests/gold/linking/): its entity's QID, or null when the knowledge base lacks it. */
export interface GoldLink {
  start: number;
  end: number;
  /** The name as written. */
  exact: string;
  type: 'person' | 'organization' | 'place';
  /** The QID of the knowledge-base entity it names, or null: the linker should leave it unlinked. */
  wikidata: string | null;
}

/** One gold file: a BBC article (by path under the shared corpora and SHA-256) and every person, organisation and place name in it. */
export interface LinkingGoldFile {
  /** Path under `../shared/`, e.g. `corpora/bbc-news/politics/277.txt`. */
  file: string;
  sha256: string;
  mentions: GoldLink[];
}

/** A predicted mention as the scorer needs it: its span and the QID it was linked to (null: unlinked). */
export interface PredictedLink {
  start: number;
  end: number;
  wikidata: string | null;
}

/** Linking figures over gold mentions. */
export interface LinkingScore {
  /** Gold mentions. */
  mentions: number;
  /** Gold mentions whose entity the knowledge base holds (a QID). */
  held: number;
  /** Predicted links (a QID) at gold mentions. */
  linked: number;
  /** Links to the gold QID. */
  correct: number;
  /** Links to another QID where the gold has one. */
  wrong: number;
  /** Links where the gold says none (the knowledge base lacks the entity). */
  shouldBeNone: number;
  /** Gold mentions with a QID that got no link. */
  missed: number;
  /** correct / linked: of the links made at gold mentions, the share that is right (1 when none was made). */
  precision: number;
  /** correct / held: of the mentions whose entity the knowledge base holds, the share linked right (1 when none). */
  coverage: number;
}

/** The predicted mention that answers for a gold mention: the one overlapping it most (the earliest on a tie), or null. */
function answer(gold: GoldLink, predicted: PredictedLink[]): PredictedLink | null {
  let best: PredictedLink | null = null;
  let bestOverlap = 0;
  for (const p of predicted) {
    const overlap = Math.min(p.end, gold.end) - Math.max(p.start, gold.start);
    if (overlap > bestOverlap || (overlap === bestOverlap && overlap > 0 && best && p.start < best.start)) {
      best = p;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Scores predicted links against gold mentions. A gold mention is answered by the predicted
 * mention that overlaps it most ("Blair" answers "Mr Blair"); predicted mentions that overlap no
 * gold mention are not counted (the gold marks every name, so they are not names).
 * precision = correct / linked, coverage = correct / held.
 */
export function scoreLinking(gold: GoldLink[], predicted: PredictedLink[]): LinkingScore {
  let linked = 0;
  let correct = 0;
  let wrong = 0;
  let shouldBeNone = 0;
  let missed = 0;
  for (const g of gold) {
    const link = answer(g, predicted)?.wikidata ?? null;
    if (link) linked++;
    if (link && link === g.wikidata) correct++;
    else if (link && g.wikidata) wrong++;
    else if (link) shouldBeNone++;
    else if (g.wikidata) missed++;
  }
  const held = gold.filter((g) => g.wikidata).length;
  return { mentions: gold.length, held, linked, correct, wrong, shouldBeNone, missed, precision: linked ? correct / linked : 1, coverage: held ? correct / held : 1 };
}

/** Adds up the scores of several files. */
export function addLinkingScores(scores: LinkingScore[]): LinkingScore {
  const sum = (k: 'mentions' | 'held' | 'linked' | 'correct' | 'wrong' | 'shouldBeNone' | 'missed'): number => scores.reduce((a, s) => a + s[k], 0);
  const linked = sum('linked');
  const held = sum('held');
  const correct = sum('correct');
  return { mentions: sum('mentions'), held, linked, correct, wrong: sum('wrong'), shouldBeNone: sum('shouldBeNone'), missed: sum('missed'), precision: linked ? correct / linked : 1, coverage: held ? correct / held : 1 };
}

/** The links of annotated mentions: each mention's entity's QID, if it has one. */
export function predictedLinks(mentions: Mention[], entities: Map<string, Entity> | Entity[]): PredictedLink[] {
  const byId = entities instanceof Map ? entities : new Map(entities.map((e) => [e.id, e]));
  return mentions.filter((m) => m.type !== 'date').map((m) => ({ start: m.start, end: m.end, wikidata: (m.entityId && byId.get(m.entityId)?.wikidata) || null }));
}

/** The linking gold files of a folder, in name order. */
export function readLinkingGold(dir: string): Array<{ name: string; gold: LinkingGoldFile }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, gold: JSON.parse(readFileSync(join(dir, name), 'utf8')) as LinkingGoldFile }));
}

/** Whether a gold file's article is the one it was made on (same SHA-256). */
export function sameArticle(gold: LinkingGoldFile, bytes: Uint8Array): boolean {
  return createHash('sha256').update(bytes).digest('hex') === gold.sha256;
}

/** What `evaluateLinkingSet` found: the pooled score, per-file scores, and files it could not use. */
export interface LinkingReport {
  score: LinkingScore;
  files: Array<{ name: string; score: LinkingScore }>;
  /** Gold files whose article is missing or changed (SHA-256), with the reason. */
  skipped: string[];
  /** Every wrong link and link that should be none, for `--errors`. */
  errors: string[];
}

/**
 * Scores a linker on the linking gold: `link(path, file)` annotates the article at `path` (the
 * gold's `file` under `sharedRoot`) and returns its predicted links, or null when it cannot.
 */
export function evaluateLinkingSet(goldDir: string, sharedRoot: string, link: (path: string, file: string) => PredictedLink[] | null): LinkingReport {
  const files: LinkingReport['files'] = [];
  const skipped: string[] = [];
  const errors: string[] = [];
  for (const { name, gold } of readLinkingGold(goldDir)) {
    const path = join(sharedRoot, gold.file);
    if (!existsSync(path) || !sameArticle(gold, readFileSync(path))) {
      skipped.push(`${name}: ${gold.file} is ${existsSync(path) ? 'not the article the gold was made on (SHA-256 differs)' : 'missing'}`);
      continue;
    }
    const predicted = link(path, gold.file);
    if (!predicted) {
      skipped.push(`${name}: ${gold.file} did not annotate`);
      continue;
    }
    files.push({ name, score: scoreLinking(gold.mentions, predicted) });
    for (const g of gold.mentions) {
      const got = answer(g, predicted)?.wikidata ?? null;
      if (got && got !== g.wikidata) errors.push(`${name} ${JSON.stringify(g.exact)} at ${g.start}: linked ${got}, gold ${g.wikidata ?? 'none'}`);
    }
  }
  return { score: addLinkingScores(files.map((f) => f.score)), files, skipped, errors };
}

/** How many person, organisation and place mentions carry a Wikidata link, in all and per type. */
export interface LinkedShare {
  mentions: number;
  linked: number;
  share: number;
  byType: Record<'person' | 'organization' | 'place', { mentions: number; linked: number; share: number }>;
}

/** Counts the person, organisation and place mentions of annotated articles that link to a QID. */
export function linkedShare(articles: Iterable<Mention[]>, entities: Map<string, Entity>): LinkedShare {
  const byType: LinkedShare['byType'] = { person: { mentions: 0, linked: 0, share: 0 }, organization: { mentions: 0, linked: 0, share: 0 }, place: { mentions: 0, linked: 0, share: 0 } };
  for (const mentions of articles) {
    for (const m of mentions) {
      if (m.type !== 'person' && m.type !== 'organization' && m.type !== 'place') continue;
      const tally = byType[m.type];
      tally.mentions++;
      if (m.entityId && entities.get(m.entityId)?.wikidata) tally.linked++;
    }
  }
  for (const t of Object.values(byType)) t.share = t.mentions ? t.linked / t.mentions : 0;
  const mentions = Object.values(byType).reduce((n, t) => n + t.mentions, 0);
  const linked = Object.values(byType).reduce((n, t) => n + t.linked, 0);
  return { mentions, linked, share: mentions ? linked / mentions : 0, byType };
}
