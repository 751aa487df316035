/**
 * A register file (JSON or CSV) into validated rows, all of them checked before anything is created (ISSUE 7
 * item 4). A file that cannot be read at all (not JSON, not CSV, a mapping naming a heading the file lacks) is one
 * refusal; otherwise each row is accepted or rejected with its reasons. Two rows for one exception are one row
 * and a rejected repeat.
 */
import { readCsvRow } from '../../../domain/register/import/csv-row';
import {
  headingOf,
  resolveColumns,
  type ColumnMapping,
} from '../../../domain/register/import/import-columns';
import { withoutDuplicates, type RowRead } from '../../../domain/register/import/import-row';
import { readJsonRows } from '../../../domain/register/import/json-rows';
import { parseCsvText } from './parse-csv-text';

/** Rows one import may hold: a register of a few thousand exceptions, well inside the payload limit. */
export const MAX_IMPORT_ROWS = 5_000;

export type ImportFile =
  { readonly ok: true; readonly rows: RowRead[] } | { readonly ok: false; readonly message: string };

const TOO_MANY = `The file holds more than ${String(MAX_IMPORT_ROWS)} rows. Nothing was imported; split it into several files.`;

export const readImportFile = (
  format: 'json' | 'csv',
  content: string,
  mapping: ColumnMapping | undefined,
): ImportFile => {
  if (format === 'json') {
    if (mapping !== undefined)
      return { ok: false, message: 'A column mapping applies to CSV files only. Nothing was imported.' };
    let document: unknown;
    try {
      document = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, message: 'The file is not valid JSON. Nothing was imported.' };
    }
    const rows = readJsonRows(document);
    if (!rows.ok) return rows;
    if (rows.rows.length > MAX_IMPORT_ROWS) return { ok: false, message: TOO_MANY };
    return { ok: true, rows: withoutDuplicates(rows.rows, () => 'key') };
  }
  const table = parseCsvText(content);
  if (!table.ok) return table;
  if (table.rows.length > MAX_IMPORT_ROWS) return { ok: false, message: TOO_MANY };
  const columns = resolveColumns(table.headers, mapping);
  if (!columns.ok) return columns;
  const rows = table.rows.map(({ row, cells }) => readCsvRow(cells, row, columns.columns, mapping));
  return {
    ok: true,
    rows: withoutDuplicates(rows, (identity) =>
      identity.startsWith('key:') ? headingOf('key', mapping) : 'row',
    ),
  };
};
