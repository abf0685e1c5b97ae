/**
 * The claim finder (issue 15): a chain of small rules, listed in order in `RULES` as markdown-it
 * lists its core rules. Each rule lives in the file of its name and reads and extends one shared
 * state (./state.ts): units of text, drafts of claims, then Claim records.
 */
import type { Claim, Mention } from '../../types.ts';
import type { AnnotationView } from '../tokens.ts';
import { content } from './content.ts';
import { continuation } from './continuation.ts';
import { cue } from './cue.ts';
import { hedge } from './hedge.ts';
import { polarity } from './polarity.ts';
import { records } from './records.ts';
import { source } from './source.ts';
import { createState, type Rule } from './state.ts';
import { units } from './units.ts';

/** The rules, in the order they run. */
export const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['units', units],
  ['cue', cue],
  ['source', source],
  ['continuation', continuation],
  ['content', content],
  ['polarity', polarity],
  ['hedge', hedge],
  ['records', records],
];

/**
 * Finds the attributed claims of an article: direct quotations with their speaker, reported speech
 * with a reporting cue or "according to", quotations that continue the last speaker's. Sources
 * link to their mention's entity; pronouns and descriptions become the person or body they stand
 * for. `mentions` are the article's entity mentions, whatever found them.
 */
export function findClaims(view: AnnotationView, mentions: Mention[]): Claim[] {
  const state = createState(view, mentions);
  for (const [, rule] of RULES) rule(state);
  return state.claims;
}
