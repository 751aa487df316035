/**
 * The register as CSV for auditors (RFC 4180: CRLF line ends, quoted fields where needed), via csv-stringify.
 * Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with an apostrophe: the text
 * comes from requesters, and an export must not become a way to run formulas on an auditor's machine (OWASP
 * "CSV injection").
 */
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportRow } from '../domain/register';

const FORMULA_START = /^[=+\-@\t\r]/;

const neutralise = (value: string | number): string | number =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

export const registerToCsv = (rows: readonly ExportRow[]): string =>
  stringify(
    rows.map((row) => EXPORT_COLUMNS.map((column) => neutralise(row[column.key]))),
    {
      header: true,
      columns: EXPORT_COLUMNS.map((column) => column.header),
      record_delimiter: 'windows',
    },
  );
