/**
 * The audit export of DESIGN.md §7 from a list of exceptions: the window selected and the output built, one code
 * path for `security-exceptions export` (src/cli/run.ts), the admin page's exportRegister resolver and the
 * background export job (export-job.ts), so all give the same bytes for the same data.
 *
 * The output is built from pieces — a head, one piece per exception in key order, a tail — so the job can write
 * it in parts across invocations and the parts join into exactly what `auditExport` answers in one go.
 */
import type { Policy } from '../../domain/policy-schema';
import { inAuditWindow, toExportRow, toRegisterDocument, withoutMappingNotes } from '../../domain/register';
import type { ExceptionRecord } from '../../domain/register-schema';
import { csvHeader, csvRecords } from '../register-csv';

export interface AuditExportOptions {
  /** First day of the window, YYYY-MM-DD. */
  readonly from: string;
  /** Last day of the window, YYYY-MM-DD. */
  readonly to: string;
  readonly format: 'json' | 'csv';
}

export interface AuditExport {
  /** Register JSON (two-space indented, one trailing newline) or CSV. */
  readonly content: string;
  /** How many exceptions it holds. */
  readonly exceptions: number;
}

/** The register's order (register-document.ts sorts the JSON so): issue keys, numbers compared as numbers. */
export const byRegisterKey = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export interface AuditExportPieces {
  /** What the output starts with: the register document up to its `exceptions` array, or the CSV header. */
  readonly head: string;
  /** The piece of the `index`-th exception (0-based) of the window, in key order. */
  piece(exception: ExceptionRecord, index: number): string;
  /** What the output ends with, after `count` exceptions. */
  tail(count: number): string;
}

/** Each member of an array at depth 2 of a two-space indented document is indented by four spaces. */
const MEMBER_INDENT = '    ';

export const auditExportPieces = (
  policy: Policy,
  now: string,
  format: AuditExportOptions['format'],
): AuditExportPieces => {
  if (format === 'csv')
    return {
      head: csvHeader(),
      piece: (exception) => csvRecords([toExportRow(exception, policy, now)]),
      tail: () => '',
    };
  // The empty document, cut at its empty `exceptions` array (the document's last member): what comes before the
  // array's first member and what follows its last (JSON.stringify writes `[]` when empty, else `[\n … \n  ]`).
  const empty = JSON.stringify(toRegisterDocument([], now), null, 2);
  const at = empty.lastIndexOf('[]');
  const closing = `${empty.slice(at + 1)}\n`;
  return {
    head: empty.slice(0, at + 1),
    piece: (exception, index) =>
      `${index === 0 ? '\n' : ',\n'}${JSON.stringify(withoutMappingNotes(exception), null, 2)
        .split('\n')
        .map((line) => MEMBER_INDENT + line)
        .join('\n')}`,
    tail: (count) => (count === 0 ? closing : `\n  ${closing}`),
  };
};

export const auditExport = (
  exceptions: readonly ExceptionRecord[],
  policy: Policy,
  now: string,
  { from, to, format }: AuditExportOptions,
): AuditExport => {
  const selected = exceptions
    .filter((exception) => inAuditWindow(exception, from, to))
    .sort((a, b) => byRegisterKey(a.key, b.key));
  const pieces = auditExportPieces(policy, now, format);
  return {
    content:
      pieces.head +
      selected.map((exception, index) => pieces.piece(exception, index)).join('') +
      pieces.tail(selected.length),
    exceptions: selected.length,
  };
};
