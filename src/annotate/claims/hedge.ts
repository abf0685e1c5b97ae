import type { ClaimState, Cue } from './state.ts';

/** A quick first test: none of the words that may hedge. */
const MAYBE = /may|might|could|likely|possib|perhaps|potential|probabl|unclear|uncertain|up in the air|would/i;
/** Modal words and phrases of possibility ("possible" only as a predicate: "it is possible that", not "the best possible way"). */
const HEDGES = /\b(may|might|could|likely|possibly|perhaps|potentially|probably|unclear|uncertain|up in the air)\b|\b(?:is|was|are|were|be|it['’] ?s)\s+(?:\w+\s+)?possible\b|\bpossible\s+(?:that|for)\b/i;
/** Look-alikes that do not speculate: a quoted "may", "so they could" (purpose), "where drivers could" (ability). */
const NOT_HEDGES = /[“"‘]may[”"’]|\b(?:so|where)\s+\S+\s+could\b/gi;
/** "Would" that speculates: in a conditional, a counterfactual "would have made" (not "would have much to say"). */
const CONDITIONAL = /\bwould have (?!(?:much|many|a|an|the|no|some|to|any|more|less|little|few|enough|its|their|his|her|our|my|your|that|this|these|those)\b)\w|\bif\b[^.]*\bwould\b|\bwould\b[^.]*\bif\b/i;
/** Cues in the present tense, after which "would" is a modal, not a past "will" ("observers say it would be"). */
const PRESENT = /^(say|says|believe|believes|think|thinks|argue|argues|suggest|suggests|warn|warns|fear|fears|estimate|estimates|predict|predicts)$/i;

/** Whether a claim's proposition is modal or speculative (guidelines: may, could, might, likely, possibly). */
export function hedgedOf(content: string, cue: Cue | null): boolean {
  if (cue?.hedges) return true;
  if (!MAYBE.test(content)) return false;
  const text = content.replace(NOT_HEDGES, '');
  if (HEDGES.test(text)) return true;
  if (!/\bwould\b/i.test(text)) return false;
  return CONDITIONAL.test(text) || (cue !== null && PRESENT.test(cue.text));
}

/** Rule `hedge`: whether each claim's proposition is hedged. */
export function hedge(state: ClaimState): void {
  for (const draft of state.drafts) {
    draft.hedged = hedgedOf(draft.content.map(([a, b]) => state.text.slice(a, b)).join(' '), draft.cue);
  }
}
