/**
 * Reading one spreadsheet cell into a register value (ISSUE 7 item 4). Spreadsheets hold what people type: dates
 * as 2026-12-01 or 01/12/2026, "N/A" for nothing, assets separated by commas, semicolons or line breaks, statuses
 * in any casing, and the apostrophe the export puts before a formula-looking line (register-csv.ts), which is read
 * back off. A problem says what is wrong with the cell and how to write it, never the cell's text (ISSUE 6 B10).
 */
import { IsoDateSchema, IsoInstantSchema } from '../../register-schema';

export type CellRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const problem = <T>(text: string): CellRead<T> => ({ ok: false, problem: text });

const LINE_BREAKS = /(\r\n|[\n\r\v\f\u0085\u2028\u2029])/;
/** The export's escape: an apostrophe before a line a spreadsheet could evaluate (register-csv.ts FORMULA_START). */
const ESCAPED_FORMULA = /^'(?=[\s\u00A0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** The cell with the export's formula escape taken off each line; otherwise unchanged. */
export const unescapeCell = (cell: string): string =>
  cell
    .split(LINE_BREAKS)
    .map((part, index) => (index % 2 === 0 ? part.replace(ESCAPED_FORMULA, '') : part))
    .join('');

/** What people write in a cell that holds nothing. */
const NOTHING = /^(n\/?a|none|null|nil|-+|—)$/i;

/** The cell's text, trimmed; '' when it holds nothing (empty, blanks, "N/A", "none", "-"). */
export const cellText = (cell: string | undefined): string => {
  const text = unescapeCell(cell ?? '').trim();
  return NOTHING.test(text) ? '' : text;
};

/** One of `values`, matched ignoring case and runs of blanks ("risk  review" is Risk Review). */
export const readChoice = <T extends string>(text: string, values: readonly T[]): CellRead<T> => {
  const wanted = text.replace(/\s+/g, ' ').toLowerCase();
  const found = values.find((value) => value.toLowerCase() === wanted);
  return found === undefined
    ? problem(`is not one of ${values.map((value) => `"${value}"`).join(', ')}`)
    : ok(found);
};

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A calendar date: YYYY-MM-DD, or day and month with a four-digit year (01/12/2026, 1.12.2026) when only one
 * reading is possible. 01/12/2026 is the 1st of December in most of the world and January 12th in the US: it is
 * refused rather than guessed.
 */
export const readDate = (text: string): CellRead<string> => {
  const numeric = NUMERIC_DATE.exec(text);
  let iso = text;
  if (numeric !== null) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3] ?? '';
    if (first <= 12 && second <= 12 && first !== second)
      return problem(
        'is ambiguous (its day and month could be either way round): write the date as YYYY-MM-DD, e.g. 2026-12-01',
      );
    iso = first > 12 ? `${year}-${pad(second)}-${pad(first)}` : `${year}-${pad(first)}-${pad(second)}`;
  }
  const parsed = IsoDateSchema.safeParse(iso);
  if (parsed.success) return ok(parsed.data);
  return problem(
    numeric === null && !/^\d{4}-\d{2}-\d{2}$/.test(iso)
      ? 'must be a date written YYYY-MM-DD, e.g. 2026-12-01'
      : 'must be a real calendar date',
  );
};

/** An instant with its time zone; a bare date is midnight UTC of that day. */
export const readInstant = (text: string): CellRead<string> => {
  if (IsoInstantSchema.safeParse(text).success) return ok(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text))
    return problem('must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z');
  const date = readDate(text);
  return date.ok ? ok(`${date.value}T00:00:00Z`) : date;
};

/** Assets separated by commas, semicolons or line breaks, each trimmed, empties and repeats dropped. */
export const readList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,;\n\r\v\f\u0085\u2028\u2029]+/)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !NOTHING.test(item)),
  ),
];

const LABELLED_USER = /^(.*\S)\s*\(([^()\s]+)\)$/;
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/** A person as the export writes them, "Ana Lopez (5b10ac…)", or a bare account id. */
export const readUser = (text: string): CellRead<{ accountId: string; displayName: string }> => {
  const labelled = LABELLED_USER.exec(text);
  const accountId = labelled === null ? text : (labelled[2] ?? '');
  if (!ACCOUNT_ID.test(accountId))
    return problem('must be a Jira account id, or a name followed by the account id in brackets');
  return ok({ accountId, displayName: labelled === null ? '' : (labelled[1] ?? '') });
};
