import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { error } from '../problems.ts';
import type { ContentProblem } from '../types.ts';

/** Folder of the project's JSON Schemas. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Base of every schema's `$id`. */
export const SCHEMA_BASE = 'https://schemas.gloss.example/v1/';

// ajv-formats ships CommonJS whose default export arrives wrapped under ESM.
const addFormats = addFormatsModule.default as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | null = null;

/** One Ajv instance holding every schema of `schemas/`, compiled once. */
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object);
  }
  return ajv;
}

/** The compiled validator of one schema, by file name (`article-meta.schema.json`). */
export function validator(schemaFile: string): ValidateFunction {
  const fn = instance().getSchema(SCHEMA_BASE + schemaFile);
  if (!fn) throw new Error(`no schema ${schemaFile} in ${SCHEMA_DIR}`);
  return fn;
}

/** Validates data against a schema and returns one problem per violation, worded for a person. */
export function check(schemaFile: string, data: unknown, file: string): ContentProblem[] {
  const validate = validator(schemaFile);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => error(file, `at ${e.instancePath || '/'}`, describe(e, data)));
}

function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** An ajv error as a sentence that says what is wrong and what would be right. */
function describe(e: ErrorObject, data: unknown): string {
  const got = JSON.stringify(valueAt(data, e.instancePath));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `has a field ${JSON.stringify(String(p['additionalProperty']))} that the schema does not know; remove it or check its spelling`;
    case 'required':
      return `lacks the required field "${String(p['missingProperty'])}"; add it`;
    case 'type':
      return `must be of type ${String(p['type'])}, got ${got}`;
    case 'format':
      return p['format'] === 'date' ? `must be a date like 2023-09-13, got ${got}` : `must be a valid ${String(p['format'])}, got ${got}`;
    case 'pattern':
      return `must match ${String(p['pattern'])}, got ${got}`;
    case 'enum':
      return `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'minLength':
      return `must not be empty, got ${got}`;
    default:
      return `${e.message ?? 'is invalid'}, got ${got}`;
  }
}
