/**
 * The whole annotator scored on the development splits of the NER corpora (CoNLL-2003 `eng.testa`,
 * Gloss's Worldwide development files): each document rebuilt as an article, annotated as any
 * article is, and its person, organisation and place names compared with the gold by conlleval's
 * rules. Two conventions are reconciled, not scored as errors: Gloss keeps an honorific inside a
 * person's span where the corpora leave it out, and a demonym ("Russian") is a place mention of
 * Gloss's where the corpora call it MISC, so demonyms are left out on both sides.
 */
import { annotate, type Annotator } from '../annotate/index.ts';
import { HONORIFICS } from '../annotate/mentions.ts';
import { articleOf, rebuild, type GoldDocument } from '../annotate/tagger/corpus.ts';
import { goldCharSpans } from '../annotate/tagger/gold.ts';
import { OffsetMap } from '../text/offsets.ts';
import { SpanTally, type SpanScore, type TypedSpan } from './conll.ts';

/** Scores of one NER set. */
export interface NerReport {
  name: string;
  documents: number;
  byType: Record<'PER' | 'ORG' | 'LOC', SpanScore>;
  /** Person, organisation and place together. */
  named: SpanScore;
  errors: string[];
}

const TYPE: Record<string, 'PER' | 'ORG' | 'LOC' | undefined> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** The same name but for an honorific Gloss keeps in front ("Mr Obame" for gold "Obame"). */
function sameWithHonorific(text: string): (g: TypedSpan, p: TypedSpan) => boolean {
  return (g, p) => {
    if (g.start === p.start) return g.end === p.end;
    if (g.type !== 'PER' || g.end !== p.end || p.start > g.start) return false;
    const before = text.slice(p.start, g.start).trim().replace(/\.$/, '').toLowerCase();
    return HONORIFICS.has(before);
  };
}

/** Annotates each gold document and scores its person, organisation and place mentions. */
export function evaluateNer(name: string, docs: GoldDocument[], annotator: Annotator, options: { headline: boolean }): NerReport {
  const tally = new SpanTally(['PER', 'ORG', 'LOC']);
  const errors: string[] = [];
  for (const doc of docs) {
    const rebuilt = rebuild(doc);
    const article = articleOf(doc, rebuilt, options.headline);
    const { document } = annotate(article, annotator);
    const map = new OffsetMap(article.text);
    const predicted: TypedSpan[] = [];
    for (const m of document.mentions) {
      const type = TYPE[m.type];
      if (!type) continue;
      const entity = m.entityId ? annotator.gazetteer.entities.get(m.entityId) : undefined;
      if (m.form === 'adjectival' && (entity?.adjectivals.some((a) => a.toLowerCase() === m.exact.toLowerCase()) ?? true)) continue;
      predicted.push({ start: map.toUnit(m.start), end: map.toUnit(m.end), type });
    }
    const gold = goldCharSpans(doc).filter((g) => g.type !== 'MISC');
    for (const e of tally.add(gold, predicted, sameWithHonorific(article.text))) {
      errors.push(`${doc.id}: ${e.kind} ${e.span.type} ${JSON.stringify(article.text.slice(e.span.start, e.span.end))}`);
    }
  }
  const byType = { PER: tally.score(['PER']), ORG: tally.score(['ORG']), LOC: tally.score(['LOC']) };
  return { name, documents: docs.length, byType, named: tally.score(), errors };
}
