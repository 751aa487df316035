/**
 * Which CSV column holds which register member (ISSUE 7 item 4). The default is the headings the export writes
 * (export-rows.ts EXPORT_COLUMNS), so export → import needs no mapping; a spreadsheet a team made by hand names its
 * own headings in a mapping (member → heading). Headings are matched trimmed and case-insensitively, as a person
 * reads them. Only the members an import reads are mapped; derived columns (tier, days in force, the control
 * mapping) are recomputed from the policy, never read.
 */
import { z } from 'zod';
import { boundMessage } from '../../message-bounds';
import { EXPORT_COLUMNS, type ExportRow } from '../export-rows';

export const IMPORT_MEMBERS = [
  'key',
  'summary',
  'type',
  'status',
  'urgency',
  'riskRating',
  'requester',
  'riskOwner',
  'justification',
  'compensatingControls',
  'expirationDate',
  'affectedAssets',
  'remediationPlan',
  'createdAt',
  'decisions',
  'recertifications',
  'remindersSent',
] as const satisfies readonly (keyof ExportRow)[];
export type ImportMember = (typeof IMPORT_MEMBERS)[number];

/** Members a row cannot do without: the rest may be absent from the file (their cells read as empty). */
export const REQUIRED_MEMBERS: readonly ImportMember[] = ['type', 'status', 'requester', 'createdAt'];

/** A heading is a short plain text: a mapping is an admin's typing, shown back only within this bound. */
const HeadingSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const ColumnMappingSchema = z.partialRecord(z.enum(IMPORT_MEMBERS), HeadingSchema);
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** The export's heading of each member. */
export const DEFAULT_HEADINGS: Readonly<Record<ImportMember, string>> = Object.fromEntries(
  IMPORT_MEMBERS.map((member) => [
    member,
    EXPORT_COLUMNS.find((column) => column.key === member)?.header ?? member,
  ]),
) as Record<ImportMember, string>;

/** The heading of `member` as a person reads it in a message (the mapping's, else the export's). */
export const headingOf = (member: ImportMember, mapping: ColumnMapping = {}): string =>
  boundMessage(mapping[member] ?? DEFAULT_HEADINGS[member], 100);

export type ColumnIndexes = Readonly<Partial<Record<ImportMember, number>>>;

export type ColumnResolution =
  { readonly ok: true; readonly columns: ColumnIndexes } | { readonly ok: false; readonly message: string };

const normal = (heading: string): string =>
  heading
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/**
 * Where each member's column is in `headers`. A heading the mapping names and the file lacks is one clear error
 * (the admin typed it); a default heading the file lacks just leaves the member empty, unless it is required.
 */
export const resolveColumns = (headers: readonly string[], mapping: ColumnMapping = {}): ColumnResolution => {
  const positions = new Map<string, number>();
  const repeated = new Set<string>();
  headers.forEach((header, index) => {
    const name = normal(header);
    if (positions.has(name)) repeated.add(name);
    else positions.set(name, index);
  });
  const columns: Partial<Record<ImportMember, number>> = {};
  const missing: string[] = [];
  const ambiguous: string[] = [];
  for (const member of IMPORT_MEMBERS) {
    const heading = mapping[member] ?? DEFAULT_HEADINGS[member];
    const index = positions.get(normal(heading));
    if (repeated.has(normal(heading))) ambiguous.push(`"${headingOf(member, mapping)}"`);
    if (index !== undefined) columns[member] = index;
    else if (mapping[member] !== undefined || REQUIRED_MEMBERS.includes(member))
      missing.push(`"${headingOf(member, mapping)}" (for ${member})`);
  }
  if (missing.length > 0)
    return {
      ok: false,
      message: boundMessage(
        `The file has no column headed ${missing.join(', ')}. Nothing was imported; fix the column mapping or the file's header row.`,
      ),
    };
  if (ambiguous.length > 0)
    return {
      ok: false,
      message: boundMessage(
        `The file has more than one column headed ${ambiguous.join(', ')}. Nothing was imported; give each column its own heading.`,
      ),
    };
  return { ok: true, columns };
};
