import { quoteOf } from '../../text/offsets.ts';
import { namedIn, type ClaimState } from './state.ts';

/**
 * Rule `records`: the drafts as Claim records, in text order, a draft overlapping the one before
 * dropped: code-point offsets and quote selector, ids, the source's entity and the entities the
 * claim's content names.
 */
export function records(state: ClaimState): void {
  const { view } = state;
  const { article, map } = view;
  const drafts = [...state.drafts].sort((a, b) => a.start - b.start).filter((d, i, all) => i === 0 || d.start >= all[i - 1]!.end);
  state.claims = drafts.map((d, i) => {
    const start = map.toPoint(d.start);
    const end = map.toPoint(d.end);
    const sourceEntityId = d.speaker!.entityId;
    const inside = namedIn(state, d.start, d.end, d.end, state.linked).filter((n) => n.mention.entityId !== sourceEntityId);
    return {
      id: `c-${article.id}-${i + 1}`,
      articleId: article.id,
      start,
      end,
      ...quoteOf(map, start, end),
      source: d.speaker!.source.trim(),
      sourceEntityId,
      cue: d.cue ? d.cue.text : 'quotation',
      quote: d.quote,
      polarity: d.polarity,
      hedged: d.hedged,
      entityIds: [...new Set(inside.map((n) => n.mention.entityId!))].sort(),
      clusterId: null,
      method: d.method,
      confidence: d.confidence,
    };
  });
}
