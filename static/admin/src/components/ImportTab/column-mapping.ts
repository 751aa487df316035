/**
 * The optional CSV column mapping as an admin types it: one `member: heading` a line (e.g. `riskOwner: Owner`),
 * checked with the import contract's own schema so the page says what is wrong before anything is sent.
 */
import { ImportRegisterRequestSchema, type ImportRegisterRequest } from '@contracts/admin-import';

export type ColumnMapping = NonNullable<ImportRegisterRequest['mapping']>;

export type MappingCheck =
  | { readonly ok: true; readonly mapping: ColumnMapping | undefined }
  | { readonly ok: false; readonly problems: readonly string[] };

const MappingSchema = ImportRegisterRequestSchema.shape.mapping;

export const parseMapping = (text: string): MappingCheck => {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { ok: true, mapping: undefined };
  const entries: [string, string][] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const colon = line.indexOf(':');
    if (colon <= 0) problems.push(`line ${index + 1}: must be "member: heading"`);
    else entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  if (problems.length > 0) return { ok: false, problems };
  const parsed = MappingSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        issue.code === 'invalid_key' || issue.code === 'unrecognized_keys'
          ? 'names a member the import does not read'
          : `${issue.path.map(String).join('.')}: ${issue.message}`,
      ),
    };
  return { ok: true, mapping: parsed.data };
};
