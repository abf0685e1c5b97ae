import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../ingest/decode.ts';
import { parseJson } from '../ingest/index.ts';
import { error } from '../problems.ts';
import { check } from '../validate/schemas.ts';
import type { ContentProblem, Entity } from '../types.ts';

/** The knowledge base, or the problems that keep it from loading. */
export interface KnowledgeBase {
  entities: Entity[];
  problems: ContentProblem[];
}

/**
 * Loads `_data/entities.json`: valid against its schema, ids unique, no name shared by two entities
 * (the linker could not choose), every `capitalOf` pointing at an entity.
 */
export function loadKnowledgeBase(path: string, displayPath: string): KnowledgeBase {
  let raw: string;
  try {
    const decoded = decodeUtf8(readFileSync(path), displayPath);
    if (!decoded.ok) return { entities: [], problems: [decoded.problem] };
    raw = decoded.text;
  } catch {
    return { entities: [], problems: [error(displayPath, '', 'is missing; create it with [] or restore it from git')] };
  }
  const parsed = parseJson(raw, displayPath);
  if (!parsed.ok) return { entities: [], problems: [parsed.problem] };
  const problems = check('knowledge-base.schema.json', parsed.value, displayPath);
  if (problems.length) return { entities: [], problems };
  const entities = parsed.value as Entity[];
  const ids = new Map<string, number>();
  const names = new Map<string, string>();
  entities.forEach((entity, index) => {
    const at = `at /${index}`;
    if (ids.has(entity.id)) problems.push(error(displayPath, at, `repeats the id "${entity.id}" of entry ${ids.get(entity.id)}; give each entity its own id`));
    ids.set(entity.id, index);
    for (const name of new Set([entity.label, ...entity.aliases, ...entity.adjectivals])) {
      const owner = names.get(name);
      if (owner && owner !== entity.id) problems.push(error(displayPath, at, `gives the name "${name}" to both "${owner}" and "${entity.id}", so mentions of it cannot be linked; keep it on one of them`));
      else names.set(name, entity.id);
    }
  });
  entities.forEach((entity, index) => {
    if (entity.capitalOf && !ids.has(entity.capitalOf)) problems.push(error(displayPath, `at /${index}/capitalOf`, `names "${entity.capitalOf}", which is not an entity id; correct it or add that entity`));
  });
  return { entities: problems.length ? [] : entities, problems };
}
