/**
 * Readers for the gold-annotated news the recogniser learns from and is measured on
 * (`../shared/corpora/ner/`, see its SOURCE.md): CoNLL-2003 (`token POS chunk NER`, IOB1) and the
 * English Worldwide Newswire set (`token<TAB>tag`, IOB2). Both become documents of sentences with
 * entity spans in the recogniser's four types, and can be rebuilt into running text (and into an
 * Article) so that the whole annotator can be scored on them. Their text is never copied into
 * the project: these readers run on the corpora where they lie.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article, Block } from '../../types.ts';

/** The recogniser's entity types: CoNLL-2003's four. */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A typed entity over tokens `[start, end)` of one sentence. */
export interface TokenSpan {
  start: number;
  end: number;
  type: NerType;
}

/** One gold sentence: its tokens and its entities. */
export interface GoldSentence {
  tokens: string[];
  spans: TokenSpan[];
}

/** One gold document, named after its file (and its place in the file for CoNLL). */
export interface GoldDocument {
  id: string;
  sentences: GoldSentence[];
  /** Whether its tokeniser split hyphenated words, so that a lone `-` between words is a hyphen (Worldwide). */
  hyphens?: boolean;
}

/** Worldwide's types as ours (SOURCE.md): facilities are places, nationalities and groups go with CoNLL's MISC; dates and money are not names. */
const WORLDWIDE_TYPES: Record<string, NerType | null> = {
  Person: 'PER',
  Organization: 'ORG',
  Location: 'LOC',
  Facility: 'LOC',
  NORP: 'MISC',
  Misc: 'MISC',
  Product: 'MISC',
  Date: null,
  Money: null,
};

const CONLL_TYPES: Record<string, NerType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/**
 * Turns a sentence's IOB tags into spans. `iob1`: `I-X` opens an entity unless it follows one of
 * the same type, `B-X` only separates two adjacent entities (CoNLL-2003); otherwise IOB2, where a
 * stray `I-X` after `O` still opens one, as conlleval reads it.
 */
export function spansOfTags(tags: Array<{ prefix: 'B' | 'I' | 'O'; type: NerType | null }>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  tags.forEach((tag, i) => {
    const continues = open !== null && tag.prefix === 'I' && tag.type === open.type;
    if (continues) {
      open!.end = i + 1;
      return;
    }
    if (open) spans.push(open);
    open = tag.prefix !== 'O' && tag.type ? { start: i, end: i + 1, type: tag.type } : null;
  });
  if (open) spans.push(open);
  return spans;
}

function parseTag(tag: string, types: Record<string, NerType | null>): { prefix: 'B' | 'I' | 'O'; type: NerType | null } {
  if (tag === 'O' || tag.length < 3) return { prefix: 'O', type: null };
  const prefix = tag[0] === 'B' ? 'B' : 'I';
  const type = types[tag.slice(2)] ?? null;
  return type ? { prefix, type } : { prefix: 'O', type: null };
}

/** Reads a CoNLL-2003 file (`eng.train`, `eng.testa`) into its documents. */
export function readConll(path: string): GoldDocument[] {
  const name = basename(path);
  const docs: GoldDocument[] = [];
  let sentence: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  let doc: GoldDocument | null = null;
  const flush = (): void => {
    if (sentence.tokens.length && doc) doc.sentences.push({ tokens: sentence.tokens, spans: spansOfTags(sentence.tags.map((t) => parseTag(t, CONLL_TYPES))) });
    sentence = { tokens: [], tags: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const fields = line.trim().split(' ');
    if (fields[0] === '-DOCSTART-') {
      flush();
      doc = { id: `${name}#${docs.length + 1}`, sentences: [] };
      docs.push(doc);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    sentence.tokens.push(fields[0]!);
    sentence.tags.push(fields[fields.length - 1]!);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** Reads one Worldwide Newswire file (first line its address, then `token<TAB>tag[<TAB>nested tag]`). */
export function readWorldwideFile(path: string): GoldDocument {
  const lines = readFileSync(path, 'utf8').split('\n');
  const sentences: GoldSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) sentences.push({ tokens, spans: spansOfTags(tags.map((t) => parseTag(t, WORLDWIDE_TYPES))) });
    tokens = [];
    tags = [];
  };
  // The first line is the article's address with an O tag, not text.
  for (const line of lines.slice(1)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    // A few lines carry a nested entity's tag after the outer one's: the outer entity is the name.
    const [raw, outer] = line.split('\t');
    const token = (raw ?? '').trim();
    if (!token) continue;
    tokens.push(token);
    tags.push(outer?.trim() || 'O');
  }
  flush();
  return { id: basename(path), sentences };
}

/** The Worldwide files of a folder, sorted. */
export function worldwideFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
}

/**
 * Gloss's fixed split of the Worldwide files into train and development: a file is development
 * when the first byte of the SHA-256 of its name is below 52 (about one in five). By file, as
 * SOURCE.md asks, and independent of which files a copy holds.
 */
export function isWorldwideDevelopment(file: string): boolean {
  return createHash('sha256').update(basename(file)).digest()[0]! < 52;
}

/**
 * Reads the Worldwide files of one split, for the recogniser: with `hyphens` set, so that their
 * text is rebuilt with hyphenated words whole again. (`readWorldwideFile` alone leaves it unset:
 * the claims gold counts its offsets into the text as first rebuilt, with spaced hyphens.)
 */
export function readWorldwide(dir: string, split: 'train' | 'development'): GoldDocument[] {
  return worldwideFiles(dir)
    .filter((f) => isWorldwideDevelopment(f) === (split === 'development'))
    .map((f) => ({ ...readWorldwideFile(join(dir, f)), hyphens: true }));
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}»”’]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|'RE|'VE|'LL|'D|'M|\.\.\.|…)$/;
const NO_SPACE_AFTER = /^[(\[{$«“‘£€]$/;

/**
 * Rebuilds a tokenised sentence as running text, with the UTF-16 span of each token: tokens are
 * joined by a space, except before closing punctuation and clitics and after opening brackets;
 * straight double quotes alternate between opening and closing.
 */
export function detokenize(tokens: string[], options: { hyphens?: boolean } = {}): { text: string; offsets: Array<[number, number]> } {
  let text = '';
  const offsets: Array<[number, number]> = [];
  let quoteOpen = false;
  let glueNext = true;
  tokens.forEach((token, k) => {
    let glue = glueNext || NO_SPACE_BEFORE.test(token);
    glueNext = NO_SPACE_AFTER.test(token);
    // Worldwide splits hyphenated words ("anti - gay", "U.S. - Egypt"): their hyphen joins again.
    if (options.hyphens && token === '-' && /[\p{L}\p{N}.]$/u.test(tokens[k - 1] ?? '') && /^[\p{L}\p{N}]/u.test(tokens[k + 1] ?? '')) {
      glue = true;
      glueNext = true;
    }
    if (token === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (!glue) text += ' ';
    offsets.push([text.length, text.length + token.length]);
    text += token;
  });
  return { text, offsets };
}

/** A gold document rebuilt as text: one line a sentence, with every token's UTF-16 span. */
export interface RebuiltDocument {
  text: string;
  /** Per sentence, per token, `[start, end)` into `text`. */
  offsets: Array<Array<[number, number]>>;
}

/** Rebuilds a document's text: its sentences one a line, as Gloss reads a paragraph a line; Worldwide's split hyphens joined again. */
export function rebuild(doc: GoldDocument): RebuiltDocument {
  const lines: string[] = [];
  const offsets: Array<Array<[number, number]>> = [];
  let at = 0;
  for (const sentence of doc.sentences) {
    const { text, offsets: spans } = detokenize(sentence.tokens, { hyphens: doc.hyphens === true });
    offsets.push(spans.map(([a, b]) => [a + at, b + at]));
    lines.push(text);
    at += text.length + 1;
  }
  return { text: lines.join('\n'), offsets };
}

/**
 * The rebuilt document as an Article for the annotator: every sentence a paragraph block, the
 * first a title when `headline` is set (CoNLL documents open with their headline). Offsets are
 * code points, as everywhere in Gloss.
 */
export function articleOf(doc: GoldDocument, rebuilt: RebuiltDocument = rebuild(doc), headline = false): Article {
  const { text } = rebuilt;
  const toPoint = codePointIndex(text);
  const blocks: Block[] = [];
  let at = 0;
  text.split('\n').forEach((line, i) => {
    if (line.length) blocks.push({ kind: headline && i === 0 ? 'title' : 'paragraph', start: toPoint(at), end: toPoint(at + line.length), hidden: [] });
    at += line.length + 1;
  });
  const id = doc.id.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return {
    id,
    sourceFile: doc.id,
    sha256: createHash('sha256').update(text).digest('hex'),
    text,
    title: headline ? text.split('\n')[0]! : doc.id,
    standfirst: null,
    byline: null,
    author: null,
    outlet: null,
    published: null,
    url: null,
    language: 'en',
    blocks,
    setAside: [],
    wordCount: doc.sentences.reduce((n, s) => n + s.tokens.length, 0),
    section: null,
    duplicateOf: null,
  };
}

function codePointIndex(text: string): (unit: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (unit) => unit;
  return (unit) => [...text.slice(0, unit)].length;
}
