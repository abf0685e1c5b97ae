/**
 * The recogniser on disk (`_data/model/`): each pass's weights as a small binary file of features
 * sorted by hash with their non-zero weights quantised to 16 bits, the casing lexicon as one word
 * a line, and `recogniser.json` with the tag set, the feature templates, the transition weights
 * and the training settings. Written in a fixed order, so the same weights give the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAGS, TAG_COUNT } from './bilou.ts';
import type { CasingLexicon } from './casing.ts';
import type { WordClasses } from './clusters.ts';
import { CONTEXT_TEMPLATES, WORD_TEMPLATES } from './features.ts';
import type { Recogniser } from './model.ts';
import type { LinearModel } from './perceptron.ts';
import { FeatureTable } from './table.ts';

const T = TAG_COUNT;
const FORMAT = 'gloss-recogniser/1';
export const MAGIC = 0x474c5352; // "GLSR"

/** What `recogniser.json` holds besides the weights. */
export interface ModelCard {
  format: string;
  tags: string[];
  wordTemplates: string[];
  contextTemplates: string[];
  passes: Record<'first' | 'second', { file: string; features: number; weights: number; scale: number; transitions: number[] }>;
  lexicon: { file: string; words: number };
  /** Word classes learned from the training text: sizes of each clustering, and their file. */
  clusters: { file: string; words: number; sizes: number[] };
  /** Training settings and data, as `npm run train` recorded them. */
  training: Record<string, unknown>;
}

/** A weight is kept when its quantised magnitude reaches this (of 32767). */
const KEEP = 1;

function encodePass(model: LinearModel): { bytes: Buffer; features: number; weights: number; scale: number } {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const entries = [...model.rows].sort((a, b) => a[0] - b[0]);
  const chunks: number[] = [];
  const ints: number[] = [];
  let features = 0;
  let weights = 0;
  for (const [hash, row] of entries) {
    let mask = 0;
    const values: number[] = [];
    for (let t = 0; t < T; t++) {
      const q = Math.round(model.weights[row * T + t]! / scale);
      if (Math.abs(q) >= KEEP) {
        mask |= 1 << t;
        values.push(q);
      }
    }
    if (!mask) continue;
    features++;
    weights += values.length;
    chunks.push(hash, mask);
    ints.push(...values);
  }
  const header = Buffer.alloc(12);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(features, 4);
  header.writeUInt32LE(weights, 8);
  const heads = Buffer.from(Uint32Array.from(chunks).buffer);
  const body = Buffer.from(Int16Array.from(ints).buffer);
  return { bytes: Buffer.concat([header, heads, body]), features, weights, scale };
}

function decodePass(bytes: Buffer, scale: number, transitions: number[], file: string): LinearModel {
  if (bytes.readUInt32LE(0) !== MAGIC) throw new Error(`${file} is not a Gloss recogniser weight file; run npm run train`);
  const features = bytes.readUInt32LE(4);
  const count = bytes.readUInt32LE(8);
  const heads = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + 12, bytes.byteOffset + 12 + features * 8));
  const values = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 12 + features * 8, bytes.byteOffset + 12 + features * 8 + count * 2));
  // Tagging needs only the packed table; the hash → row map and the dense weights (hundreds of
  // thousands of entries, most of the load time) are unpacked if something asks for them.
  let unpacked: { rows: Map<number, number>; weights: Float32Array } | undefined;
  const unpack = () => {
    if (unpacked) return unpacked;
    const rows = new Map<number, number>();
    const weights = new Float32Array(features * T);
    let v = 0;
    for (let f = 0; f < features; f++) {
      rows.set(heads[2 * f]!, f);
      const mask = heads[2 * f + 1]!;
      for (let t = 0; t < T; t++) if (mask & (1 << t)) weights[f * T + t] = values[v++]! * scale;
    }
    return (unpacked = { rows, weights });
  };
  return {
    get rows() {
      return unpack().rows;
    },
    get weights() {
      return unpack().weights;
    },
    transitions: Float32Array.from(transitions),
    table: FeatureTable.fromPacked(heads, values, scale),
  };
}

/** Writes a trained recogniser into `dir`, returning its card. */
export function save(model: Recogniser, dir: string, training: Record<string, unknown>): ModelCard {
  mkdirSync(dir, { recursive: true });
  const passes = {} as ModelCard['passes'];
  for (const name of ['first', 'second'] as const) {
    const { bytes, features, weights, scale } = encodePass(model[name]);
    const file = `${name}.bin`;
    writeFileSync(join(dir, file), bytes);
    passes[name] = { file, features, weights, scale, transitions: [...model[name].transitions].map((x) => Number(x.toPrecision(6))) };
  }
  const words = [...model.lexicon.values()].sort();
  writeFileSync(join(dir, 'casing.txt'), `${words.join('\n')}\n`);
  const clustered = [...new Set(model.classes.flatMap((c) => [...c.keys()]))].sort();
  writeFileSync(join(dir, 'clusters.txt'), clustered.map((w) => [w, ...model.classes.map((c) => c.get(w) ?? '')].join('\t')).join('\n') + '\n');
  const card: ModelCard = {
    format: FORMAT,
    tags: [...TAGS],
    wordTemplates: WORD_TEMPLATES.map(([name, offsets]) => `${name}@${offsets.join(',')}`),
    contextTemplates: CONTEXT_TEMPLATES.map(([name]) => name),
    passes,
    lexicon: { file: 'casing.txt', words: words.length },
    clusters: { file: 'clusters.txt', words: clustered.length, sizes: model.classes.map((c) => new Set(c.values()).size) },
    training,
  };
  writeFileSync(join(dir, 'recogniser.json'), `${JSON.stringify(card, null, 2)}\n`);
  return card;
}

/** Reads the recogniser that `save` wrote. */
export function load(dir: string): Recogniser {
  const cardPath = join(dir, 'recogniser.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as ModelCard;
  if (card.format !== FORMAT) throw new Error(`${cardPath} has format ${card.format}, not ${FORMAT}; run npm run train`);
  const templates = [...WORD_TEMPLATES.map(([name, offsets]) => `${name}@${offsets.join(',')}`), ...CONTEXT_TEMPLATES.map(([name]) => name)];
  if (templates.join(' ') !== [...card.wordTemplates, ...card.contextTemplates].join(' ')) throw new Error(`${cardPath} was trained with other features than the code defines; run npm run train`);
  const lexicon: CasingLexicon = new Map();
  for (const word of readFileSync(join(dir, card.lexicon.file), 'utf8').split('\n')) if (word) lexicon.set(word.toLowerCase(), word);
  const pass = (name: 'first' | 'second'): LinearModel => decodePass(readFileSync(join(dir, card.passes[name].file)), card.passes[name].scale, card.passes[name].transitions, card.passes[name].file);
  const classes: WordClasses[] = card.clusters.sizes.map(() => new Map());
  for (const line of readFileSync(join(dir, card.clusters.file), 'utf8').split('\n')) {
    // A word, then its class in each clustering, tab-separated; empty where it has none.
    let end = line.indexOf('\t');
    if (end < 0) continue;
    const word = line.slice(0, end);
    for (let k = 0; end >= 0; k++) {
      const start = end + 1;
      end = line.indexOf('\t', start);
      const id = line.slice(start, end < 0 ? undefined : end);
      if (id !== '') classes[k]?.set(word, Number(id));
    }
  }
  return { first: pass('first'), second: pass('second'), lexicon, classes };
}
