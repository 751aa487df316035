/**
 * The audit export of DESIGN.md §7 from a list of exceptions: the window selected and the output built, one code
 * path for `security-exceptions export` (src/cli/run.ts) and the admin page's exportRegister resolver, so both
 * give the same bytes for the same data.
 */
import type { Policy } from '../../domain/policy-schema';
import { inAuditWindow, toExportRow, toRegisterDocument } from '../../domain/register';
import type { ExceptionRecord } from '../../domain/register-schema';
import { registerToCsv } from '../register-csv';

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

export const auditExport = (
  exceptions: readonly ExceptionRecord[],
  policy: Policy,
  now: string,
  { from, to, format }: AuditExportOptions,
): AuditExport => {
  const selected = exceptions.filter((exception) => inAuditWindow(exception, from, to));
  return {
    content:
      format === 'csv'
        ? registerToCsv(selected.map((exception) => toExportRow(exception, policy, now)))
        : `${JSON.stringify(toRegisterDocument(selected, now), null, 2)}\n`,
    exceptions: selected.length,
  };
};
