import type { Polarity } from '../../types.ts';
import type { ClaimState } from './state.ts';
import { SUBORDINATORS } from './words.ts';

/** Negations of a proposition; "n’ t" and "do n’t" as text rebuilt from tokens writes them too. */
const NEGATIONS = /\b(not|never|no|none|nothing|neither|nor|cannot|unlikely|unthinkable|untrue|impossible|unable|refrains?|refrained|without evidence|no longer)\b|n['’] ?t\b/i;
/** Negative words that do not negate the proposition: "not only … but also", "no doubt", "calls on X not to". */
const NOT_NEGATING = /\b(?:not (?:only|just|simply|merely)|no (?:doubt|question|telling))\b|(?<!\b(?:is|are|was|were|be|been)\s)\bnot to\b/gi;
/** Verbs and nouns through which the proposition is still the claim's: "Iran believes that X", "on the belief that X". */
const TRANSPARENT = /\b(believes?|believed|thinks?|thought|says?|said|knows?|feels?|belief|view|convinced|confident|sure|clear)\s+that\s*$/i;
/** Where the first main clause ends: a comma, a subordinate clause, a new coordinated clause. */
const CLAUSE_END = /[,;:]|\s(?:because|which|who|although|though|while|unless|if|as|since|when|where|whereas)\s|\sand\s+(?=(?:there|it|he|she|they|we|i|has|had|have|is|was|were|are|will|would|can|could)\b)|[.!?]["”’]?\s/i;

/** The first main clause of a proposition: past a leading subordinate clause, after a conceding "but". */
export function mainClause(content: string): string {
  // The first main clause is near the start: a long quotation need not be read to its end.
  let c = content.slice(0, 240).replace(/^[\s:,“"‘(]*(?:that\s+)?[“"‘]?/i, '');
  // "But ordinarily, most citizens don't…": a leading connective and a short adverbial are not the clause.
  c = c.replace(/^(?:but|and|however|yet|so|still|meanwhile|moreover|indeed|now)\b,?\s*/i, '').replace(/^(?:[\p{L}’']+\s+){0,2}[\p{L}’']+,\s+(?=\p{L})/u, (lead) => (SUBORDINATORS.test(lead) ? lead : ''));
  const sentenceEnd = c.search(/[.!?]["”’]?\s+(?=[“"‘]?\p{Lu})/u);
  if (sentenceEnd > 0) c = c.slice(0, sentenceEnd + 1);
  if (SUBORDINATORS.test(c)) {
    const comma = c.indexOf(',');
    c = comma >= 0 ? c.slice(comma + 1).trimStart() : '';
  }
  // "There are no easy answers, but…", "not X but rather Y": what follows "but" is the point,
  // when "but" closes the first clause (not when it sits in a later one).
  const firstEnd = c.search(CLAUSE_END);
  const but = c.search(/,?\s+but\s+/i);
  if (but > 0 && (firstEnd < 0 || but <= firstEnd + 1)) c = c.slice(but).replace(/^,?\s+but\s+(?:rather\s+|also\s+|instead\s+)?/i, '');
  for (let from = 0; ; ) {
    const rest = c.slice(from);
    const stop = rest.search(/\sthat\s/i);
    const end = rest.search(CLAUSE_END);
    if (stop >= 0 && (end < 0 || stop < end)) {
      const upTo = c.slice(0, from + stop + 6);
      if (TRANSPARENT.test(upTo)) {
        // "Iran believes that the presence … will not help": the belief's content is the proposition.
        c = c.slice(from + stop + 6);
        from = 0;
        continue;
      }
      return c.slice(0, from + stop);
    }
    return end >= 0 ? c.slice(0, from + end) : c;
  }
}

/** A claim's polarity: deny when its cue denies or its first main clause is negated (guidelines). */
export function polarityOf(content: string, cueDenies: boolean): Polarity {
  if (cueDenies) return 'deny';
  return NEGATIONS.test(mainClause(content).replace(NOT_NEGATING, '')) ? 'deny' : 'affirm';
}

/** Rule `polarity`: affirm, or deny where the source denies or asserts a negation. */
export function polarity(state: ClaimState): void {
  for (const draft of state.drafts) {
    // "But shifting the responsibility…, he says, is not a good idea": the parts around the attribution are one clause.
    const text = draft.content.map(([a, b]) => state.text.slice(a, b).replace(/,\s*$/, '')).join(' ');
    draft.polarity = polarityOf(text, draft.cue?.denies ?? false);
  }
}
