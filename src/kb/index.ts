/**
 * The Wikidata-derived knowledge base: `npm run kb` builds `_data/kb/` from the entity lists of
 * `corpora/wikidata/` (buildKnowledgeBase, layoutFiles, fileText); `loadMergedKnowledgeBase`
 * loads it together with the hand-written `_data/entities.json`.
 */
export { buildKnowledgeBase, buildFromRecords, type KbBuild } from './build.ts';
export { fileText, layoutFiles, MAX_FILE_BYTES } from './files.ts';
export { loadMergedKnowledgeBase, mergeHandWritten, readDerivedEntries } from './load.ts';
