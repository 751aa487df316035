/**
 * The register as CSV for auditors (RFC 4180: CRLF line ends, quoted fields where needed), via csv-stringify.
 * The text comes from requesters, and an export must not become a way to run formulas on an auditor's machine
 * (OWASP "CSV injection", https://owasp.org/www-community/attacks/CSV_Injection):
 * - every line of a cell (the first, and each after any line break) that a spreadsheet could evaluate is prefixed
 *   with an apostrophe: one starting, after optional spaces, with = + - @, a tab or CR, or their full-width forms
 *   ＝ ＋ － ＠ (which some spreadsheets fold to ASCII). A line after a break matters because a reader that splits
 *   records on line breaks, or a paste of the cell, starts a new cell there;
 * - every cell holding any line break is quoted. csv-stringify quotes CR and LF itself (`quote_record_delimiter`
 *   defaults to true, whatever `record_delimiter` says), but not the other breaks some tools honour (VT, FF, NEL,
 *   U+2028, U+2029): `quoted_match` adds them.
 */
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportRow } from '../domain/register';

/** Any line break, a CRLF pair as one (the separator is kept by `split`, so the text is otherwise unchanged). */
const LINE_BREAKS = /(\r\n|[\n\r\v\f\u0085\u2028\u2029])/;
const ANY_LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const FORMULA_START = /^[\s\u00A0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

const neutraliseLine = (line: string): string => (FORMULA_START.test(line) ? `'${line}` : line);

/** The cell with every line that could start a formula defused; numbers are the app's own and pass as they are. */
export const neutralise = (value: string | number): string | number =>
  typeof value === 'string'
    ? value
        .split(LINE_BREAKS)
        // Odd indexes are the separators split kept.
        .map((part, index) => (index % 2 === 0 ? neutraliseLine(part) : part))
        .join('')
    : value;

const CSV_OPTIONS = {
  columns: EXPORT_COLUMNS.map((column) => column.header),
  record_delimiter: 'windows',
  quoted_match: ANY_LINE_BREAK,
} as const;

/** The header line, CRLF-terminated: what the file starts with, once (an export written in parts: audit-export.ts). */
export const csvHeader = (): string => stringify([], { ...CSV_OPTIONS, header: true });

/** The rows' records without a header, each CRLF-terminated: records of one file can be written in any pieces. */
export const csvRecords = (rows: readonly ExportRow[]): string =>
  stringify(
    rows.map((row) => EXPORT_COLUMNS.map((column) => neutralise(row[column.key]))),
    { ...CSV_OPTIONS, header: false },
  );

export const registerToCsv = (rows: readonly ExportRow[]): string => csvHeader() + csvRecords(rows);
