import { error, warning } from '../problems.ts';
import type { ContentProblem } from '../types.ts';

/** The text of a file, or the problem that keeps it from being an article. */
export type Decoded = { ok: true; text: string; warnings: ContentProblem[] } | { ok: false; problem: ContentProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a JSON input file (sidecar, knowledge base, curation) as strict UTF-8, dropping a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problem: ContentProblem } {
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, problem: error(file, `line ${line}, column ${column}`, `is not valid UTF-8 (byte 0x${byte}); re-encode it as UTF-8, for example with \`iconv -f WINDOWS-1252 -t UTF-8 IN > OUT\``) };
  }
}

/** The largest article file Gloss reads: far beyond any news article, small enough to page and annotate. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** The problem with a file of `size` bytes too big to be one article, or null. */
export function tooBig(size: number, file: string): ContentProblem | null {
  if (size <= MAX_ARTICLE_BYTES) return null;
  return error(file, '', `is ${(size / 1048576).toFixed(1)} MB, more than the ${MAX_ARTICLE_BYTES / 1048576} MB Gloss reads as one article; split it into separate articles`);
}

/**
 * Decodes an article file as UTF-8, dropping a byte-order mark.
 * Refuses what is not an article: empty files, UTF-16, binary data, invalid UTF-8; each with the fix.
 */
export function decodeArticle(bytes: Uint8Array, file: string): Decoded {
  const fail = (position: string, message: string): Decoded => ({ ok: false, problem: error(file, position, message) });
  const big = tooBig(bytes.length, file);
  if (big) return { ok: false, problem: big };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail('', 'is encoded as UTF-16; re-encode it as UTF-8, for example with `iconv -f UTF-16 -t UTF-8 IN > OUT`');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail(`byte ${nul}`, 'contains a NUL byte, so it looks like a binary file, not an article; save the article as plain UTF-8 text');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail(
      `line ${line}, column ${column}`,
      `is not valid UTF-8 (byte 0x${byte}); re-encode it as UTF-8, for example with \`iconv -f WINDOWS-1252 -t UTF-8 IN > OUT\` if it came from Windows or the web`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return fail('', bytes.length === 0 ? 'is empty; put the article text in it, or delete the file' : 'holds only whitespace; put the article text in it, or delete the file');
  }
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    return fail('', `holds ${controls} control characters, so it looks like a binary file, not an article; save the article as plain UTF-8 text`);
  }
  const warnings = controls > 0
    ? [warning(file, '', `holds ${controls} control character(s), which are kept but render as nothing`)]
    : [];
  return { ok: true, text, warnings };
}

/** Byte offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    try {
      utf8.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function lineColumnOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).replace(/\uFFFD/g, '?');
  return { line, column: [...column].length + 1 };
}
