/**
 * A register document (DESIGN.md §7, the JSON export) into import rows (ISSUE 7 item 4): the document as a whole
 * must be a version-1 register (one clear error otherwise); each element of `exceptions` is then checked on its own
 * by the register schema, so one bad exception is a rejected row, not a refused file.
 */
import { z } from 'zod';
import { ExceptionRecordSchema, REGISTER_VERSION } from '../../register-schema';
import { identityOf, recordProblems, rejectedRow, type RowRead } from './import-row';

const DocumentSchema = z.object({
  version: z.literal(REGISTER_VERSION),
  exceptions: z.array(z.unknown()),
});

export type JsonRows =
  { readonly ok: true; readonly rows: RowRead[] } | { readonly ok: false; readonly message: string };

export const NOT_A_REGISTER = `The file is not a register (a JSON object with "version": ${String(REGISTER_VERSION)} and an "exceptions" list). Nothing was imported.`;

const pathOf = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${String(segment)}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');

export const readJsonRows = (document: unknown): JsonRows => {
  const parsed = DocumentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, message: NOT_A_REGISTER };
  return {
    ok: true,
    rows: parsed.data.exceptions.map((element, index): RowRead => {
      const row = index + 1;
      const record = ExceptionRecordSchema.safeParse(element);
      if (!record.success)
        return rejectedRow(
          row,
          record.error.issues.map((issue) => `${pathOf(issue.path) || 'exception'}: ${issue.message}`),
        );
      const problems = recordProblems(record.data, 'summary', 'affectedAssets');
      return problems.length > 0
        ? rejectedRow(row, problems)
        : { ok: true, row: { row, identity: identityOf(record.data, true), record: record.data } };
    }),
  };
};
