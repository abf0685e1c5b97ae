import { error, warning } from '../problems.ts';
import type { ArticleEncoding, ContentProblem } from '../types.ts';

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

/** How to decode an article file: the encoding its sidecar names, and the sidecar's name for the messages. */
export interface DecodeOptions {
  /** The encoding the sidecar declares; UTF-8 when absent. */
  encoding?: ArticleEncoding;
  /** The sidecar's display path (`seeds/NAME.meta.json`), named in the fix for a file that is not UTF-8. */
  sidecar?: string;
}

/**
 * Decodes an article file as UTF-8 (or as the encoding its sidecar declares, as browsers decode it:
 * https://encoding.spec.whatwg.org/), dropping a byte-order mark.
 * Refuses what is not an article: empty files, UTF-16, binary data, invalid UTF-8; each with the fix.
 */
export function decodeArticle(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Decoded {
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
  const warnings: ContentProblem[] = [];
  let text: string;
  const encoding = options.encoding ?? 'utf-8';
  if (encoding !== 'utf-8') {
    text = decodeWindows1252(bytes);
    if (isUtf8(bytes) && bytes.some((b) => b >= 0x80)) {
      warnings.push(warning(file, '', `is decoded as ${encoding}, as ${options.sidecar ?? 'its sidecar'} says, but it is valid UTF-8 with non-ASCII characters, so it may be UTF-8 after all; check its accents and quotes on its page, or remove "encoding" from the sidecar`));
    }
  } else {
    try {
      text = utf8.decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      const { line, column } = lineColumnOfByte(bytes, at);
      const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return fail(
        `line ${line}, column ${column}`,
        `is not valid UTF-8 (byte 0x${byte}); re-encode it as UTF-8, for example with \`iconv -f WINDOWS-1252 -t UTF-8 IN > OUT\` if it came from Windows or the web, ` +
          `or keep it and declare its encoding in the sidecar ${options.sidecar ?? 'NAME.meta.json beside it'} with "encoding": "windows-1252"`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return fail('', bytes.length === 0 ? 'is empty; put the article text in it, or delete the file' : 'holds only whitespace; put the article text in it, or delete the file');
  }
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    return fail('', `holds ${controls} control characters, so it looks like a binary file, not an article; save the article as plain UTF-8 text`);
  }
  if (controls > 0) warnings.push(warning(file, '', `holds ${controls} control character(s), which are kept but render as nothing`));
  return { ok: true, text, warnings };
}

/**
 * What the bytes 0x80–0x9F mean in windows-1252, per the WHATWG index
 * (https://encoding.spec.whatwg.org/index-windows-1252.txt): every other byte is its own code point.
 */
const WINDOWS_1252_C1 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Decodes windows-1252 (also what `latin1` and `iso-8859-1` mean on the web), which maps every
 * byte to a character and so cannot fail. Node's own TextDecoder decodes 0x80–0x9F as Latin-1
 * control characters since 20.18.3 and 22.13.0 (https://github.com/nodejs/node/issues/60888), so
 * Gloss maps that range itself.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Whether bytes are valid UTF-8. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
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
