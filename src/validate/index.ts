import { error } from '../problems.ts';
import { OffsetMap } from '../text/offsets.ts';
import type { AnnotationDocument, ContentProblem, Corpus } from '../types.ts';
import { validator } from './schemas.ts';

/** Checks one annotation document: schema, then that every offset selects its quote and marks nest. */
export function validateDocument(doc: AnnotationDocument, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const validate = validator('annotation-document.schema.json');
  if (!validate(doc)) {
    for (const e of validate.errors ?? []) problems.push(error(file, `at ${e.instancePath || '/'}`, `annotation breaks its schema: ${e.message ?? 'invalid'}`));
    return problems;
  }
  const map = new OffsetMap(doc.article.text);
  const inText = (r: { id: string; start: number; end: number; exact: string }): void => {
    if (r.start >= r.end || r.end > map.length) problems.push(error(file, r.id, `has offsets ${r.start}-${r.end} outside the text (length ${map.length})`));
    else if (map.slice(r.start, r.end) !== r.exact) problems.push(error(file, r.id, `offsets ${r.start}-${r.end} select ${JSON.stringify(map.slice(r.start, r.end))}, not ${JSON.stringify(r.exact)}`));
  };
  doc.mentions.forEach(inText);
  doc.claims.forEach(inText);
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1]!;
    const b = mentions[i]!;
    if (b.start < a.end) problems.push(error(file, b.id, `overlaps ${a.id}; mentions never overlap`));
  }
  for (const c of doc.claims) {
    for (const m of doc.mentions) {
      const crosses = m.start < c.end && c.start < m.end && !(m.start >= c.start && m.end <= c.end);
      if (crosses) problems.push(error(file, m.id, `crosses the edge of claim ${c.id}; a mention lies inside a claim or outside it`));
    }
  }
  const claims = [...doc.claims].sort((a, b) => a.start - b.start);
  for (let i = 1; i < claims.length; i++) {
    if (claims[i]!.start < claims[i - 1]!.end) problems.push(error(file, claims[i]!.id, `overlaps ${claims[i - 1]!.id}; claims never overlap`));
  }
  return problems;
}

/** Checks the whole corpus: each document, and that every mention's entity exists. */
export function validateCorpus(corpus: Corpus): ContentProblem[] {
  const ids = new Set(corpus.entities.map((e) => e.id));
  const clusterIds = new Set(corpus.clusters.map((k) => k.id));
  const problems: ContentProblem[] = [];
  for (const doc of corpus.documents) {
    const file = `seeds/${doc.article.sourceFile}`;
    problems.push(...validateDocument(doc, file));
    for (const m of doc.mentions) if (m.entityId && !ids.has(m.entityId)) problems.push(error(file, m.id, `links to entity "${m.entityId}", which the knowledge base lacks; add it to _data/entities.json or correct the id`));
    for (const c of doc.claims) if (c.clusterId && !clusterIds.has(c.clusterId)) problems.push(error(file, c.id, `belongs to cluster "${c.clusterId}", which does not exist`));
  }
  return problems;
}
