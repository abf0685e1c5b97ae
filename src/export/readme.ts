import type { Corpus } from '../types.ts';
import type { DatasetAbout } from './about.ts';
import type { DatasetFile } from './files.ts';
import { NEUTRALISED_COLUMNS } from './csv.ts';
import { LICENSE, LICENSE_NOTE } from './vocabulary.ts';

/**
 * README.md of the dataset (in data/ and at the top of gloss-dataset.zip): what each file holds,
 * how to read and cite it, its licences, and the annotator's version and measured accuracy. Made
 * from the same descriptions as datapackage.json and the /data/ page, so the three agree.
 */

const pct = (x: number): string => (x * 100).toFixed(1);

/** A Markdown table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function fileSection(f: DatasetFile): string {
  const lines = [`### ${f.path}`, '', `${f.title}. ${f.description}`, ''];
  if (f.columns) {
    lines.push('| column | type | meaning |', '|---|---|---|');
    for (const c of f.columns) lines.push(`| \`${c.name}\` | ${c.type}${c.required ? ', required' : ''} | ${cell(c.description)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function accuracySection(about: DatasetAbout): string {
  if (!about.accuracy?.length) return 'The annotator\'s accuracy was not measured for this build (docs/accuracy.json, the output of `npm run eval -- --json`, was absent).\n';
  const rows = about.accuracy.map(
    (s) =>
      `| ${s.name} (${s.files} articles) | ${pct(s.entities.named.f1)} | ${pct(s.entities.overall.f1)} | ${pct(s.entities.linking.accuracy)} | ${pct(s.claims.detection.f1)} | ${pct(s.claims.source.accuracy)} | ${pct(s.claims.polarity.accuracy)} |`,
  );
  return [
    'Measured by `npm run eval` against hand annotations made per the project\'s annotation guidelines (the gold sets in tests/gold/), in per cent:',
    '',
    '| gold set | entities, person/org/place F1 | all types F1 | linking accuracy | claims F1 | claim source | polarity |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'These sets are small and the rules were developed against them: expect less on other news, and check a sample of the annotations you rely on.',
    '',
  ].join('\n');
}

/** The README's text for a corpus; `files` are the descriptions of datasetFiles(). */
export function datasetReadme(corpus: Corpus, files: DatasetFile[], about: DatasetAbout): string {
  const mentions = corpus.documents.reduce((n, d) => n + d.mentions.length, 0);
  const claims = corpus.documents.reduce((n, d) => n + d.claims.length, 0);
  const entities = new Set(corpus.documents.flatMap((d) => d.mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])))).size;
  const inZip = files.filter((f) => f.path !== 'gloss-dataset.zip');
  return `# Gloss annotated news corpus

${corpus.documents.length} news articles annotated with the people, organisations, places, events and dates they mention (${mentions} mentions of ${entities} entities) and the claims they attribute to sources (${claims} claims, ${corpus.clusters.length} clusters of claims that several articles report). Every annotation points into the article's source text by Unicode code-point offsets.

Made by Gloss ${about.gloss}, annotator version ${about.annotator}. Every mark was made by a program following written guidelines, and some are wrong: each records its method and a confidence.

## How to read it

- **Offsets** (\`start\`, \`end\`) count Unicode code points into \`sources/{article_id}.txt\`, end exclusive: in Python, \`open(path, encoding='utf-8', newline='').read()[start:end] == exact\` for every mention and claim.
- **CSV** files follow RFC 4180: UTF-8, a header row, records ending in CRLF, booleans as \`true\`/\`false\`, an empty cell for a missing value. Read them with \`pandas.read_csv(path, keep_default_na=False)\` so that an empty cell stays empty.
- **Formula safety**: in the free-text columns ${NEUTRALISED_COLUMNS.map((c) => `\`${c}\``).join(', ')}, a value that a spreadsheet would run as a formula is written with an apostrophe before it; remove one leading apostrophe to get the value. \`exact\`, \`prefix\` and \`suffix\` are never altered.
- **datapackage.json** describes every table as a Frictionless Data Package (types, primary and foreign keys) with each file's size and SHA-256; the per-article files are listed in \`article-files.csv\`.
- **JSON-LD**: \`corpus.jsonld\` uses schema.org; \`annotations.jsonld\` follows the W3C Web Annotation model. Both expand offline with the contexts in \`contexts/\`.
- **SQLite**: \`gloss.sqlite\`, a separate download beside this archive, holds the same tables with their keys and a full-text index of the texts.

## How to cite it

> Gloss annotated news corpus: ${corpus.documents.length} articles, annotated by Gloss ${about.gloss} (annotator ${about.annotator}). Licensed ${LICENSE.name} (${LICENSE.url}).

Cite the articles themselves by their outlet, author, date and URL (in \`articles.csv\` and \`corpus.jsonld\`).

## Licence

${LICENSE_NOTE}

## How well the annotator did

${accuracySection(about)}
## The files

${inZip.map(fileSection).join('\n')}`;
}
