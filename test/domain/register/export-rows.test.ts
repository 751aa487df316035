import { defaultPolicy } from '../../../src/domain/policy-schema';
import {
  EXPORT_COLUMNS,
  describeProblem,
  inAuditWindow,
  parseRegister,
  toExportRow,
  toRegisterDocument,
} from '../../../src/domain/register';
import { ExceptionRecordSchema, type ExceptionRecordInput } from '../../../src/domain/register-schema';
import { designExampleRecord } from '../../builders/design-example-record';

const NOW = '2026-11-21T09:00:00Z';
const example = designExampleRecord();
const base: ExceptionRecordInput = {
  ...example,
  id: '10023',
  affectedAssets: ['crm-legacy-01', 'crm-legacy-02'],
  history: [
    ...(example.history ?? []),
    {
      at: '2026-11-20T11:00:00Z',
      action: 'recertified',
      by: 'b2',
      periodStart: '2026-11-20',
      periodEnd: '2027-02-18',
      policyVersion: 4,
      checklist: {
        'Controls still effective': true,
        'Justification still valid': true,
        'No better option available': false,
      },
    },
  ],
};
const record = (overrides: Partial<ExceptionRecordInput> = {}) =>
  ExceptionRecordSchema.parse({ ...base, ...overrides });

describe('audit export rows', () => {
  it('flattens one exception with decisions, recertifications, reminders and control mapping', () => {
    expect(toExportRow(record(), defaultPolicy(), NOW)).toEqual({
      key: 'SEC-12',
      summary: 'MFA bypass for legacy CRM',
      type: 'MFA bypass',
      status: 'Approved',
      urgency: 'Standard',
      riskRating: 'High',
      tier: 'High',
      requester: 'Ana (a1)',
      riskOwner: 'Bo (b2)',
      justification: 'Legacy CRM blocks sales logins; revenue loss $10k/week',
      compensatingControls: 'IP allow-listing + daily log review',
      expirationDate: '2026-12-01',
      affectedAssets: 'crm-legacy-01; crm-legacy-02',
      remediationPlan: '',
      findings: '',
      attachmentCount: 1,
      createdAt: '2026-09-01T10:00:00Z',
      decisions: 'approved 2026-09-02T16:00:00Z by c3, period 2026-09-02 to 2026-12-01, policy v3',
      recertifications:
        'recertified 2026-11-20T11:00:00Z by Bo, period 2026-11-20 to 2027-02-18, policy v4 [Controls still effective: yes; Justification still valid: yes; No better option available: no]',
      remindersSent: '75% 2026-11-09T00:00:00Z',
      closedAt: '',
      policyVersion: '4',
      daysInForce: 81,
      cisV8: '6.3, 6.4, 6.5',
      iso27001: 'A.8.5',
      soc2: 'CC6.1',
    });
  });

  it('fills the closing time of a closed exception and copes with missing people and ratings', () => {
    const row = toExportRow(
      record({
        status: 'Rejected',
        riskRating: null,
        urgency: null,
        riskOwner: null,
        requester: { accountId: 'a1' },
        expirationDate: null,
        history: [
          { at: '2026-09-01T10:00:00Z', action: 'submitted', by: 'a1' },
          { at: '2026-09-03T10:00:00Z', action: 'rejected', by: 'c3', note: 'Use the bastion instead' },
        ],
      }),
      defaultPolicy(),
      NOW,
    );
    expect(row).toMatchObject({
      requester: 'a1',
      riskOwner: '',
      urgency: '',
      riskRating: '',
      tier: 'High',
      expirationDate: '',
      decisions: 'rejected 2026-09-03T10:00:00Z by c3, Use the bastion instead',
      recertifications: '',
      closedAt: '2026-09-03T10:00:00Z',
      policyVersion: '',
      daysInForce: 0,
    });
  });

  it('names the app as the actor of scheduled decisions and says when a checklist was not recorded', () => {
    const row = toExportRow(
      record({
        status: 'Reverted',
        history: [
          {
            at: '2026-09-02T16:00:00Z',
            action: 'auto-approved',
            by: null,
            periodStart: '2026-09-02',
            periodEnd: '2026-10-01',
          },
          {
            at: '2026-09-30T10:00:00Z',
            action: 'recertified',
            by: 'x9',
            periodStart: '2026-09-30',
            periodEnd: '2026-10-30',
          },
          { at: '2026-10-31T00:00:00Z', action: 'reverted', by: null, note: 'Re-enable MFA' },
        ],
      }),
      defaultPolicy(),
      NOW,
    );
    expect(row.decisions).toBe(
      'auto-approved 2026-09-02T16:00:00Z by the app, period 2026-09-02 to 2026-10-01 | reverted 2026-10-31T00:00:00Z by the app, Re-enable MFA',
    );
    expect(row.recertifications).toBe(
      'recertified 2026-09-30T10:00:00Z by x9, period 2026-09-30 to 2026-10-30 [checklist not recorded]',
    );
    expect(row.closedAt).toBe('2026-10-31T00:00:00Z');
    expect(row.daysInForce).toBe(59);
  });

  it.each([
    {
      name: 'open, created before the window ends',
      overrides: {},
      from: '2026-10-01',
      to: '2026-10-31',
      included: true,
    },
    {
      name: 'created after the window',
      overrides: {},
      from: '2026-08-01',
      to: '2026-08-31',
      included: false,
    },
    {
      name: 'closed before the window began',
      overrides: {
        status: 'Retired',
        history: [{ at: '2026-09-20T10:00:00Z', action: 'retired', by: 'b2' }],
      },
      from: '2026-10-01',
      to: '2026-10-31',
      included: false,
    },
    {
      name: 'closed on the first day of the window',
      overrides: {
        status: 'Retired',
        history: [{ at: '2026-10-01T10:00:00Z', action: 'retired', by: 'b2' }],
      },
      from: '2026-10-01',
      to: '2026-10-31',
      included: true,
    },
    {
      name: 'closed without a closing entry',
      overrides: { status: 'Rejected', history: [] },
      from: '2026-10-01',
      to: '2026-10-31',
      included: true,
    },
  ] as const)('audit window: $name', ({ overrides, from, to, included }) => {
    expect(inAuditWindow(record(overrides as Partial<ExceptionRecordInput>), from, to)).toBe(included);
  });

  it('writes the register document sorted by key number', () => {
    const document = toRegisterDocument([record({ key: 'SEC-10' }), record({ key: 'SEC-9' })], NOW);
    expect(document.version).toBe(1);
    expect(document.generatedAt).toBe(NOW);
    expect(document.exceptions.map((exception) => exception.key)).toEqual(['SEC-9', 'SEC-10']);
    expect(parseRegister(JSON.parse(JSON.stringify(document)))).toEqual({ ok: true, register: document });
  });
});

describe('register parsing', () => {
  it('names the document itself for document-level problems', () => {
    const result = parseRegister({ version: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { record: null, path: 'exceptions', message: 'Invalid input: expected array, received undefined' },
      ]);
      expect(result.problems.map(describeProblem)).toEqual([
        'register: exceptions: Invalid input: expected array, received undefined',
      ]);
    }
  });

  it('names a record by position when it is not an object', () => {
    const result = parseRegister({ version: 1, exceptions: ['SEC-1'] });
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'exceptions[0]: Invalid input: expected object, received string',
    ]);
  });
});

describe('findings in the register format and the export', () => {
  const findings = [
    { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' },
    { id: 'GHSA-jfh8-c2jp-5v3q', path: 'services/api/package-lock.json' },
  ];

  it('writes one line per finding in the CSV column', () => {
    expect(toExportRow(record({ findings }), defaultPolicy(), NOW).findings).toBe(
      'CVE-2024-1234 pkg:npm/lodash@4.17.20; GHSA-jfh8-c2jp-5v3q services/api/package-lock.json',
    );
  });

  it("round-trips the optional member through the register document, without the validators' notes", () => {
    const document = toRegisterDocument([record({ findings, findingProblems: ['Findings line 3: …'] })], NOW);
    const text = JSON.stringify(document);
    expect(text).not.toContain('findingProblems');
    const parsed = parseRegister(JSON.parse(text));
    expect(parsed.ok && parsed.register.exceptions[0]?.findings).toEqual(findings);
  });

  it('reads a version 1 register without findings, and refuses a finding that is not one', () => {
    expect(parseRegister({ version: 1, exceptions: [base] }).ok).toBe(true);
    const parsed = parseRegister({ version: 1, exceptions: [{ ...base, findings: [{ id: 'lodash' }] }] });
    expect(parsed.ok ? [] : parsed.problems.map(describeProblem)).toEqual([
      'SEC-12: findings[0].id: must be a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746',
    ]);
    expect(EXPORT_COLUMNS.map((column) => column.header)).toContain('Findings');
  });
});
