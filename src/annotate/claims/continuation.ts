import { lowerBound, namedIn, tokensIn, type ClaimState, type Draft, type Speaker } from './state.ts';
import { speakerOfNamed } from './referents.ts';

/** Paragraphs a quotation standing alone may be from its speaker's last claim. */
const MAX_GAP = 4;

/** "“Our door is open.” That was the message from Tomasz Brzeziński": the next sentence names the speaker. */
function namedNext(state: ClaimState, draft: Draft): Speaker | null {
  const next = state.units[state.units.indexOf(draft.unit) + 1];
  if (!next || !/^(that|this|such|so)$/.test(next.tokens[0]?.key ?? '')) return null;
  const by = next.tokens.findIndex((t, i) => i < 10 && /^(from|of|by)$/.test(t.key));
  if (by < 0) return null;
  const person = namedIn(state, next.tokens[by]!.end, next.tokens[by]!.end + 6).find((n) => n.mention.type === 'person');
  return person ? speakerOfNamed(person) : null;
}

/**
 * Rule `continuation`: a quotation with no attribution of its own (a paragraph that reopens a
 * quotation, or a quoted sentence after an attributed one) is a claim of its own whose source is
 * the speaker last named, its cue "quotation" (guidelines), or of the speaker the next sentence
 * names. One too far from any speaker is dropped.
 */
export function continuation(state: ClaimState): void {
  const referents = state.referents!;
  const blockAt = (at: number): number => state.view.tokens[Math.max(0, lowerBound(state.view.tokens, at) - 1)]?.block ?? 0;
  state.drafts = state.drafts.filter((draft) => {
    if (draft.cue) return true;
    // The last speaker who can speak: a person or a body, not a report or a lawsuit.
    const last = referents.lastEntry(draft.start, ['person', 'organization', 'group']);
    const speaker = namedNext(state, draft) ?? (last && draft.unit.block - blockAt(last.at) <= MAX_GAP ? last.speaker : null);
    if (!speaker) return false;
    draft.speaker = speaker;
    draft.method = 'rule:quotation';
    draft.confidence = 0.75;
    // Units end at their last token: the whole quotation, marks included, is the claim.
    draft.tokens = tokensIn(state.view.tokens, draft.start, draft.end);
    return true;
  });
}
