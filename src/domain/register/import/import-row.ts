/**
 * One row of an import, validated (ISSUE 7 item 4): the exception it becomes and its import identity, or the
 * reasons it is refused. Rows are numbered from 1 as a spreadsheet user counts data rows: row 1 is the first row
 * below the header (the first element of a JSON register's `exceptions`). The identity is what makes an import
 * repeatable: the row's issue key when it has one (the exception it came from), else a digest of its content, so
 * the same file imported again finds what it created.
 */
import { sha256Hex } from '../../decision-sha256';
import { boundMessage } from '../../message-bounds';
import type { ExceptionRecord } from '../../register-schema';

export const ROW_NUMBERING =
  'Rows are counted from 1: row 1 is the first data row below the header (or the first exception of a JSON register).';

export interface ImportRow {
  /** 1-based data row. */
  readonly row: number;
  /** `key:SEC-12`, or `sha256:…` of the row's content when it has no key. */
  readonly identity: string;
  readonly record: ExceptionRecord;
}

export interface RejectedRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

export type RowRead =
  { readonly ok: true; readonly row: ImportRow } | { readonly ok: false; readonly rejected: RejectedRow };

/** A row names at most this many reasons, each at most this long: enough to fix it, never a flood. */
export const MAX_REASONS = 10;
export const REASON_CAP = 300;

export const rejectedRow = (row: number, reasons: readonly string[]): RowRead => ({
  ok: false,
  rejected: {
    row,
    reasons: [
      ...reasons.slice(0, MAX_REASONS).map((reason) => boundMessage(reason, REASON_CAP)),
      ...(reasons.length > MAX_REASONS ? [`and ${String(reasons.length - MAX_REASONS)} more`] : []),
    ],
  },
});

/** Jira refuses a summary over 255 characters, and an issue without one. */
const SUMMARY_MAX = 255;

/** Affected Assets is a Jira labels field: no blanks inside a label, at most 255 characters. */
const LABEL = /^\S{1,255}$/u;

/** Checks every source shares, on a record that already parsed; the names are how the file names the fields. */
export const recordProblems = (
  record: ExceptionRecord,
  summaryName: string,
  assetsName: string,
): string[] => {
  const problems: string[] = [];
  if (record.affectedAssets.some((asset) => !LABEL.test(asset)))
    problems.push(
      `${assetsName}: an asset must be one word without spaces, at most 255 characters (Jira stores assets as labels); separate assets with commas, semicolons or line breaks`,
    );
  if (record.summary.trim() === '') problems.push(`${summaryName}: is required (Jira needs a summary)`);
  else if (record.summary.length > SUMMARY_MAX)
    problems.push(`${summaryName}: must be at most ${String(SUMMARY_MAX)} characters (Jira's limit)`);
  return problems;
};

export const identityOf = (record: ExceptionRecord, hasSourceKey: boolean): string =>
  hasSourceKey ? `key:${record.key}` : `sha256:${sha256Hex(JSON.stringify({ ...record, key: '' }))}`;

/**
 * The rows with a repeated identity refused (the first one stays): two rows for one issue key, or two identical
 * rows, are one exception written twice, and importing both would create it twice.
 */
export const withoutDuplicates = (
  rows: readonly RowRead[],
  identityName: (identity: string) => string,
): RowRead[] => {
  const first = new Map<string, number>();
  return rows.map((read) => {
    if (!read.ok) return read;
    const earlier = first.get(read.row.identity);
    if (earlier === undefined) {
      first.set(read.row.identity, read.row.row);
      return read;
    }
    return rejectedRow(read.row.row, [
      `${identityName(read.row.identity)}: is the same as row ${String(earlier)}'s; each exception may appear once in a file`,
    ]);
  });
};
