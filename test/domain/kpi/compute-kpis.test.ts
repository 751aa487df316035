import { computeKpis, KpiOptionsError, KpiReportSchema } from '../../../src/domain/kpi';
import {
  anException,
  approvedAt,
  autoApprovedAt,
  NOW,
  policyWith,
  rejectedAt,
  submittedAt,
} from './kpi-fixtures';

/** A small register touching every KPI, in the period 2026-10 … 2026-11. */
const register = [
  // Urgent, approved by a person after 30 h (outside its 24 h SLA); expired 20 Nov, so overdue today (21 Nov).
  anException({
    type: 'MFA bypass',
    urgency: 'Urgent',
    status: 'Approved',
    affectedAssets: ['crm-legacy-01'],
    expirationDate: '2026-11-20',
    createdAt: '2026-10-01T10:00:00Z',
    history: [submittedAt('2026-10-01T10:00:00Z'), approvedAt('2026-10-02T16:00:00Z')],
  }),
  // No urgency (Standard): approved after 72 h, within SLA; under recertification, no controls, no expiry.
  anException({
    type: 'Firewall rule',
    urgency: null,
    status: 'Recertification',
    compensatingControls: '',
    affectedAssets: ['fw-edge-01', 'crm-legacy-01'],
    expirationDate: null,
    createdAt: '2026-10-05T00:00:00Z',
    history: [approvedAt('2026-10-08T00:00:00Z')],
  }),
  // Auto-approved after 5 minutes, in November.
  anException({
    type: 'Endpoint control gap',
    status: 'Approved',
    affectedAssets: ['laptop-42'],
    expirationDate: '2027-02-01',
    createdAt: '2026-11-02T08:00:00Z',
    history: [autoApprovedAt('2026-11-02T08:05:00Z')],
  }),
  // Rejected after 130 h: outside the Standard SLA.
  anException({
    type: 'MFA bypass',
    status: 'Rejected',
    affectedAssets: ['vpn-01'],
    createdAt: '2026-11-03T00:00:00Z',
    history: [rejectedAt('2026-11-08T10:00:00Z')],
  }),
  // Still in review; created before the period.
  anException({
    type: 'Other',
    status: 'Risk Review',
    affectedAssets: ['lab-01'],
    expirationDate: '2027-03-01',
    createdAt: '2026-09-15T00:00:00Z',
  }),
];

describe('computeKpis', () => {
  it('computes the whole report', () => {
    const report = computeKpis(register, policyWith({ assetInventorySize: 40 }), NOW, {
      from: '2026-10',
      to: '2026-11',
    });
    expect(report).toEqual({
      generatedAt: '2026-11-21T09:00:00Z',
      period: { from: '2026-10', to: '2026-11', months: 2 },
      volumeByMonth: { '2026-10': 2, '2026-11': 2 },
      approvalHours: { mean: 51, median: 51, p90: 72, count: 2 },
      autoApproved: 1,
      overdueShare: { value: 0.25, numerator: 1, denominator: 4 },
      controlsCoverage: { value: 2 / 3, numerator: 2, denominator: 3 },
      assetsExcepted: { value: 0.075, numerator: 3, denominator: 40 },
      withinSla: { value: 0.5, numerator: 2, denominator: 4 },
      openEnded: 1,
      topTypes: [
        { name: 'MFA bypass', count: 2 },
        { name: 'Endpoint control gap', count: 1 },
        { name: 'Firewall rule', count: 1 },
      ],
      topAssets: [
        { name: 'crm-legacy-01', count: 2 },
        { name: 'fw-edge-01', count: 1 },
        { name: 'laptop-42', count: 1 },
        { name: 'vpn-01', count: 1 },
      ],
      trend: {
        types: {
          'MFA bypass': { '2026-10': 1, '2026-11': 1 },
          'Endpoint control gap': { '2026-10': 0, '2026-11': 1 },
          'Firewall rule': { '2026-10': 1, '2026-11': 0 },
        },
        assets: {
          'crm-legacy-01': { '2026-10': 2, '2026-11': 0 },
          'fw-edge-01': { '2026-10': 1, '2026-11': 0 },
          'laptop-42': { '2026-10': 0, '2026-11': 1 },
          'vpn-01': { '2026-10': 0, '2026-11': 1 },
        },
      },
      targets: {
        assetsExcepted: { target: 0.05, met: false },
        decisionHours: { target: 48, met: false },
        overdue: { target: 0, met: false },
        openEnded: { target: 0, met: false },
      },
    });
  });

  it('reports an empty register as no data, never as 0 % or 100 %', () => {
    const report = computeKpis([], policyWith(), NOW);
    const noData = { value: null, numerator: 0, denominator: 0 };
    expect(report).toMatchObject({
      approvalHours: { mean: null, median: null, p90: null, count: 0 },
      autoApproved: 0,
      overdueShare: noData,
      controlsCoverage: noData,
      assetsExcepted: noData,
      withinSla: noData,
      openEnded: 0,
      topTypes: [],
      topAssets: [],
      trend: { types: {}, assets: {} },
      targets: {
        assetsExcepted: { target: 0.05, met: null },
        decisionHours: { target: 48, met: null },
        overdue: { target: 0, met: null },
        openEnded: { target: 0, met: true },
      },
    });
  });

  it('writes generatedAt in UTC', () => {
    expect(computeKpis([], policyWith(), '2026-11-21T10:00:00+01:00').generatedAt).toBe(
      '2026-11-21T09:00:00Z',
    );
  });

  it('refuses unusable options with a KpiOptionsError', () => {
    expect(() => computeKpis(register, policyWith(), NOW, { from: '2026-11', to: '2026-10' })).toThrow(
      new KpiOptionsError(
        'from-after-to',
        'from (2026-11) is after to (2026-10): the period must not end before it starts.',
      ),
    );
  });
});

describe('KpiReportSchema', () => {
  const report = computeKpis(register, policyWith({ assetInventorySize: 40 }), NOW, {
    from: '2026-10',
    to: '2026-11',
  });
  const messagesOf = (candidate: unknown): string[] => {
    const result = KpiReportSchema.safeParse(candidate);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts the report, unchanged, also after a JSON round trip', () => {
    expect(KpiReportSchema.parse(report)).toEqual(report);
    expect(KpiReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it.each([
    { case: 'an unknown member', patch: { extra: 1 }, messages: [': Unrecognized key: "extra"'] },
    {
      case: 'a value for an empty denominator',
      patch: { withinSla: { value: 0, numerator: 0, denominator: 0 } },
      messages: ['withinSla.value: must be null when the denominator is 0 (no data)'],
    },
    {
      case: 'a value that is not numerator ÷ denominator',
      patch: { overdueShare: { value: 0.5, numerator: 1, denominator: 4 } },
      messages: ['overdueShare.value: must equal numerator ÷ denominator'],
    },
    {
      case: 'a mean without approvals',
      patch: { approvalHours: { mean: 3, median: null, p90: null, count: 0 } },
      messages: ['approvalHours.mean: must be null when count is 0'],
    },
    {
      case: 'a month missing from the volume',
      patch: { volumeByMonth: { '2026-10': 2 } },
      messages: ['volumeByMonth: must list every month of the period'],
    },
    {
      case: 'a non-zero target for overdue',
      patch: { targets: { ...report.targets, overdue: { target: 1, met: true } } },
      messages: ['targets.overdue.target: Invalid input: expected 0'],
    },
  ])('rejects $case', ({ patch, messages }) => {
    expect(messagesOf({ ...report, ...patch })).toEqual(messages);
  });
});
