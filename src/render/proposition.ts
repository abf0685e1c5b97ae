import { withoutLinks } from '../text/links.ts';
import type { Claim } from '../types.ts';

/**
 * What a claim claims, for a list beside its article: the claim's sentence without the
 * attribution that the list shows anyway ("US officials said that …" gives "…"; "“…,” said X, a
 * specialist" gives the quotation), then cut at a word boundary to `max` characters. A heuristic
 * over the sentence as written: where no attribution is found in it, the whole sentence is kept.
 */
export function proposition(claim: Claim, max = 150): string {
  const text = withoutLinks(claim.exact).replace(/\s+/g, ' ').trim();
  return shorten(tidy(withoutAttribution(text, claim)), max);
}

function withoutAttribution(text: string, claim: Claim): string {
  const lower = text.toLowerCase();
  const source = claim.source.toLowerCase();
  const cue = claim.cue.toLowerCase();
  const s = lower.indexOf(source);
  if (cue === 'quotation' || s < 0) return quoted(text) ?? text;
  const sourceEnd = s + source.length;
  // "Source … cue (that) proposition": the last cue after the source, within the sentence's first
  // part ("U.S. officials, who first said the visit was imminent, said arms talks…").
  let k = -1;
  for (let at = lower.indexOf(cue, sourceEnd); at >= 0 && at <= text.length * 0.8; at = lower.indexOf(cue, at + 1)) k = at;
  if (k >= 0 && s <= text.length * 0.4) return text.slice(k + cue.length).replace(/^\s*(that\b|:|,)?\s*/i, '');
  // "Proposition, source cue" ("“…,” Sun added.").
  if (s > text.length * 0.4) return quoted(text) ?? text.slice(0, s);
  // "Cue source, proposition" ("According to US officials, the purpose…").
  const c = lower.indexOf(cue);
  if (c >= 0 && c < s && s < text.length * 0.5) return text.slice(sourceEnd).replace(/^[^,]*?,\s*/, '');
  // "Proposition, cue source" ("“…,” said Anthony Rinna, a specialist…").
  if (c > 0 && s > c) return quoted(text) ?? text.slice(0, c);
  return text;
}

/** The first quotation of a sentence that opens with one, without its marks. */
function quoted(text: string): string | null {
  const m = /^[“"]([^”"]{10,})[”"]/u.exec(text);
  return m ? m[1]! : null;
}

/** Without the commas, dashes and spaces a cut leaves at either end, starting with a capital. */
function tidy(text: string): string {
  const t = text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function shorten(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
