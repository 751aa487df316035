/**
 * A register CSV into its header and data rows, with csv-parse (RFC 4180: quoted cells may hold commas, quotes and
 * line breaks). What a spreadsheet writes is accepted: a UTF-8 byte-order mark, CRLF or LF line ends, a semicolon
 * or a tab as the separator (many European spreadsheets write `;`: the header line decides, since a heading holds
 * none), rows shorter or longer than the header. A row with nothing in it is skipped but still counted, so row
 * numbers stay those a spreadsheet shows. A file csv-parse cannot read is refused whole, naming the line.
 */
import { CsvError, parse } from 'csv-parse/sync';

export type CsvTable =
  | { readonly ok: true; readonly headers: string[]; readonly rows: { row: number; cells: string[] }[] }
  | { readonly ok: false; readonly message: string };

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator the header line uses most. */
const separatorOf = (text: string): string => {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = SEPARATORS.map((separator) => firstLine.split(separator).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : (SEPARATORS[counts.indexOf(best)] ?? ',');
};

const WHY: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted cell is not doubled',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote',
};

export const parseCsvText = (text: string): CsvTable => {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return {
      ok: false,
      message: `The file is not readable as CSV (${WHY[error.code] ?? 'its quoting is broken'}${line === undefined ? '' : ` near line ${String(line)}`}). Nothing was imported; save it again as CSV from the spreadsheet.`,
    };
  }
  const [headers, ...data] = records;
  if (headers === undefined || headers.every((cell) => cell.trim() === ''))
    return { ok: false, message: 'The file has no header row. Nothing was imported.' };
  return {
    ok: true,
    headers,
    rows: data
      .map((cells, index) => ({ row: index + 1, cells }))
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== '')),
  };
};
