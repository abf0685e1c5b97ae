import type { ClaimState, Draft } from './state.ts';

/** Words that open an apposition after a name: ", a specialist…", ", the union's chief negotiator". */
const APPOSITION = /^(a|an|the|its|his|her|their|head|chief|director|chairman|president|spokesman|spokeswoman|spokesperson|former|who|founder|professor|author)$/;

/**
 * The ranges of a draft that report its proposition: after the cue for "X said that…" and
 * "according to X, …", the rest of the clause around an attribution set off by commas or
 * following a quotation ("…, X said, …"), the whole unit for a quotation standing alone.
 */
export function contentOf(draft: Draft): Array<[number, number]> {
  const { cue, tokens, start, end } = draft;
  if (!cue) return [[start, end]];
  const cueStart = tokens[cue.at]!.start;
  const cueEnd = tokens[cue.last]!.end;
  if (!cue.trailing) {
    // "According to X, the talks failed": the content starts after the source's comma.
    const from = cue.side === 'after' && draft.sourceSpan ? draft.sourceSpan[1] : cueEnd;
    return from < end ? [[from, end]] : [];
  }
  let a = Math.min(cueStart, draft.sourceSpan?.[0] ?? cueStart);
  let b = Math.max(cueEnd, draft.sourceSpan?.[1] ?? cueEnd);
  // The attribution runs to the commas around it: "…, Su said yesterday at the ceremony."
  let i = tokens.findIndex((t) => t.start >= a);
  while (i > 0 && tokens[i - 1]!.text !== ',' && !/^[”"]$/.test(tokens[i - 1]!.text)) i--;
  a = tokens[i]?.start ?? a;
  let j = tokens.findIndex((t) => t.start >= b);
  while (j >= 0 && j < tokens.length && tokens[j]!.text !== ',' && !/^[“"]$/.test(tokens[j]!.text) && !/^[.!?]$/.test(tokens[j]!.text)) j++;
  // "…,” said Anthony Rinna, a specialist on Korea-Russia relations.": the source's apposition is the attribution's.
  if (tokens[j]?.text === ',' && APPOSITION.test(tokens[j + 1]?.key ?? '') && !tokens.slice(j + 1).some((t) => t.text === '“' || t.text === '"')) j = tokens.length;
  // The comma that closes the attribution is the attribution's.
  if (tokens[j]?.text === ',') j++;
  b = j >= 0 && j < tokens.length ? tokens[j]!.start : end;
  const out: Array<[number, number]> = [];
  if (a > start) out.push([start, a]);
  if (b < end) out.push([b, end]);
  return out;
}

/**
 * Whether a proposition is a direct quotation: past a lead-in ("that", a colon, "in the past,",
 * "reporters at the forum:"),
 * it opens with a quotation mark and closes with one.
 */
export function isQuotation(content: string): boolean {
  let c = content.replace(/^[\s:,]*(?:that\s+)?/i, '');
  // "that as with other such announcements, “I think…”", "told reporters on Thursday: “…”": a lead-in before the quotation.
  const lead = /^[^“"”.]{1,80}?(?:,|:|\bthat)\s*(?=[“"])/.exec(c);
  if (lead) c = c.slice(lead[0].length);
  // A quotation left open at the end of the claim continues in the next paragraph (news style).
  return /^[“"]/.test(c) && (/[”"][\s.,;:!?’)\]]*$/.test(c) || !/[”"]/.test(c.slice(1)));
}

/**
 * Rule `content`: each draft's reported proposition, and whether it is a direct quotation.
 */
export function content(state: ClaimState): void {
  for (const draft of state.drafts) {
    draft.content = contentOf(draft);
    draft.quote = isQuotation(draft.content.map(([a, b]) => state.text.slice(a, b)).join(' '));
  }
}
