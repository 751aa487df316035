/** ISSUE 7 item 4: column mapping and CSV rows into exceptions, with every problem of a row, exactly. */
import { readCsvRow, APPROVAL_NOT_RECORDED } from '../../../../src/domain/register/import/csv-row';
import { resolveColumns, type ColumnMapping } from '../../../../src/domain/register/import/import-columns';
import { withoutDuplicates } from '../../../../src/domain/register/import/import-row';
import { readJsonRows, NOT_A_REGISTER } from '../../../../src/domain/register/import/json-rows';

const HEADERS = [
  'Key',
  'Summary',
  'Exception Type',
  'Status',
  'Requester',
  'Risk Owner',
  'Expiration Date',
  'Affected Assets',
  'Created',
  'Decisions',
  'Reminders Sent',
];

const columnsOf = (headers: readonly string[], mapping: ColumnMapping = {}) => {
  const resolved = resolveColumns(headers, mapping);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.columns;
};

const row = (cells: Record<string, string>): string[] => HEADERS.map((header) => cells[header] ?? '');

const GOOD = {
  Key: 'SEC-12',
  Summary: 'MFA bypass for legacy CRM',
  'Exception Type': 'MFA bypass',
  Status: 'Approved',
  Requester: 'Ana (a1)',
  'Risk Owner': 'Bo (b2)',
  'Expiration Date': '2026-12-01',
  'Affected Assets': 'crm-legacy-01',
  Created: '2026-09-01T10:00:00Z',
  Decisions: 'approved 2026-09-02T16:00:00Z by Bo, period 2026-09-02 to 2026-12-01, policy v3, looks fine',
  'Reminders Sent': '75% 2026-11-09T00:00:00Z',
};

describe('resolveColumns', () => {
  it('finds the export headings, ignoring case, blanks and a byte-order mark', () => {
    expect(resolveColumns(['\uFEFFkey', ' STATUS ', 'Exception Type', 'Requester', 'Created'])).toEqual({
      ok: true,
      columns: { key: 0, status: 1, type: 2, requester: 3, createdAt: 4 },
    });
  });

  it.each<[string, string[], ColumnMapping, string]>([
    [
      'a mapped heading the file lacks',
      HEADERS,
      { riskOwner: 'Approver' },
      'The file has no column headed "Approver" (for riskOwner). Nothing was imported; fix the column mapping or the file\'s header row.',
    ],
    [
      'a required column missing',
      ['Key', 'Summary'],
      {},
      'The file has no column headed "Exception Type" (for type), "Status" (for status), "Requester" (for requester), "Created" (for createdAt). Nothing was imported; fix the column mapping or the file\'s header row.',
    ],
    [
      'two columns with one heading',
      [...HEADERS, 'status'],
      {},
      'The file has more than one column headed "Status". Nothing was imported; give each column its own heading.',
    ],
  ])('refuses %s in one message', (_name, headers, mapping, message) => {
    expect(resolveColumns(headers, mapping)).toEqual({ ok: false, message });
  });
});

describe('readCsvRow', () => {
  const columns = columnsOf(HEADERS);

  it('reads the export wording back into the record and its history', () => {
    const read = readCsvRow(row(GOOD), 1, columns);
    if (!read.ok) throw new Error(read.rejected.reasons.join('; '));
    expect(read.row.identity).toBe('key:SEC-12');
    expect(read.row.record).toMatchObject({
      key: 'SEC-12',
      status: 'Approved',
      requester: { accountId: 'a1', displayName: 'Ana' },
      riskOwner: { accountId: 'b2', displayName: 'Bo', active: true },
      affectedAssets: ['crm-legacy-01'],
    });
    expect(read.row.record.history).toEqual([
      { at: '2026-09-01T10:00:00Z', action: 'submitted', by: 'a1' },
      {
        at: '2026-09-02T16:00:00Z',
        action: 'approved',
        by: 'b2',
        periodStart: '2026-09-02',
        periodEnd: '2026-12-01',
        policyVersion: 3,
        note: 'looks fine',
      },
      { at: '2026-11-09T00:00:00Z', action: 'reminded', by: null, reminder: '75%' },
    ]);
  });

  it('gives an Approved row with no recorded decision a period from creation to expiry, saying so', () => {
    const read = readCsvRow(row({ ...GOOD, Decisions: '', 'Reminders Sent': '' }), 1, columns);
    expect(read.ok && read.row.record.history.at(-1)).toEqual({
      at: '2026-09-01T10:00:00Z',
      action: 'approved',
      by: null,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-01',
      note: APPROVAL_NOT_RECORDED,
    });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a key that is not one', { Key: 'sec 12' }, ['Key: must be a Jira issue key such as SEC-12, or empty']],
    ['no type', { 'Exception Type': 'N/A' }, ['Exception Type: is required']],
    [
      'several faults at once',
      { Status: 'Done', Requester: 'Ana Lopez', 'Expiration Date': '02/03/2027' },
      [
        'Status: is not one of "Submitted", "Risk Review", "Approved", "Recertification", "Rejected", "Reverted", "Retired"',
        'Requester: must be a Jira account id, or a name followed by the account id in brackets',
        'Expiration Date: is ambiguous (its day and month could be either way round): write the date as YYYY-MM-DD, e.g. 2026-12-01',
      ],
    ],
    [
      'a decision not in the export wording',
      { Decisions: 'approved by Bo yesterday' },
      [
        'Decisions: entry 1 is not written as the export writes one, e.g. "approved 2026-09-02T16:00:00Z by Bo, period 2026-09-02 to 2026-12-01, policy v3"',
      ],
    ],
    [
      'a decision whose period ends before it starts',
      { Decisions: 'approved 2026-09-02T16:00:00Z by Bo, period 2026-09-02 to 2026-08-01' },
      ['Decisions: must not be before periodStart'],
    ],
    [
      'an Approved row with neither decision nor expiry',
      { Decisions: '', 'Expiration Date': '' },
      [
        'Expiration Date: is required for a Approved exception whose Decisions record no approval (the approval period ends on it)',
      ],
    ],
    [
      'an asset with a blank inside',
      { 'Affected Assets': 'crm legacy' },
      [
        'Affected Assets: an asset must be one word without spaces, at most 255 characters (Jira stores assets as labels); separate assets with commas, semicolons or line breaks',
      ],
    ],
    ['no summary', { Summary: '' }, ['Summary: is required (Jira needs a summary)']],
  ])('rejects %s with exactly its reasons', (_name, cells, reasons) => {
    expect(readCsvRow(row({ ...GOOD, ...cells }), 7, columns)).toEqual({
      ok: false,
      rejected: { row: 7, reasons },
    });
  });

  it('never echoes a long cell: reasons are bounded', () => {
    const read = readCsvRow(row({ ...GOOD, Status: 'x'.repeat(10_000) }), 2, columns);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.rejected.reasons.every((reason) => reason.length <= 300 && !reason.includes('xxx'))).toBe(
        true,
      );
  });

  it('names the columns by the mapping', () => {
    const mapped = columnsOf(['Title', 'Category', 'State', 'By', 'Raised'], {
      summary: 'Title',
      type: 'Category',
      status: 'State',
      requester: 'By',
      createdAt: 'Raised',
    });
    expect(
      readCsvRow(['t', 'nope', 'submitted', 'a1', '2026-01-01'], 1, mapped, { type: 'Category' }),
    ).toEqual({
      ok: false,
      rejected: {
        row: 1,
        reasons: [
          'Category: is not one of "MFA bypass", "Firewall rule", "Vulnerability patch delay", "Endpoint control gap", "Third-party / vendor access", "Legacy system support", "Other"',
        ],
      },
    });
  });
});

describe('identities and duplicates', () => {
  const columns = columnsOf(HEADERS);
  const keyless = { ...GOOD, Key: '' };

  it('refuses a repeated key or a repeated keyless row, keeping the first', () => {
    const rows = [row(GOOD), row(keyless), row({ ...GOOD, Summary: 'other' }), row(keyless)].map(
      (cells, index) => readCsvRow(cells, index + 1, columns),
    );
    const checked = withoutDuplicates(rows, (identity) => (identity.startsWith('key:') ? 'Key' : 'row'));
    expect(checked.map((read) => (read.ok ? 'ok' : read.rejected.reasons))).toEqual([
      'ok',
      'ok',
      ["Key: is the same as row 1's; each exception may appear once in a file"],
      ["row: is the same as row 2's; each exception may appear once in a file"],
    ]);
  });

  it('gives a keyless row an identity from its content alone', () => {
    const first = readCsvRow(row(keyless), 1, columns);
    const later = readCsvRow(row(keyless), 9, columns);
    expect(first.ok && first.row.identity).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.ok && later.ok && first.row.identity === later.row.identity).toBe(true);
  });
});

describe('readJsonRows', () => {
  it.each([null, [], { version: 2, exceptions: [] }, { version: 1 }])('refuses %j as a whole', (document) => {
    expect(readJsonRows(document)).toEqual({ ok: false, message: NOT_A_REGISTER });
  });

  it('rejects a bad exception by its place, keeping the good ones', () => {
    const good = {
      key: 'SEC-1',
      summary: 's',
      type: 'Other',
      status: 'Submitted',
      requester: { accountId: 'a1' },
      createdAt: '2026-09-01T10:00:00Z',
    };
    const read = readJsonRows({ version: 1, exceptions: [good, { ...good, key: 'SEC-2', status: 'Done' }] });
    expect(read.ok && read.rows.map((entry) => (entry.ok ? entry.row.identity : entry.rejected))).toEqual([
      'key:SEC-1',
      {
        row: 2,
        reasons: [
          'status: Invalid option: expected one of "Submitted"|"Risk Review"|"Approved"|"Recertification"|"Rejected"|"Reverted"|"Retired"',
        ],
      },
    ]);
  });
});
