import type { Article } from '../types.ts';
import type { OffsetMap } from './offsets.ts';

/**
 * The article's text with everything that is not article text blanked: set-aside lines, the
 * kicker and link markup become spaces (line breaks kept), so every index into it is still an
 * index into the source. The annotator reads this view; so do keyword-in-context lines.
 */
export function visibleText(article: Article, map: OffsetMap): string {
  const source = article.text;
  const blank = (from: number, to: number): string => source.slice(from, to).replace(/[^\r\n]/g, ' ');
  const pieces: string[] = [];
  let at = 0;
  // The kicker is a section label, not article text (guidelines: title, standfirst, body).
  for (const block of article.blocks.filter((b) => b.kind !== 'kicker')) {
    const start = map.toUnit(block.start);
    const end = map.toUnit(block.end);
    pieces.push(blank(at, start));
    let inner = start;
    for (const h of [...block.hidden].sort((a, b) => a.start - b.start)) {
      const hs = map.toUnit(h.start);
      const he = map.toUnit(h.end);
      pieces.push(source.slice(inner, hs), blank(hs, he));
      inner = he;
    }
    pieces.push(source.slice(inner, end));
    at = end;
  }
  pieces.push(blank(at, source.length));
  return pieces.join('');
}
