import { stringify } from 'csv-stringify/sync';

/** A cell before formatting: null is written as an empty cell. */
export type Cell = string | number | boolean | null;

/** One CSV row, by column name. */
export type Row = Record<string, Cell>;

/**
 * Free-text columns that the export guards against spreadsheet formula injection
 * (OWASP, "CSV Injection"): a value that begins with `=`, `+`, `-`, `@`, a tab, a carriage return
 * or a NUL is written with a single quote `'` before it, and so is a value that already begins
 * with `'`, so that the rule can be undone without doubt: remove one leading `'` from any value of
 * these columns that has one.
 *
 * `exact`, `prefix` and `suffix` are never altered, though they are free text too: they are quoted
 * from the source text, and `text[start:end] == exact` must hold for every row. Ids, dates, hashes,
 * numbers and the fixed vocabularies (type, form, polarity, method) cannot begin with a trigger.
 */
export const NEUTRALISED_COLUMNS: readonly string[] = ['title', 'outlet', 'author', 'source_file', 'section', 'label', 'description', 'source', 'cue'];

const FORMULA_START = /^[=+\-@\t\r\0']/;

/** A free-text value made safe to open in a spreadsheet, reversibly (see NEUTRALISED_COLUMNS). */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(column: string, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return NEUTRALISED_COLUMNS.includes(column) ? neutralise(value) : value;
}

/**
 * A CSV file per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): a header row, CRLF between
 * records, UTF-8, booleans as `true`/`false`, null as an empty cell, and every field holding a
 * line break quoted (csv-stringify quotes only CRLF by itself when records end in CRLF, and a bare
 * LF inside an unquoted field breaks most readers).
 */
export function toCsv(columns: string[], rows: Row[]): string {
  for (const row of rows) {
    const extra = Object.keys(row).filter((k) => !columns.includes(k));
    const missing = columns.filter((c) => !(c in row));
    if (extra.length || missing.length) {
      throw new Error(`a CSV row does not fit its header (${columns.join(', ')}): extra ${extra.join(', ') || 'none'}, missing ${missing.join(', ') || 'none'}; make src/export/tables.ts and files.ts agree`);
    }
  }
  const records = rows.map((row) => columns.map((c) => cell(c, row[c] ?? null)));
  return stringify(records, { header: true, columns, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
