/**
 * The annotator never fails on real text: every article of the shared corpora (the BBC archive,
 * and the Worldwide and CoNLL-2003 documents rebuilt as plain text) annotates into records that
 * pass every validator, and so do articles thrown together from random real sentences. Without
 * `../shared/` (a clone on its own), the corpus sweep has nothing to read and says so; the
 * property test then draws its sentences from the seed articles.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { annotate, compileAnnotator } from '../src/annotate/index.ts';
import { loadKnowledgeBase } from '../src/annotate/knowledge-base.ts';
import { articleOf, readConll, readWorldwideFile, worldwideFiles } from '../src/annotate/tagger/corpus.ts';
import { ingestFile } from '../src/ingest/index.ts';
import type { Article } from '../src/types.ts';
import { validateDocument } from '../src/validate/index.ts';
import { ROOT, tempDir } from './helpers.ts';
import { writeFileSync } from 'node:fs';

const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const kb = loadKnowledgeBase(join(ROOT, '_data', 'entities.json'), '_data/entities.json');
const annotator = compileAnnotator(kb.entities);

/** Annotates an article and returns the validators' problems, one line each. */
function problemsOf(article: Article): string[] {
  const { document } = annotate(article, annotator);
  return validateDocument(document, article.sourceFile).map((p) => `${p.file} ${p.position}: ${p.message}`);
}

/** The BBC archive's articles as Gloss ingests them; the one file that is not UTF-8 cannot be, and is counted. */
function bbcArticles(): { articles: Article[]; refused: string[] } {
  const dir = join(CORPORA, 'bbc-news');
  const articles: Article[] = [];
  const refused: string[] = [];
  for (const section of readdirSync(dir).filter((d) => !d.includes('.')).sort()) {
    for (const file of readdirSync(join(dir, section)).filter((f) => f.endsWith('.txt')).sort()) {
      const { article } = ingestFile(join(dir, section, file), `${section}/${file}`, {});
      if (article) articles.push(article);
      else refused.push(`${section}/${file}`);
    }
  }
  return { articles, refused };
}

const Sweep = suite('every article of the shared corpora');

Sweep('annotates into valid records: no overlapping mentions, every offset inside its text', () => {
  if (!existsSync(CORPORA)) {
    console.log('  (../shared/corpora is not beside this clone: the corpus sweep runs in CI)');
    return;
  }
  const problems: string[] = [];
  const { articles, refused } = bbcArticles();
  assert.is(articles.length + refused.length, 2225);
  assert.ok(refused.length <= 1, `refused: ${refused.join(', ')}`);
  for (const a of articles) problems.push(...problemsOf(a));
  const worldwide = join(CORPORA, 'ner', 'worldwide');
  for (const f of worldwideFiles(worldwide)) problems.push(...problemsOf(articleOf(readWorldwideFile(join(worldwide, f)))));
  for (const split of ['eng.train', 'eng.testa']) for (const d of readConll(join(CORPORA, 'ner', 'conll2003', split))) problems.push(...problemsOf(articleOf(d, undefined, true)));
  assert.equal(problems.slice(0, 20), []);
});

/** Real sentences: from the shared corpora when present, else from the seed articles. */
function realSentences(): string[] {
  const out: string[] = [];
  if (existsSync(CORPORA)) {
    const worldwide = join(CORPORA, 'ner', 'worldwide');
    for (const f of worldwideFiles(worldwide).filter((_, i) => i % 7 === 0)) out.push(...articleOf(readWorldwideFile(join(worldwide, f))).text.split('\n'));
    for (const d of readConll(join(CORPORA, 'ner', 'conll2003', 'eng.testa')).filter((_, i) => i % 5 === 0)) out.push(...articleOf(d).text.split('\n'));
  }
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    out.push(...readFileSync(join(ROOT, 'seeds', f), 'utf8').split(/\n+|(?<=[.!?]["”]?) (?=[A-Z“"])/).filter((s) => s.trim().length > 3));
  }
  return out.filter((s) => s.trim());
}

const Random = suite('articles of random real sentences');

Random('annotate into valid records whatever is thrown together', () => {
  const sentences = realSentences();
  const dir = tempDir();
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(sentences.length - 1), fc.constantFrom('\n\n', ' ', '\n'), fc.boolean()), { minLength: 2, maxLength: 14 }),
      (picks) => {
        const body = picks.map(([k, sep, caps]) => (caps ? sentences[k]!.toUpperCase() : sentences[k]!) + sep).join('');
        const path = join(dir, 'random.txt');
        writeFileSync(path, `A HEADLINE ${sentences[picks[0]![0]]!.slice(0, 40).toUpperCase()}\n\n${body}`);
        const { article } = ingestFile(path, 'seeds/random.txt', {});
        if (!article) return true;
        const problems = problemsOf(article);
        if (problems.length) throw new Error(problems.join('\n'));
        return true;
      },
    ),
    { seed: 20240607, numRuns: 300 },
  );
});

Sweep.run();
Random.run();
