import { OffsetMap } from '../text/offsets.ts';
import type { Claim, Corpus, Mention } from '../types.ts';

/** Thrown when a corpus cannot be published as it stands: a bug upstream, since validate passed it. */
export class DatasetExportError extends Error {
  /** Each inconsistency found, one sentence each. */
  readonly problems: string[];

  constructor(problems: string[]) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    super(`cannot export the dataset: ${problems.length} inconsistenc${problems.length === 1 ? 'y' : 'ies'} in the corpus\n  ${shown}${more}`);
    this.name = 'DatasetExportError';
    this.problems = problems;
  }
}

/** Article ids become file names (`sources/ID.txt`), so they must be plain slugs. */
const SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function spanProblems(map: OffsetMap, span: Mention | Claim): string[] {
  const where = `article ${span.articleId}, ${span.id}`;
  const got = map.slice(span.start, span.end);
  const problems: string[] = [];
  if (span.start < 0 || span.end < span.start || span.end > map.length) problems.push(`${where}: [${span.start}, ${span.end}) lies outside the text's ${map.length} code points`);
  else if (got !== span.exact) problems.push(`${where}: exact is ${JSON.stringify(span.exact)} but the text at [${span.start}, ${span.end}) is ${JSON.stringify(got)}`);
  else if (map.slice(Math.max(0, span.start - [...span.prefix].length), span.start) !== span.prefix) problems.push(`${where}: prefix ${JSON.stringify(span.prefix)} does not end where the span starts`);
  else if (map.slice(span.end, span.end + [...span.suffix].length) !== span.suffix) problems.push(`${where}: suffix ${JSON.stringify(span.suffix)} does not start where the span ends`);
  return problems;
}

/**
 * What the published files promise, checked before anything is written: safe and unique article
 * ids, `text[start:end] == exact` in code points for every mention and claim, and every id that a
 * row cites present in the corpus (so that the foreign keys of datapackage.json hold).
 */
export function checkCorpus(corpus: Corpus): void {
  const problems: string[] = [];
  const entityIds = new Set(corpus.entities.map((e) => e.id));
  const clusterIds = new Set(corpus.clusters.map((k) => k.id));
  const articleIds = new Set<string>();
  const claimIds = new Set<string>();
  const cite = (where: string, what: string, id: string | null, known: Set<string>): void => {
    if (id !== null && !known.has(id)) problems.push(`${where}: cites ${what} "${id}", which the corpus lacks`);
  };
  for (const { article, mentions, claims } of corpus.documents) {
    if (!SAFE_ID.test(article.id)) problems.push(`article ${JSON.stringify(article.id)} (${article.sourceFile}): its id is not a slug of lower-case letters, digits and hyphens, so it cannot name a file`);
    if (articleIds.has(article.id)) problems.push(`article ${article.id}: two articles share the id`);
    articleIds.add(article.id);
    const map = new OffsetMap(article.text);
    for (const m of mentions) {
      problems.push(...spanProblems(map, m));
      cite(`article ${article.id}, ${m.id}`, 'entity', m.entityId, entityIds);
      cite(`article ${article.id}, ${m.id}`, 'entity', m.refersTo, entityIds);
    }
    for (const c of claims) {
      claimIds.add(c.id);
      problems.push(...spanProblems(map, c));
      cite(`article ${article.id}, ${c.id}`, 'entity', c.sourceEntityId, entityIds);
      cite(`article ${article.id}, ${c.id}`, 'cluster', c.clusterId, clusterIds);
      for (const id of c.entityIds) cite(`article ${article.id}, ${c.id}`, 'entity', id, entityIds);
    }
  }
  for (const k of corpus.clusters) for (const id of k.claimIds) cite(`cluster ${k.id}`, 'claim', id, claimIds);
  if (problems.length) throw new DatasetExportError(problems);
}
