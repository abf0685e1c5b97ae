import { fileURLToPath } from 'node:url';
import type { Entity } from '../types.ts';
import { compileGazetteer, type Gazetteer } from './gazetteer.ts';
import { indexNames, type NameIndex } from './linker.ts';
import { gazetteerMarker } from './tagger/gazetteer.ts';
import type { Recogniser } from './tagger/model.ts';
import type { GazetteerMarker } from './tagger/sentences.ts';
import { load } from './tagger/store.ts';

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

/** The knowledge base as the recogniser's features see it: names that are ordinary words left out. */
export function recogniserNames(knowledgeBase: Entity[]): Entity[] {
  return knowledgeBase.map((e) => {
    if (!e.commonNames?.length) return e;
    const common = new Set(e.commonNames);
    return { ...e, label: common.has(e.label) ? '' : e.label, aliases: e.aliases.filter((a) => !common.has(a)) };
  });
}
