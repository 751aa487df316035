import { computeKpis, type KpiOptions } from '../../../src/domain/kpi';
import type { Policy } from '../../../src/domain/policy-schema';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import {
  anException,
  approvedAt,
  autoApprovedAt,
  hoursAfter,
  NOW,
  policyWith,
  rejectedAt,
  submittedAt,
  type HistoryEntryInput,
} from './kpi-fixtures';

const CREATED = '2026-10-01T00:00:00Z';
const decidedAfter = (decision: (at: string) => HistoryEntryInput, hours: number): HistoryEntryInput =>
  decision(hoursAfter(CREATED, hours));

const withinSlaOf = (
  register: readonly ExceptionRecord[],
  policy: Policy = policyWith(),
  options?: KpiOptions,
) => computeKpis(register, policy, NOW, options).withinSla;

describe('withinSla', () => {
  it.each([
    { urgency: 'Urgent', decision: approvedAt, hours: 24, within: true },
    { urgency: 'Urgent', decision: approvedAt, hours: 24 + 1 / 3600, within: false },
    { urgency: 'Urgent', decision: rejectedAt, hours: 10, within: true },
    { urgency: 'Urgent', decision: autoApprovedAt, hours: 30, within: false },
    { urgency: 'Standard', decision: approvedAt, hours: 120, within: true },
    { urgency: 'Standard', decision: rejectedAt, hours: 120.5, within: false },
    { urgency: 'Standard', decision: autoApprovedAt, hours: 0, within: true },
    { urgency: null, decision: approvedAt, hours: 100, within: true }, // missing urgency is Standard, not Urgent
    { urgency: null, decision: rejectedAt, hours: 121, within: false },
  ] as const)(
    '$urgency, $decision.name after $hours h: within = $within',
    ({ urgency, decision, hours, within }) => {
      const exception = anException({
        status: 'Approved',
        urgency,
        createdAt: CREATED,
        history: [submittedAt(CREATED), decidedAfter(decision, hours)],
      });
      expect(withinSlaOf([exception])).toEqual({
        value: within ? 1 : 0,
        numerator: within ? 1 : 0,
        denominator: 1,
      });
    },
  );

  it('is no data when nothing was decided in the period', () => {
    const register = [
      anException({ status: 'Submitted', createdAt: CREATED, history: [submittedAt(CREATED)] }),
      anException({
        status: 'Approved',
        createdAt: '2025-01-01T00:00:00Z',
        history: [approvedAt('2025-01-02T00:00:00Z')],
      }),
    ];
    expect(withinSlaOf(register)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('judges the first decision by time only', () => {
    const exception = anException({
      status: 'Rejected',
      urgency: 'Urgent',
      createdAt: CREATED,
      // Listed first but later in time: the approval after 10 h is the first decision.
      history: [decidedAfter(rejectedAt, 200), decidedAfter(approvedAt, 10)],
    });
    expect(withinSlaOf([exception])).toEqual({ value: 1, numerator: 1, denominator: 1 });
  });

  it('takes the SLA hours from the policy', () => {
    const policy = policyWith({}, { decisionSlaHours: { Urgent: 4, Standard: 8 } });
    const register = [
      anException({ urgency: 'Urgent', createdAt: CREATED, history: [decidedAfter(approvedAt, 5)] }),
      anException({ urgency: 'Standard', createdAt: CREATED, history: [decidedAfter(approvedAt, 8)] }),
      anException({ urgency: null, createdAt: CREATED, history: [decidedAfter(rejectedAt, 9)] }),
    ];
    expect(withinSlaOf(register, policy)).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
  });

  it.each([
    { case: 'decided on the last instant of `to`', at: '2026-10-31T23:59:59Z', denominator: 1 },
    { case: 'decided on the first day after `to`', at: '2026-11-01T00:00:00Z', denominator: 0 },
    { case: 'decided on the last day before `from`', at: '2026-09-30T23:59:59Z', denominator: 0 },
  ])('period boundary: $case', ({ at, denominator }) => {
    const exception = anException({ createdAt: '2026-09-29T00:00:00Z', history: [rejectedAt(at)] });
    expect(withinSlaOf([exception], policyWith(), { from: '2026-10', to: '2026-10' }).denominator).toBe(
      denominator,
    );
  });
});
