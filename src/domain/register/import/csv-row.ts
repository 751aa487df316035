/**
 * A CSV data row into an exception (ISSUE 7 item 4): each mapped cell read (import-cells.ts), the history read back
 * from the export's wording (csv-history.ts), then the whole checked by the register schema. Every problem of the
 * row is reported at once, each naming the column as the file heads it.
 */
import { chronological } from '../../period';
import { ExceptionRecordSchema, type ExceptionRecordInput } from '../../register-schema';
import { dateOf } from '../../utc-days';
import {
  EXCEPTION_TYPES,
  PERIOD_ACTIONS,
  RISK_RATINGS,
  STATUSES,
  URGENCIES,
  type Status,
} from '../../vocabulary';
import { readDecisions, readReminders } from './csv-history';
import {
  cellText,
  readChoice,
  readDate,
  readInstant,
  readList,
  readUser,
  type CellRead,
} from './import-cells';
import { headingOf, type ColumnIndexes, type ColumnMapping, type ImportMember } from './import-columns';
import { identityOf, recordProblems, rejectedRow, type RowRead } from './import-row';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** Statuses an exception reaches only through an approval: a row in one of them needs a period to stand on. */
const APPROVED_ONCE: readonly Status[] = ['Approved', 'Recertification', 'Reverted', 'Retired'];

export const APPROVAL_NOT_RECORDED =
  'imported: the register records no approval; period from creation to expiry';

export const readCsvRow = (
  cells: readonly string[],
  row: number,
  columns: ColumnIndexes,
  mapping: ColumnMapping = {},
): RowRead => {
  const problems: string[] = [];
  const text = (member: ImportMember): string => {
    const index = columns[member];
    return index === undefined ? '' : cellText(cells[index]);
  };
  /** The cell read, or undefined with its problem noted; an empty cell is `empty` (a problem when required). */
  const read = <T>(
    member: ImportMember,
    reader: (text: string) => CellRead<T>,
    required = false,
  ): T | undefined => {
    const cell = text(member);
    if (cell === '') {
      if (required) problems.push(`${headingOf(member, mapping)}: is required`);
      return undefined;
    }
    const result = reader(cell);
    if (result.ok) return result.value;
    problems.push(`${headingOf(member, mapping)}: ${result.problem}`);
    return undefined;
  };

  const keyText = text('key').toUpperCase();
  if (keyText !== '' && !ISSUE_KEY.test(keyText))
    problems.push(`${headingOf('key', mapping)}: must be a Jira issue key such as SEC-12, or empty`);
  const type = read('type', (cell) => readChoice(cell, EXCEPTION_TYPES), true);
  const status = read('status', (cell) => readChoice(cell, STATUSES), true);
  const urgency = read('urgency', (cell) => readChoice(cell, URGENCIES));
  const riskRating = read('riskRating', (cell) => readChoice(cell, RISK_RATINGS));
  const requester = read('requester', readUser, true);
  const riskOwner = read('riskOwner', readUser);
  const expirationDate = read('expirationDate', readDate);
  const createdAt = read('createdAt', readInstant, true);

  const actorOf = (written: string): string | null => {
    if (written === 'the app') return null;
    for (const person of [requester, riskOwner])
      if (person !== undefined && person.displayName !== '' && person.displayName === written)
        return person.accountId;
    const user = readUser(written);
    return user.ok ? user.value.accountId : written;
  };
  const history: ExceptionRecordInput['history'] = [];
  for (const [member, reader] of [
    ['decisions', (cell: string) => readDecisions(cell, actorOf)],
    ['recertifications', (cell: string) => readDecisions(cell, actorOf)],
    ['remindersSent', readReminders],
  ] as const) {
    const cell = text(member);
    if (cell === '') continue;
    const entries = reader(cell);
    if (entries.ok) history.push(...entries.entries);
    else problems.push(`${headingOf(member, mapping)}: ${entries.problem}`);
  }
  if (
    problems.length > 0 ||
    type === undefined ||
    status === undefined ||
    requester === undefined ||
    createdAt === undefined
  )
    return rejectedRow(row, problems);

  // The submitted entry names the requester of record (to-exception-record.ts requesterOf).
  history.unshift({ at: createdAt, action: 'submitted', by: requester.accountId });
  if (APPROVED_ONCE.includes(status) && !history.some((entry) => PERIOD_ACTIONS.includes(entry.action))) {
    if (expirationDate === undefined)
      return rejectedRow(row, [
        `${headingOf('expirationDate', mapping)}: is required for a ${status} exception whose ${headingOf('decisions', mapping)} record no approval (the approval period ends on it)`,
      ]);
    history.push({
      at: createdAt,
      action: 'approved',
      by: null,
      periodStart: dateOf(createdAt),
      periodEnd: expirationDate,
      note: APPROVAL_NOT_RECORDED,
    });
  }
  const parsed = ExceptionRecordSchema.safeParse({
    key: keyText === '' ? `IMPORT-${String(row)}` : keyText,
    summary: text('summary'),
    type,
    status,
    urgency: urgency ?? null,
    riskRating: riskRating ?? null,
    requester,
    riskOwner: riskOwner ?? null,
    justification: text('justification'),
    compensatingControls: text('compensatingControls'),
    expirationDate: expirationDate ?? null,
    affectedAssets: readList(text('affectedAssets')),
    remediationPlan: text('remediationPlan'),
    createdAt,
    history,
  } satisfies ExceptionRecordInput);
  if (!parsed.success)
    return rejectedRow(
      row,
      parsed.error.issues.map((issue) => {
        const [first] = issue.path;
        const member: ImportMember = first === 'history' ? 'decisions' : (first as ImportMember);
        return `${headingOf(member, mapping)}: ${issue.message}`;
      }),
    );
  const record = { ...parsed.data, history: chronological(parsed.data.history) };
  const shared = recordProblems(record, headingOf('summary', mapping), headingOf('affectedAssets', mapping));
  if (shared.length > 0) return rejectedRow(row, shared);
  return { ok: true, row: { row, identity: identityOf(record, keyText !== ''), record } };
};
