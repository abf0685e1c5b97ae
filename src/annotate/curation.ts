import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8 } from '../ingest/decode.ts';
import { parseJson } from '../ingest/index.ts';
import { error, warning } from '../problems.ts';
import { OffsetMap, quoteOf } from '../text/offsets.ts';
import { check } from '../validate/schemas.ts';
import type { AnnotationDocument, Article, Claim, ContentProblem, Entity, EntityType, Mention, MentionForm, Polarity } from '../types.ts';

/** Where a curation entry points: the quote, its context, and optionally its last known offsets. */
export interface Selector {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

/** An editor's correction to one mention. */
export interface MentionEntry {
  id: string;
  action: 'add' | 'remove' | 'retype';
  selector: Selector;
  type?: EntityType;
  entity?: string;
  form?: MentionForm;
  note?: string;
}

/** An editor's correction to one claim. */
export interface ClaimEntry {
  id: string;
  action: 'add' | 'remove' | 'edit';
  selector: Selector;
  source?: string;
  sourceEntity?: string;
  cue?: string;
  quote?: boolean;
  polarity?: Polarity;
  hedged?: boolean;
  cluster?: string;
  note?: string;
}

/** One `_data/curation/ARTICLE-ID.json`. */
export interface CurationFile {
  mentions?: MentionEntry[];
  claims?: ClaimEntry[];
  clusters?: Array<{ id: string; label: string }>;
}

/** Every curation file, by article id. */
export interface Curation {
  files: Map<string, { path: string; data: CurationFile }>;
  clusterLabels: Map<string, string>;
  problems: ContentProblem[];
}

/** Reads `_data/curation/*.json`, each valid against `schemas/curation.schema.json` and named for an article. */
export function loadCuration(dir: string, articles: Article[], knowledgeBase: Entity[]): Curation {
  const curation: Curation = { files: new Map(), clusterLabels: new Map(), problems: [] };
  if (!existsSync(dir)) return curation;
  const articleIds = new Set(articles.map((a) => a.id));
  const entityIds = new Set(knowledgeBase.map((e) => e.id));
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const path = `_data/curation/${name}`;
    const decoded = decodeUtf8(readFileSync(join(dir, name)), path);
    if (!decoded.ok) {
      curation.problems.push(decoded.problem);
      continue;
    }
    const parsed = parseJson(decoded.text, path);
    if (!parsed.ok) {
      curation.problems.push(parsed.problem);
      continue;
    }
    const found = check('curation.schema.json', parsed.value, path);
    if (found.length) {
      curation.problems.push(...found);
      continue;
    }
    const articleId = name.slice(0, -'.json'.length);
    if (!articleIds.has(articleId)) {
      curation.problems.push(error(path, '', `is named for an article "${articleId}" that does not exist; name it after an article id (see /articles/ID/ in the reader)`));
      continue;
    }
    const data = parsed.value as CurationFile;
    (data.mentions ?? []).forEach((entry, i) => {
      if (entry.entity && !entityIds.has(entry.entity)) curation.problems.push(error(path, `entry ${entry.id} (at /mentions/${i})`, `cites entity "${entry.entity}", which the knowledge base lacks; add it to _data/entities.json or correct the id`));
      if (entry.action === 'add' && !entry.type) curation.problems.push(error(path, `entry ${entry.id} (at /mentions/${i})`, 'adds a mention without a "type"; give it one of person, organization, place, event, date'));
      if (entry.action === 'add' && entry.type && entry.type !== 'date' && !entry.entity) curation.problems.push(error(path, `entry ${entry.id} (at /mentions/${i})`, 'adds a mention without an "entity"; give the id of the entity it names'));
    });
    (data.claims ?? []).forEach((entry, i) => {
      if (entry.sourceEntity && !entityIds.has(entry.sourceEntity)) curation.problems.push(error(path, `entry ${entry.id} (at /claims/${i})`, `cites entity "${entry.sourceEntity}", which the knowledge base lacks; add it to _data/entities.json or correct the id`));
      if (entry.action === 'add' && !entry.source) curation.problems.push(error(path, `entry ${entry.id} (at /claims/${i})`, 'adds a claim without a "source"; say who makes it'));
    });
    for (const k of data.clusters ?? []) curation.clusterLabels.set(k.id, k.label);
    curation.files.set(articleId, { path, data });
  }
  return curation;
}

/** The outcome of anchoring a selector in a text. */
export type Anchor = { ok: true; start: number; end: number } | { ok: false; orphan: boolean; message: string };

function indexesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) found.push(i);
  return found;
}

/**
 * Finds a selector's quote in a text (code points), as W3C Web Annotation anchoring does:
 * the stated offsets if they still select the quote, else the occurrence whose prefix and
 * suffix fit, else the only occurrence.
 */
export function anchor(map: OffsetMap, selector: Selector): Anchor {
  const { exact, prefix, suffix, start, end } = selector;
  // An occurrence counts only with the context the selector gives: the same words at another place are another quote.
  const fitsAt = (u: number): boolean => (!prefix || map.text.slice(0, u).endsWith(prefix)) && (!suffix || map.text.slice(u + exact.length).startsWith(suffix));
  if (start !== undefined || end !== undefined) {
    if (start === undefined || end === undefined) return { ok: false, orphan: false, message: 'gives only one of start and end; give both or neither' };
    if (start >= end) return { ok: false, orphan: false, message: `has start ${start} not before its end ${end}; correct the offsets or remove them` };
    if (end > map.length) return { ok: false, orphan: false, message: `has end ${end} past the end of the text (${map.length} code points); correct the offsets or remove them` };
    if (map.slice(start, end) === exact && fitsAt(map.toUnit(start))) return { ok: true, start, end };
  }
  const units = indexesOf(map.text, exact);
  if (units.length === 0) return { ok: false, orphan: true, message: `quotes ${JSON.stringify(exact)}, which the article no longer contains; update the selector to the current text or delete the entry` };
  const fits = units.filter(fitsAt);
  if (fits.length === 0) return { ok: false, orphan: true, message: `quotes ${JSON.stringify(exact)}, but no occurrence has the given prefix and suffix any more; update them to the current text` };
  if (fits.length > 1) return { ok: false, orphan: false, message: `quotes ${JSON.stringify(exact)}, which occurs ${fits.length} times; add a prefix or suffix to say which` };
  const choice = fits[0]!;
  return { ok: true, start: map.toPoint(choice), end: map.toPoint(choice + exact.length) };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Renumbers a document's mentions and claims in text order, so ids follow the text. */
export function numberAnnotations(doc: AnnotationDocument): AnnotationDocument {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start).map((m, i) => ({ ...m, id: `m-${doc.article.id}-${i + 1}` }));
  const claims = [...doc.claims].sort((a, b) => a.start - b.start).map((c, i) => ({ ...c, id: `c-${doc.article.id}-${i + 1}` }));
  return { ...doc, mentions, claims };
}

/**
 * Applies the editors' corrections: curated entries win over automatic ones. An entry whose quote
 * is gone is reported as a warning (an error with `--strict`), never dropped in silence.
 */
export function applyCuration(documents: AnnotationDocument[], curation: Curation, entities: Map<string, Entity>): { documents: AnnotationDocument[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const out = documents.map((doc) => {
    const file = curation.files.get(doc.article.id);
    if (!file) return doc;
    const map = new OffsetMap(doc.article.text);
    let mentions: Mention[] = [...doc.mentions];
    let claims: Claim[] = [...doc.claims];
    const added: Array<{ id: string; start: number; end: number }> = [];
    const report = (entry: string, index: string, a: Extract<Anchor, { ok: false }>): void => {
      problems.push((a.orphan ? warning : error)(file.path, `entry ${entry} (at ${index})`, a.message));
    };
    (file.data.mentions ?? []).forEach((entry, i) => {
      const a = anchor(map, entry.selector);
      if (!a.ok) return report(entry.id, `/mentions/${i}`, a);
      const span = { start: a.start, end: a.end };
      if (entry.action === 'remove') {
        const before = mentions.length;
        mentions = mentions.filter((m) => !(m.start === span.start && m.end === span.end));
        if (mentions.length === before) problems.push(warning(file.path, `entry ${entry.id} (at /mentions/${i})`, `removes a mention of ${JSON.stringify(entry.selector.exact)}, but there is none there; delete the entry`));
        return;
      }
      const clash = added.find((x) => overlaps(x, span));
      if (clash) {
        problems.push(error(file.path, `entry ${entry.id} (at /mentions/${i})`, `overlaps entry ${clash.id}; mentions never overlap, so keep one of them`));
        return;
      }
      const existing = mentions.find((m) => m.start === span.start && m.end === span.end);
      if (entry.action === 'retype' && !existing) {
        problems.push(warning(file.path, `entry ${entry.id} (at /mentions/${i})`, `retypes a mention of ${JSON.stringify(entry.selector.exact)}, but there is none there; make it an "add" entry`));
        return;
      }
      added.push({ id: entry.id, ...span });
      const type = entry.type ?? existing?.type ?? 'place';
      const entityId = type === 'date' ? null : (entry.entity ?? existing?.entityId ?? null);
      const entity = entityId ? entities.get(entityId) : undefined;
      mentions = mentions.filter((m) => !overlaps(m, span));
      mentions.push({
        id: '',
        articleId: doc.article.id,
        entityId,
        type,
        form: entry.form ?? existing?.form ?? 'name',
        refersTo: entity?.capitalOf ?? null,
        value: existing?.value ?? null,
        ...span,
        ...quoteOf(map, span.start, span.end),
        method: 'curated',
        confidence: 1,
      });
    });
    (file.data.claims ?? []).forEach((entry, i) => {
      const a = anchor(map, entry.selector);
      if (!a.ok) return report(entry.id, `/claims/${i}`, a);
      const span = { start: a.start, end: a.end };
      if (entry.action === 'remove') {
        claims = claims.filter((c) => !(c.start === span.start && c.end === span.end));
        return;
      }
      const existing = claims.find((c) => c.start === span.start && c.end === span.end);
      claims = claims.filter((c) => !overlaps(c, span));
      claims.push({
        id: '',
        articleId: doc.article.id,
        ...span,
        ...quoteOf(map, span.start, span.end),
        source: entry.source ?? existing?.source ?? 'unknown',
        sourceEntityId: entry.sourceEntity ?? existing?.sourceEntityId ?? null,
        cue: entry.cue ?? existing?.cue ?? 'quotation',
        quote: entry.quote ?? existing?.quote ?? false,
        polarity: entry.polarity ?? existing?.polarity ?? 'affirm',
        hedged: entry.hedged ?? existing?.hedged ?? false,
        entityIds: existing?.entityIds ?? [...new Set(mentions.filter((m) => m.entityId && m.start >= span.start && m.end <= span.end).map((m) => m.entityId!))].sort(),
        clusterId: entry.cluster ?? existing?.clusterId ?? null,
        method: 'curated',
        confidence: 1,
      });
    });
    return numberAnnotations({ ...doc, mentions, claims });
  });
  return { documents: out, problems };
}
