import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { error } from '../problems.ts';
import type { ContentProblem, Entity } from '../types.ts';
import { compileGazetteer, type Gazetteer } from './gazetteer.ts';
import { indexNames, type NameIndex } from './linker.ts';
import { gazetteerMarker } from './tagger/gazetteer.ts';
import type { Recogniser } from './tagger/model.ts';
import type { GazetteerMarker } from './tagger/sentences.ts';
import { MAGIC, load } from './tagger/store.ts';

/** Everything the annotator needs besides the article: the compiled knowledge base and the recogniser. */
export interface Annotator {
  /** The hand-written entries' names, matched wherever they occur (and every entity by id). */
  gazetteer: Gazetteer;
  /** Every entity's names, for linking what the recogniser finds. */
  names: NameIndex;
  recogniser: Recogniser;
  /** Marks the knowledge-base names of a sentence for the recogniser's features. */
  marker: GazetteerMarker;
}

/** Whether an entity is hand-written (`_data/entities.json`), rather than derived from Wikidata. */
export function isCurated(entity: Entity): boolean {
  return !entity.sources || entity.sources.label === 'entities.json';
}

/** Where the committed model lives. */
export const MODEL_DIR = fileURLToPath(new URL('../../_data/model/', import.meta.url));

let committed: Recogniser | null = null;

/** The committed recogniser (`_data/model/`), read once per thread. */
export function committedRecogniser(): Recogniser {
  committed ??= load(MODEL_DIR);
  return committed;
}

/** Compiles the knowledge base and pairs it with a recogniser (the committed one by default). */
export function compileAnnotator(knowledgeBase: Entity[], recogniser: Recogniser = committedRecogniser()): Annotator {
  return {
    gazetteer: compileGazetteer(knowledgeBase, knowledgeBase.filter(isCurated)),
    names: indexNames(knowledgeBase),
    recogniser,
    marker: gazetteerMarker(recogniserNames(knowledgeBase)),
  };
}

/**
 * Whether the recogniser in `dir` can be read, checked cheaply before any article is annotated (the
 * card, each file it names, each weight file's first bytes); a problem naming the folder and the
 * fix when it cannot, else null. Loading it in full (`load`) still checks everything.
 */
export function modelProblem(dir: string = MODEL_DIR, shown = '_data/model/'): ContentProblem | null {
  const fix = 'restore the committed model with `git checkout -- _data/model` or make it again with `npm run train`';
  try {
    const card = JSON.parse(readFileSync(join(dir, 'recogniser.json'), 'utf8')) as { passes?: Record<'first' | 'second', { file: string }>; lexicon?: { file: string }; clusters?: { file: string } };
    const files = [card.passes?.first.file, card.passes?.second.file, card.lexicon?.file, card.clusters?.file];
    if (files.some((f) => typeof f !== 'string')) return error(shown, 'recogniser.json', `the recogniser's card does not name its files; ${fix}`);
    for (const file of files.slice(0, 2) as string[]) {
      const head = Buffer.alloc(4);
      const fd = openSync(join(dir, file), 'r');
      const read = readSync(fd, head, 0, 4, 0);
      closeSync(fd);
      if (read < 4 || head.readUInt32LE(0) !== MAGIC) return error(shown, file, `not a weight file of Gloss's recogniser; ${fix}`);
    }
    for (const file of files.slice(2) as string[]) closeSync(openSync(join(dir, file), 'r'));
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? `${(e as NodeJS.ErrnoException).path ?? 'a file'} is missing` : e instanceof SyntaxError ? 'recogniser.json is not valid JSON' : (e as Error).message;
    return error(shown, '', `the name recogniser's model cannot be read (${what}); ${fix}`);
  }
}

/** The knowledge base as the recogniser's features see it: names that are ordinary words left out. */
export function recogniserNames(knowledgeBase: Entity[]): Entity[] {
  return knowledgeBase.map((e) => {
    if (!e.commonNames?.length) return e;
    const common = new Set(e.commonNames);
    return { ...e, label: common.has(e.label) ? '' : e.label, aliases: e.aliases.filter((a) => !common.has(a)) };
  });
}
