/**
 * The development gold for claims (issue 15): hand annotations of claims in articles of the
 * Worldwide Newswire corpus (`../shared/corpora/ner/worldwide/`), which the claim rules were not
 * written against. The gold holds no article text: each file names its corpus file and the
 * SHA-256 of the text rebuilt from its tokens, and each claim its code-point span into that text.
 * The text is rebuilt here at run time, as the recogniser's evaluation rebuilds it
 * (`src/annotate/tagger/corpus.ts`). See tests/gold/claims-dev/README.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, type Annotator } from '../annotate/index.ts';
import { articleOf, readWorldwideFile, rebuild } from '../annotate/tagger/corpus.ts';
import type { Claim, Entity, Mention } from '../types.ts';
import { scoreClaims, type ClaimReport, type GoldClaim } from './index.ts';

/** One hand-annotated claim of the development gold: a span and its attributes, no text. */
export interface DevGoldClaim {
  /** Code points into the rebuilt text. */
  start: number;
  end: number;
  /** Who makes it: as written, or the referent's name for a pronoun or a description. */
  source: string;
  /** Key into the file's `names` when the source is a named person or organisation. */
  sourceEntity: string | null;
  /** Other acceptable spellings of a source that is not a named entity ("officials" for "US officials"). */
  sourceAlso?: string[];
  cue: string;
  quote: boolean;
  polarity: Claim['polarity'];
  hedged: boolean;
}

/** One gold file: a Worldwide article by name and hash, the names of its sources, its claims. */
export interface DevGoldFile {
  file: string;
  sha256: string;
  /** Per source entity, every form the article names it by ("Mr Tribbeck", "Tribbeck"). */
  names: Record<string, string[]>;
  claims: DevGoldClaim[];
}

/** What `npm run eval` reports for a claims-only gold set, or why it was skipped. */
export interface ClaimSetReport {
  name: string;
  files: number;
  /** Set when the set could not be scored (its corpus is absent): the note to print instead. */
  skipped: string | null;
  claims: ClaimReport | null;
  /** Of matched claims whose source is a named entity, those whose `sourceEntityId` is that entity. */
  sourceLinked: { correct: number; total: number; accuracy: number } | null;
}

const normalise = (s: string): string =>
  s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Whether a predicted source names the gold source: as written, one of its accepted spellings,
 * any name the article gives the gold entity, or an entity id that the article's mentions of
 * that entity carry.
 */
function sourceMatcher(gold: DevGoldFile, mentions: Mention[]): { named: (g: DevGoldClaim, p: Claim) => boolean; linked: (g: DevGoldClaim, p: Claim) => boolean } {
  const namesOf = (g: DevGoldClaim): Set<string> => new Set((g.sourceEntity ? gold.names[g.sourceEntity] ?? [g.sourceEntity] : []).map(normalise));
  const linked = (g: DevGoldClaim, p: Claim): boolean => {
    if (!g.sourceEntity || !p.sourceEntityId) return false;
    const names = namesOf(g);
    return mentions.some((m) => m.entityId === p.sourceEntityId && names.has(normalise(m.exact)));
  };
  const named = (g: DevGoldClaim, p: Claim): boolean => {
    const accepted = new Set([g.source, ...(g.sourceAlso ?? [])].map(normalise));
    for (const n of namesOf(g)) accepted.add(n);
    return accepted.has(normalise(p.source)) || linked(g, p);
  };
  return { named, linked };
}

/**
 * Annotates each gold file's article (rebuilt from the corpus) with the whole annotator and scores
 * its claims: detection by overlap, then source, polarity, hedging and quotation of the matched
 * claims, and how many named sources are linked to their entity. Skips with a note when the
 * corpus folder is absent; throws when a corpus file is missing or its text is not the one
 * annotated (the SHA-256 differs), naming the file and the fix.
 */
export function evaluateClaimsDev(name: string, goldDir: string, corpusDir: string, annotator: Annotator): ClaimSetReport {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  if (!existsSync(corpusDir)) {
    return { name, files: files.length, skipped: `skipped: the Worldwide Newswire corpus is not at ${corpusDir}; put ../shared/ beside the project to score this set`, claims: null, sourceLinked: null };
  }
  const reports: Array<ClaimReport & { linked: number; linkTotal: number }> = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as DevGoldFile;
    const path = join(corpusDir, gold.file);
    if (!existsSync(path)) throw new Error(`${join(goldDir, f)}: the corpus file ${path} is missing; restore it from ../shared/corpora/ner/worldwide/ or remove this gold file`);
    const doc = { ...readWorldwideFile(path), hyphens: true };
    const article = articleOf(doc, rebuild(doc));
    if (article.sha256 !== gold.sha256) {
      throw new Error(`${join(goldDir, f)}: the text rebuilt from ${gold.file} has SHA-256 ${article.sha256}, the gold was made on ${gold.sha256}; the corpus file or the rebuilding (src/annotate/tagger/corpus.ts) changed, so re-annotate the file or restore them`);
    }
    const { mentions, claims } = annotate(article, annotator).document;
    const points = [...article.text];
    const byGold = new Map<GoldClaim, DevGoldClaim>();
    const golds: GoldClaim[] = gold.claims.map((g) => {
      const claim: GoldClaim = { start: g.start, end: g.end, exact: points.slice(g.start, g.end).join(''), source: g.source, sourceEntity: g.sourceEntity, cue: g.cue, quote: g.quote, polarity: g.polarity, hedged: g.hedged };
      byGold.set(claim, g);
      return claim;
    });
    const match = sourceMatcher(gold, mentions);
    const report = scoreClaims(golds, claims, gold.file.replace(/\.txt\.tsv$/, ''), (g, p) => match.named(byGold.get(g)!, p));
    const withEntity = report.pairs.filter(([g]) => byGold.get(g)!.sourceEntity);
    reports.push({ ...report, linked: withEntity.filter(([g, p]) => match.linked(byGold.get(g)!, p)).length, linkTotal: withEntity.length });
  }
  const sum = (pick: (r: ClaimReport) => { correct: number; total: number }): { correct: number; total: number; accuracy: number } => {
    const correct = reports.reduce((n, r) => n + pick(r).correct, 0);
    const total = reports.reduce((n, r) => n + pick(r).total, 0);
    return { correct, total, accuracy: total ? correct / total : 1 };
  };
  const tp = reports.reduce((n, r) => n + r.detection.tp, 0);
  const fp = reports.reduce((n, r) => n + r.detection.fp, 0);
  const fn = reports.reduce((n, r) => n + r.detection.fn, 0);
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const linked = reports.reduce((n, r) => n + r.linked, 0);
  const linkTotal = reports.reduce((n, r) => n + r.linkTotal, 0);
  return {
    name,
    files: files.length,
    skipped: null,
    claims: {
      detection: { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
      source: sum((r) => r.source),
      polarity: sum((r) => r.polarity),
      hedged: sum((r) => r.hedged),
      quote: sum((r) => r.quote),
      errors: reports.flatMap((r) => r.errors),
    },
    sourceLinked: { correct: linked, total: linkTotal, accuracy: linkTotal ? linked / linkTotal : 1 },
  };
}

/** The report as `npm run eval` prints it, with every disagreement when `errors` is set. */
export function formatClaimSet(report: ClaimSetReport, errors = false): string {
  const lines = [`\n${report.name}: ${report.files} gold articles (claims only)`];
  if (report.skipped || !report.claims) return [...lines, `  ${report.skipped}`].join('\n');
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const d = report.claims.detection;
  lines.push(' claims (overlap ≥ half the shorter)');
  lines.push(`  ${'detection'.padEnd(14)} P ${pct(d.precision)}  R ${pct(d.recall)}  F1 ${pct(d.f1)}   (tp ${d.tp}, fp ${d.fp}, fn ${d.fn})`);
  for (const k of ['source', 'polarity', 'hedged', 'quote'] as const) lines.push(`  ${k.padEnd(14)} accuracy ${pct(report.claims[k].accuracy)}  (${report.claims[k].correct}/${report.claims[k].total})`);
  const l = report.sourceLinked!;
  lines.push(`  ${'source linked'.padEnd(14)} accuracy ${pct(l.accuracy)}  (${l.correct}/${l.total} named sources carry their entity)`);
  if (errors) for (const e of report.claims.errors) lines.push(`    ${e}`);
  return lines.join('\n');
}
