/**
 * The model card beside the weights (`_data/model/README.md`), as Hugging Face and spaCy ship
 * them: what the recogniser is, what it learned from and under which licences, its features,
 * its settings, its figures on each development set, its size, and how to train it again.
 * Written by `npm run train` from what it did, so it cannot drift from the weights.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelCard } from './store.ts';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Writes `README.md` into the model folder from the card `save` returned. */
export function writeModelCard(dir: string, card: ModelCard): void {
  const files = readdirSync(dir).filter((f) => f !== 'README.md').sort();
  const sizes = files.map((f) => `| \`${f}\` | ${mb(statSync(join(dir, f)).size)} |`);
  const total = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  const training = card.training as {
    data: Record<string, { documents: number; sentences: number } | string[]>;
    settings: Record<string, number | string>;
    knowledgeBase: { entities: number };
    development: Record<string, Record<string, { f1: number; precision: number; recall: number }>>;
  };
  const dataRows = Object.entries(training.data)
    .filter(([, v]) => !Array.isArray(v))
    .map(([k, v]) => `| ${k} | ${(v as { documents: number }).documents} | ${(v as { sentences: number }).sentences} |`);
  const devFiles = Object.values(training.data).find(Array.isArray) as string[] | undefined;
  const figureRows = Object.entries(training.development).flatMap(([set, figures]) =>
    Object.entries(figures).map(([type, f]) => `| ${set} | ${type} | ${f.precision.toFixed(1)} | ${f.recall.toFixed(1)} | ${f.f1.toFixed(1)} |`),
  );
  const text = `# Gloss's entity recogniser: model card

Written by \`npm run train\`; do not edit by hand.

## What it is
A sequence tagger that finds the names of people (PER), organisations (ORG), places (LOC) and other
names (MISC: nationalities, events, works) in English news, written for Gloss in TypeScript
(\`src/annotate/tagger/\`). Two structured averaged perceptrons (Collins 2002) over BILOU tags with
Viterbi decoding restricted to valid tag sequences: the first reads each sentence alone; the
second also sees how the first tagged the same word elsewhere in the article (document features,
after Ratinov and Roth 2009), and learns them from first-pass tags made by ${training.settings.folds}-fold
jackknifing, so that it trusts them as much as they deserve on new text. Gloss's annotate stage
uses it for the names its knowledge base lacks and to type the names it has; dates, claims and
curation keep their own rules.

## Training data
| corpus | documents | sentences |
|---|---|---|
${dataRows.join('\n')}

- **CoNLL-2003 English** (Tjong Kim Sang and De Meulder 2003; Reuters RCV1 newswire, 1996):
  \`eng.train\`. The annotations are free for research; the Reuters text is licensed by NIST for
  research use. Only weights learned from it are shipped, never its text.
- **English Worldwide Newswire** (Shan et al., EMNLP Findings 2023; outlets in Africa, Asia, Latin
  America, the Middle East and Oceania/Canada, 2010s-2020s): the training files of Gloss's fixed
  split by file (\`isWorldwideDevelopment\` in \`src/annotate/tagger/corpus.ts\`: a file is
  development when the first byte of the SHA-256 of its name is below 52). No licence is stated in
  its repository (a dataset index lists CC BY-NC-SA 4.0); research use. Only weights are shipped.
- Types mapped as \`../shared/corpora/ner/SOURCE.md\` describes: Person→PER, Organization→ORG,
  Location and Facility→LOC, NORP, Misc and Product→MISC; dates and money are not names.
- The text is read through Gloss's own tokeniser and sentence splitter (\`viewOf\`), one corpus
  sentence a paragraph, so training and tagging see the same tokens.
- Knowledge-base features come from the knowledge base at training time (${training.knowledgeBase.entities} entities).

## Features
Word features (per distinct word, at the window offsets shown): ${card.wordTemplates.map((t) => `\`${t}\``).join(', ')}.
Context features: ${card.contextTemplates.map((t) => `\`${t}\``).join(', ')}.
Word classes (\`clusters.txt\`, ${card.clusters.words} words in clusterings of ${card.clusters.sizes.join(' and ')} classes) are learned
from the training text by the exchange algorithm (a class bigram model, Martin, Liermann and Ney 1998),
so that a rare word shares what the model learned of words used like it.
Words of sentences written in capitals (sports results, wire headlines) are read in their usual
case: the article's own, else the casing lexicon learned from the training text
(\`casing.txt\`, ${card.lexicon.words} words), else with an initial capital.

## Settings
Epochs ${training.settings.epochs} per pass, ${training.settings.folds} folds for the second pass's training features, word clusterings of ${training.settings.clusters} classes,
shuffle seed ${training.settings.seed}, features kept when seen at least ${training.settings.minCount} time(s). Weights
are averaged, quantised to 16 bits (scale in \`recogniser.json\`) and stored sparsely: first pass
${card.passes.first.features} features (${card.passes.first.weights} weights), second pass ${card.passes.second.features} features
(${card.passes.second.weights} weights).

## Figures on the development splits (the recogniser alone, strict span and type, conlleval's rules)
| set | type | precision | recall | F1 |
|---|---|---|---|---|
${figureRows.join('\n')}

These splits were used to choose the settings, so they flatter the model a little. \`npm run eval\`
scores the whole annotator (recogniser, knowledge base and Gloss's conventions) on them. The
Worldwide development files: ${devFiles?.length ?? 0} (listed in \`recogniser.json\`).

## Size
| file | size |
|---|---|
${sizes.join('\n')}
| total | ${mb(total)} |

## Known weaknesses
- Trained on news from 1996 (Reuters) and the 2010s-2020s (Worldwide): names and styles far from
  these (social media, transcripts, non-news genres) will do worse.
- MISC is a mixed class; Gloss keeps a MISC name only as an event or, through the knowledge base,
  as an adjectival place form.
- Gloss keeps an honorific inside a person's span ("Mr Kim"); the corpora leave it out, so Gloss
  adds it after tagging.

## Train it again
With \`../shared/corpora/ner/\` beside the project: \`npm run train\` (about ten minutes on two cores;
options \`--epochs\`, \`--folds\`, \`--seed\`, \`--corpora DIR\`, \`--out DIR\`). The same data and
settings give byte-identical files.
`;
  writeFileSync(join(dir, 'README.md'), text);
}
