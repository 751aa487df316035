import { decidedOn } from '../../../src/domain/decision-snapshot';
import { KpiFactsSchema, kpiFactsOf, type KpiFacts } from '../../../src/domain/kpi';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import { generateException } from '../../builders/exception-record';
import { anException, approvedAt, autoApprovedAt, hoursAfter, rejectedAt, submittedAt } from './kpi-fixtures';

const CREATED = '2026-10-01T00:00:00Z';
const ready = generateException();
const decidedReady = generateException({
  status: 'Approved',
  history: [
    {
      at: '2026-11-21T09:00:00Z',
      action: 'approved',
      by: 'acc-reviewer-cy',
      periodStart: '2026-11-21',
      periodEnd: '2027-02-01',
      decidedOn: decidedOn(ready),
    },
  ],
});

const base: KpiFacts = {
  created: '2026-10',
  type: 'Firewall rule',
  assets: ['fw-edge-01'],
  state: 'pending',
  expires: '2027-01-31',
  controls: true,
  approval: null,
  decision: null,
};

const cases: { case: string; record: ExceptionRecord; facts: KpiFacts }[] = [
  { case: 'a submitted exception', record: anException({ createdAt: CREATED }), facts: base },
  {
    case: 'approved by a person 36.5 h after creation, Urgent',
    record: anException({
      status: 'Approved',
      urgency: 'Urgent',
      createdAt: CREATED,
      history: [submittedAt(CREATED), approvedAt(hoursAfter(CREATED, 36.5))],
    }),
    facts: {
      ...base,
      state: 'in-force',
      approval: { month: '2026-10', hours: 36.5, auto: false },
      decision: { month: '2026-10', hours: 36.5, urgency: 'Urgent' },
    },
  },
  {
    case: 'auto-approved across a month end, urgency missing counts as Standard',
    record: anException({
      status: 'Recertification',
      urgency: null,
      createdAt: '2026-10-31T23:00:00Z',
      history: [autoApprovedAt('2026-11-01T00:20:00Z')],
    }),
    facts: {
      ...base,
      state: 'in-force',
      approval: { month: '2026-11', hours: 4 / 3, auto: true },
      decision: { month: '2026-11', hours: 4 / 3, urgency: 'Standard' },
    },
  },
  {
    case: 'rejected: a decision, no approval; closed',
    record: anException({
      status: 'Rejected',
      createdAt: CREATED,
      history: [rejectedAt(hoursAfter(CREATED, 100))],
    }),
    facts: { ...base, state: 'closed', decision: { month: '2026-10', hours: 100, urgency: 'Standard' } },
  },
  {
    case: 'the first approval counts, entries taken in time order',
    record: anException({
      status: 'Approved',
      createdAt: CREATED,
      history: [approvedAt(hoursAfter(CREATED, 90)), rejectedAt(hoursAfter(CREATED, 10))],
    }),
    facts: {
      ...base,
      state: 'in-force',
      approval: { month: '2026-10', hours: 90, auto: false },
      decision: { month: '2026-10', hours: 10, urgency: 'Standard' },
    },
  },
  {
    case: 'assets listed twice count once; padding is no control; open-ended',
    record: anException({
      status: 'Risk Review',
      createdAt: CREATED,
      affectedAssets: ['db-01', 'web-01', 'db-01'],
      compensatingControls: ' n/a ',
      expirationDate: null,
      type: 'MFA bypass',
    }),
    facts: {
      ...base,
      type: 'MFA bypass',
      assets: ['db-01', 'web-01'],
      controls: false,
      expires: null,
      state: 'pending',
    },
  },
  {
    case: 'an in-force exception edited since its approval counts as decided',
    record: {
      ...decidedReady,
      expirationDate: '2027-12-31',
      affectedAssets: ['db-prod-07'],
      compensatingControls: '',
      type: 'MFA bypass',
    },
    facts: {
      created: '2026-11',
      type: 'Firewall rule',
      assets: ['fw-edge-01', 'sftp-prod-01'],
      state: 'in-force',
      expires: '2027-02-01',
      controls: true,
      approval: { month: '2026-11', hours: 23, auto: false },
      decision: { month: '2026-11', hours: 23, urgency: 'Standard' },
    },
  },
];

describe('kpiFactsOf: what the KPIs need from one record', () => {
  it.each(cases)('$case', ({ record, facts }) => {
    expect(kpiFactsOf(record)).toStrictEqual(facts);
    expect(KpiFactsSchema.parse(kpiFactsOf(record))).toStrictEqual(facts);
  });

  it('keeps the exact float hoursBetween gives (no rounding)', () => {
    const record = anException({
      status: 'Approved',
      createdAt: CREATED,
      history: [approvedAt('2026-10-01T00:00:07Z')],
    });
    expect(kpiFactsOf(record).approval?.hours).toBe(7 / 3600);
  });

  it('refuses unknown members and unsorted shapes (strict)', () => {
    expect(KpiFactsSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(KpiFactsSchema.safeParse({ ...base, created: '2026-13' }).success).toBe(false);
  });
});
