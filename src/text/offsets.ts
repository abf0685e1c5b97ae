/**
 * Conversion between JavaScript string indices (UTF-16 code units) and Unicode code points,
 * which is what every stored offset counts (W3C Web Annotation TextPositionSelector;
 * Python's `str` indexing).
 */

/** Maps UTF-16 indices of one text to code-point indices and back. */
export class OffsetMap {
  readonly text: string;
  /** For each code point index, its UTF-16 index; absent when the text has no astral characters. */
  private readonly unitOf: Uint32Array | null;
  /** For each UTF-16 index, its code point index (a low surrogate maps to its pair's index + 1). */
  private readonly pointOf: Uint32Array | null;
  /** Number of code points in the text. */
  readonly length: number;

  constructor(text: string) {
    this.text = text;
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.unitOf = null;
      this.pointOf = null;
      this.length = text.length;
      return;
    }
    const pointOf = new Uint32Array(text.length + 1);
    const unitOf: number[] = [];
    let point = 0;
    for (let unit = 0; unit < text.length; unit++) {
      pointOf[unit] = point;
      const code = text.charCodeAt(unit);
      const isHigh = code >= 0xd800 && code <= 0xdbff;
      const next = text.charCodeAt(unit + 1);
      unitOf.push(unit);
      if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
        unit++;
        pointOf[unit] = point + 1;
      }
      point++;
    }
    pointOf[text.length] = point;
    unitOf.push(text.length);
    this.pointOf = pointOf;
    this.unitOf = Uint32Array.from(unitOf);
    this.length = point;
  }

  /** Code-point index of a UTF-16 index. */
  toPoint(unit: number): number {
    return this.pointOf ? (this.pointOf[unit] ?? this.length) : unit;
  }

  /** UTF-16 index of a code-point index. */
  toUnit(point: number): number {
    return this.unitOf ? (this.unitOf[point] ?? this.text.length) : point;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Length of the quote-selector context on each side, in code points. */
export const CONTEXT_LENGTH = 32;

/** The W3C TextQuoteSelector parts of a code-point span: exact, and up to 32 code points each side. */
export function quoteOf(map: OffsetMap, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  return {
    exact: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: map.slice(end, Math.min(map.length, end + CONTEXT_LENGTH)),
  };
}
