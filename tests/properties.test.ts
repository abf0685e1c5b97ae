/**
 * Properties that must hold for any input, checked by fast-check on generated cases with a fixed
 * seed (so a failure reproduces): the mark renderer keeps the text and escapes it, ingest never
 * throws on any bytes, and a curation anchor never lands on the wrong span after edits.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { anchor, type Selector } from '../src/annotate/curation.ts';
import { ingestFile } from '../src/ingest/index.ts';
import { createRenderer, renderMarked, type MarkSpec } from '../src/render/marks.ts';
import { formatProblem } from '../src/problems.ts';
import { OffsetMap } from '../src/text/offsets.ts';
import { tempDir } from './helpers.ts';

/** One seed for every property, so that a failure shows the same counterexample every run. */
const SEED = 20_240_607;
/** Generated cases per property. */
const RUNS = 300;
const params = { seed: SEED, numRuns: RUNS, includeErrorInReport: true };

/** Code points the generated texts are made of: letters, HTML specials, astral, combining, bidi, line breaks. */
const CHARS = ['a', 'b', 'K', 'z', ' ', ' ', '.', '<', '>', '&', '"', "'", '&amp;', '😀', '𝔘', '𠀋', 'e\u0301', '\u0308', '\u202E', '\u200D', '\n', '\r\n', 'ß', 'ı'];
const textOf = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// (1) The mark renderer

interface SpanSpec {
  kind: 'claim' | 'mention';
  start: number;
  end: number;
}

const inside = (a: SpanSpec, b: SpanSpec): boolean => a.start >= b.start && a.end <= b.end;
const apart = (a: SpanSpec, b: SpanSpec): boolean => a.end <= b.start || b.end <= a.start;

/**
 * Keeps the candidate spans (code points) that fit the model: mentions never overlap each other,
 * claims nest, and a mention is inside a claim or apart from it, never across its edge.
 */
function wellFormed(length: number, candidates: Array<{ kind: 'claim' | 'mention'; a: number; b: number }>): SpanSpec[] {
  const kept: SpanSpec[] = [];
  for (const c of candidates) {
    const x = c.a % (length + 1);
    const y = c.b % (length + 1);
    if (x === y) continue;
    const span: SpanSpec = { kind: c.kind, start: Math.min(x, y), end: Math.max(x, y) };
    const fits = kept.every((k) => {
      if (apart(span, k)) return true;
      if (span.kind === 'mention' && k.kind === 'mention') return false;
      if (span.kind === 'mention') return inside(span, k);
      if (k.kind === 'mention') return inside(k, span);
      return inside(span, k) || inside(k, span);
    });
    if (fits) kept.push(span);
  }
  return kept;
}

interface Element {
  tag: string;
  attrs: Map<string, string>;
  /** UTF-16 range of the element's text in the decoded text content. */
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]!);

/**
 * A parser for exactly what the renderer writes: `<a …>`/`<span …>` with double-quoted attributes,
 * their closing tags, and escaped text. Anything else is a failure.
 */
function parseMarked(htmlText: string): { text: string; elements: Element[] } {
  const token = /<(\/?)(a|span)((?: [a-z-]+="[^"<>]*")*)>|([^<]+)/y;
  const stack: Element[] = [];
  const elements: Element[] = [];
  let text = '';
  let at = 0;
  while (at < htmlText.length) {
    token.lastIndex = at;
    const m = token.exec(htmlText);
    if (!m) throw new Error(`unexpected markup at ${at}: ${JSON.stringify(htmlText.slice(at, at + 40))}`);
    at = token.lastIndex;
    const [, closing, tag, attrText, chars] = m;
    if (chars !== undefined) {
      if (/[>"]/.test(chars)) throw new Error(`raw > or " in text: ${JSON.stringify(chars)}`);
      if (/&(?!(amp|lt|gt|quot|#39|#x27);)/.test(chars)) throw new Error(`raw & in text: ${JSON.stringify(chars)}`);
      text += decode(chars);
    } else if (closing) {
      const open = stack.pop();
      if (!open || open.tag !== tag) throw new Error(`</${tag}> closes ${open ? `<${open.tag}>` : 'nothing'}`);
      open.end = text.length;
      elements.push(open);
    } else {
      const attrs = new Map<string, string>();
      for (const a of (attrText ?? '').matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
        if (/&(?!(amp|lt|gt|quot|#39|#x27);)/.test(a[2]!)) throw new Error(`raw & in attribute ${a[1]}`);
        attrs.set(a[1]!, decode(a[2]!));
      }
      stack.push({ tag: tag!, attrs, start: text.length, end: -1 });
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.tag}>`);
  return { text, elements };
}

const Marks = suite('renderMarked on generated text and spans');
const md = createRenderer();

Marks(`keeps the text, puts each mark around exactly its span and escapes every special (${RUNS} runs)`, () => {
  const candidate = fc.record({ kind: fc.constantFrom<'claim' | 'mention'>('claim', 'mention'), a: fc.nat(), b: fc.nat() });
  fc.assert(
    fc.property(textOf(1, 60), fc.array(candidate, { maxLength: 12 }), textOf(0, 8), (text, candidates, label) => {
      const map = new OffsetMap(text);
      const spans = wellFormed(map.length, candidates);
      const marks: MarkSpec[] = spans.map((s, i) => ({
        start: map.toUnit(s.start),
        end: map.toUnit(s.end),
        tag: s.kind === 'mention' ? 'a' : 'span',
        attrs: s.kind === 'mention' ? [['href', `/entities/e-${i}/`], ['data-k', String(i)], ['title', label]] : [['data-k', String(i)], ['data-badge', label]],
      }));
      const out = renderMarked(md, text, { marks, hidden: [] });
      const parsed = parseMarked(out);
      assert.is(parsed.text, text, 'the text content is the source text');
      assert.is(parsed.elements.length, marks.length, 'one element a mark');
      for (const el of parsed.elements) {
        const mark = marks[Number(el.attrs.get('data-k'))]!;
        assert.is(el.tag, mark.tag);
        assert.equal([el.start, el.end], [mark.start, mark.end], `mark ${el.attrs.get('data-k')} covers its span`);
        assert.is(parsed.text.slice(el.start, el.end), text.slice(mark.start, mark.end));
        for (const [k, v] of mark.attrs) assert.is(el.attrs.get(k), v, `attribute ${k} survives escaping`);
      }
    }),
    params,
  );
});

Marks('the parser refuses unescaped text, so the property above can fail', () => {
  assert.throws(() => parseMarked('a < b'), /unexpected markup/);
  assert.throws(() => parseMarked('a & b'), /raw &/);
  assert.throws(() => parseMarked('<span>"x"</span>'), /raw > or "/);
  assert.throws(() => parseMarked('<a href="x">y</span>'), /closes/);
  assert.equal(parseMarked('x<span data-k="0">&lt;&amp;</span>').elements.map((e) => [e.start, e.end]), [[1, 3]]);
});

Marks.run();

// ---------------------------------------------------------------------------------------------
// (2) Ingest on any bytes

const Bytes = suite('ingestFile on generated bytes');

const LINE_PARTS = ['Dockers strike in Gdansk', 'READ MORE', '© Reuters 2023', '---', 'title: x', 'title: [', 'published: Sept 13', 'id: Not An Id', '', '   ', 'By Ewa Nowak', 'Photograph: AP', '[link](https://example.org)', '\u00A0', '\uFEFF', '😀 e\u0301', 'Leave a Comment', 'x'.repeat(300)];
const ENDINGS = ['\n', '\r\n', '\r', '\n\n'];
const articleLike = fc
  .array(fc.tuple(fc.constantFrom(...LINE_PARTS), fc.constantFrom(...ENDINGS)), { maxLength: 12 })
  .map((lines) => new TextEncoder().encode(lines.map(([l, e]) => l + e).join('')));
const corrupted = fc.tuple(articleLike, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 6 })).map(([bytes, at, noise]) => {
  const i = bytes.length ? at % bytes.length : 0;
  return Uint8Array.from([...bytes.subarray(0, i), ...noise, ...bytes.subarray(i)]);
});
const bomPrefixed = fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), articleLike).map(([bom, bytes]) => Uint8Array.from([...bom, ...bytes]));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), articleLike, corrupted, bomPrefixed);

/** Counterexamples found with other seeds, kept so they are tried on every run. */
const KNOWN_BYTES: Array<[Uint8Array, string]> = [
  // A lone CR inside front matter makes a YAML key with a CR in it, which a message must not print raw.
  [new TextEncoder().encode('---\nDockers strike in Gdansk\rtitle: x\n---\n\nDockers walked out.\n'), '.md'],
];

Bytes(`returns an article or a one-line problem naming the file, and never throws (${RUNS} runs)`, () => {
  const dir = tempDir('gloss-prop-');
  mkdirSync(join(dir, 'seeds'));
  let articles = 0;
  let refused = 0;
  try {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('.txt', '.md'), (bytes, ext) => {
        const path = join(dir, 'seeds', `article${ext}`);
        writeFileSync(path, bytes);
        const display = `seeds/article${ext}`;
        const { article, problems } = ingestFile(path, display, {});
        for (const p of problems) {
          assert.is(p.file, display);
          assert.ok(p.message.length > 10, `a message that says something: ${JSON.stringify(p.message)}`);
          assert.not.match(formatProblem(p), /[\r\n]/, `one line: ${JSON.stringify(formatProblem(p))}`);
        }
        if (article) {
          articles++;
          assert.not.ok(problems.some((p) => p.severity === 'error'), 'an article comes with warnings at most');
          const length = new OffsetMap(article.text).length;
          for (const b of article.blocks) assert.ok(b.start >= 0 && b.start < b.end && b.end <= length, `block ${b.start}-${b.end} inside the text (${length})`);
          assert.ok(article.title.trim() !== '' && !/[\r\n]/.test(article.title), 'a one-line title');
          assert.match(article.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        } else {
          refused++;
          assert.ok(problems.some((p) => p.severity === 'error'), 'a refused file has an error that says why');
        }
      }),
      { ...params, examples: KNOWN_BYTES },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(articles > 0 && refused > 0, `both outcomes were exercised (${articles} articles, ${refused} refused)`);
});

Bytes.run();

// ---------------------------------------------------------------------------------------------
// (3) Curation anchors under edits

const Anchors = suite('anchor after random edits');

const WORDS = ['the', 'talks', 'Kim', 'Putin', 'said', 'ab', 'a', 'b', 'Gdańsk', '😀', '𝔘x', 'e\u0301', '.', ','];
const wordsText = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((ws) => [...ws.join(' ')]);

interface Edit {
  insert: boolean;
  /** Whether the edit is placed near an edge of the quote rather than anywhere. */
  near: boolean;
  at: number;
  shift: number;
  length: number;
  text: string[];
}

const edit: fc.Arbitrary<Edit> = fc.record({
  insert: fc.boolean(),
  near: fc.boolean(),
  at: fc.nat(),
  shift: fc.integer({ min: -3, max: 3 }),
  length: fc.integer({ min: 1, max: 5 }),
  text: wordsText(1, 3),
});

/** Applies edits to a text (as code points) and follows the quote: where it went, or that an edit cut into it. */
function applyEdits(points: string[], quote: { start: number; end: number }, edits: Edit[]): { points: string[]; start: number; end: number; survived: boolean } {
  let text = [...points];
  let { start, end } = quote;
  let survived = true;
  for (const e of edits) {
    const base = e.near ? (e.at % 2 === 0 ? start : end) + e.shift : e.at;
    const at = Math.max(0, Math.min(text.length, base));
    if (e.insert) {
      text = [...text.slice(0, at), ...e.text, ...text.slice(at)];
      if (at <= start) {
        start += e.text.length;
        end += e.text.length;
      } else if (at < end) survived = false;
    } else {
      const to = Math.min(text.length, at + e.length);
      text = [...text.slice(0, at), ...text.slice(to)];
      if (to <= start) {
        start -= to - at;
        end -= to - at;
      } else if (at < end && to > at) survived = false;
    }
  }
  return { points: text, start, end, survived };
}

/** Whether the selector, read as W3C TextQuoteSelector, describes the span: the quote with its prefix and suffix around it. */
function describes(points: string[], start: number, end: number, s: Selector): boolean {
  const before = points.slice(0, start).join('');
  const after = points.slice(end).join('');
  return points.slice(start, end).join('') === s.exact && (!s.prefix || before.endsWith(s.prefix)) && (!s.suffix || after.startsWith(s.suffix));
}

Anchors(`re-anchors to the same quote or reports it, never a wrong span (${RUNS} runs)`, () => {
  const setup = fc.record({
    points: wordsText(3, 30),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
    prefix: fc.integer({ min: 0, max: 32 }),
    suffix: fc.integer({ min: 0, max: 32 }),
    offsets: fc.boolean(),
    edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
  });
  let anchored = 0;
  let reported = 0;
  fc.assert(
    fc.property(setup, (c) => {
      const start = c.from % c.points.length;
      const end = Math.min(c.points.length, start + c.length);
      const selector: Selector = { exact: c.points.slice(start, end).join('') };
      if (c.prefix) selector.prefix = c.points.slice(Math.max(0, start - c.prefix), start).join('');
      if (c.suffix) selector.suffix = c.points.slice(end, end + c.suffix).join('');
      if (c.offsets) Object.assign(selector, { start, end });
      if (selector.exact.trim() === '') return;
      const edited = applyEdits(c.points, { start, end }, c.edits);
      const result = anchor(new OffsetMap(edited.points.join('')), selector);
      const where = `text ${JSON.stringify(edited.points.join(''))}, selector ${JSON.stringify(selector)}, quote ${edited.survived ? `now at ${edited.start}-${edited.end}` : 'cut by an edit'}`;
      if (result.ok) {
        anchored++;
        const same = edited.survived && result.start === edited.start && result.end === edited.end;
        assert.ok(same || describes(edited.points, result.start, result.end, selector), `anchored to ${result.start}-${result.end} (${JSON.stringify(edited.points.slice(result.start, result.end).join(''))}), a wrong span: ${where}`);
      } else {
        reported++;
        assert.ok(result.message.length > 0);
        // Offsets past the shortened text are refused as malformed (see the bad-input corpus), not re-anchored.
        const offsetsFit = selector.end === undefined || selector.end <= edited.points.length;
        const intact = offsetsFit && edited.survived && describes(edited.points, edited.start, edited.end, selector);
        const elsewhere = intact && [...Array(edited.points.length + 1).keys()].some((s) => s !== edited.start && describes(edited.points, s, s + (end - start), selector));
        assert.not.ok(intact && !elsewhere, `reported (${result.message}) though the quote and its context are intact and unique: ${where}`);
      }
    }),
    params,
  );
  assert.ok(anchored > 0 && reported > 0, `both outcomes were exercised (${anchored} anchored, ${reported} reported)`);
});

Anchors('the checker catches a wrong span: the stated offsets of a quote that moved', () => {
  const points = [...'ab ab cd'];
  const selector: Selector = { exact: 'ab', prefix: 'ab ', start: 3, end: 5 };
  const edited = applyEdits(points, { start: 3, end: 5 }, [{ insert: true, near: false, at: 0, shift: 0, length: 1, text: [...'ab '] }]);
  assert.ok(edited.survived);
  assert.equal([edited.start, edited.end], [6, 8]);
  assert.not.ok(describes(edited.points, 3, 5, { exact: 'ab', prefix: 'zz' }));
  assert.ok(describes(edited.points, 6, 8, selector));
});

Anchors.run();
