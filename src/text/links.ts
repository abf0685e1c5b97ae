/**
 * A Markdown-style link, `[text](target)`, the target allowed one level of parentheses
 * (`javascript:alert(1)`). Ingest hides the markup and keeps the text; pages and labels that
 * quote article text drop it the same way.
 */
export const MARKDOWN_LINK = /\[([^\][\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g;

/** Text with every Markdown-style link replaced by its text. */
export function withoutLinks(text: string): string {
  return text.replace(MARKDOWN_LINK, '$1');
}
