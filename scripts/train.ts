/**
 * `npm run train`: trains the entity recogniser on the gold NER corpora beside the project
 * (`../shared/corpora/ner/`: CoNLL-2003 `eng.train` and the Worldwide Newswire training files),
 * scores it on their development splits (CoNLL-2003 `eng.testa`, the Worldwide development
 * files), and writes the model and its card into `_data/model/`. The same data give the same
 * bytes. Options: `--corpora DIR` (the folder holding `conll2003/` and `worldwide/`),
 * `--out DIR`, `--epochs N`, `--folds N`, `--seed N`, `--clusters 64,256` (sizes of the word
 * clusterings learned from the training text; empty for none).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recogniserNames } from '../src/annotate/annotator.ts';
import { loadMergedKnowledgeBase } from '../src/kb/index.ts';
import { readConll, readWorldwide, worldwideFiles, isWorldwideDevelopment, type GoldDocument } from '../src/annotate/tagger/corpus.ts';
import { countCasing, project } from '../src/annotate/tagger/gold.ts';
import { train } from '../src/annotate/tagger/model.ts';
import { gazetteerMarker } from '../src/annotate/tagger/gazetteer.ts';
import { scoreTagger, type TaggerScores } from '../src/annotate/tagger/score.ts';
import { save } from '../src/annotate/tagger/store.ts';
import { writeModelCard } from '../src/annotate/tagger/card.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    corpora: { type: 'string', default: join(root, '..', 'shared', 'corpora', 'ner') },
    out: { type: 'string', default: join(root, '_data', 'model') },
    epochs: { type: 'string', default: '10' },
    folds: { type: 'string', default: '4' },
    seed: { type: 'string', default: '20240607' },
    'min-count': { type: 'string', default: '1' },
    clusters: { type: 'string', default: '64,256' },
  },
});
const corpora = values.corpora!;
const conllDir = join(corpora, 'conll2003');
const worldwideDir = join(corpora, 'worldwide');
if (!existsSync(join(conllDir, 'eng.train')) || !existsSync(worldwideDir)) {
  console.error(`${corpora}: the training corpora are missing (conll2003/eng.train and worldwide/); pass --corpora DIR, or train where ../shared/corpora/ner/ is beside the project`);
  process.exit(1);
}

const started = performance.now();
const log = (line: string): void => console.log(`${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  ${line}`);
const kb = loadMergedKnowledgeBase(join(root, '_data'));
if (kb.problems.length) {
  console.error('the knowledge base (_data/entities.json, _data/kb/) has problems; run npm run build to see them');
  process.exit(1);
}
const marker = gazetteerMarker(recogniserNames(kb.entities));
const conllTrain = readConll(join(conllDir, 'eng.train'));
const conllDev = readConll(join(conllDir, 'eng.testa'));
const worldwideTrain = readWorldwide(worldwideDir, 'train');
const worldwideDev = readWorldwide(worldwideDir, 'development');
const lexicon = countCasing([...conllTrain, ...worldwideTrain]).lexicon();
const training = [...conllTrain.map((d) => project(d, lexicon, true, marker)), ...worldwideTrain.map((d) => project(d, lexicon, false, marker))];
log(`read ${conllTrain.length} CoNLL-2003 and ${worldwideTrain.length} Worldwide training documents, ${lexicon.size} words in the casing lexicon`);

const options = { epochs: Number(values.epochs), folds: Number(values.folds), seed: Number(values.seed), minCount: Number(values['min-count']), clusters: values.clusters!.split(',').filter(Boolean).map(Number), log };
const model = train(training, lexicon, options);
const project2 = (d: GoldDocument, headline: boolean) => project(d, lexicon, headline, marker, model.classes);
const scores: Record<string, TaggerScores> = {
  'CoNLL-2003 development (eng.testa)': scoreTagger(model, conllDev.map((d) => project2(d, true))),
  'Worldwide development': scoreTagger(model, worldwideDev.map((d) => project2(d, false))),
};
for (const [name, s] of Object.entries(scores)) log(`${name}: per/org/loc F1 ${(s.named.f1 * 100).toFixed(1)} (P ${(s.named.precision * 100).toFixed(1)}, R ${(s.named.recall * 100).toFixed(1)})`);

const card = save(model, values.out!, {
  data: {
    'CoNLL-2003 eng.train': { documents: conllTrain.length, sentences: conllTrain.reduce((n, d) => n + d.sentences.length, 0) },
    'Worldwide training files': { documents: worldwideTrain.length, sentences: worldwideTrain.reduce((n, d) => n + d.sentences.length, 0) },
    'Worldwide development files': worldwideFiles(worldwideDir).filter(isWorldwideDevelopment),
  },
  knowledgeBase: { entities: kb.entities.length },
  settings: { epochs: options.epochs, folds: options.folds, seed: options.seed, minCount: options.minCount, clusters: options.clusters.join(',') },
  development: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.figures])),
});
writeModelCard(values.out!, card);
log(`wrote ${values.out}`);
