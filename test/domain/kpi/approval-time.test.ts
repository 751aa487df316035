import { computeKpis, type KpiOptions } from '../../../src/domain/kpi';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import {
  anException,
  approvedAfter,
  approvedAt,
  autoApprovedAt,
  hoursAfter,
  NOW,
  policyWith,
  recertifiedAt,
  rejectedAt,
  submittedAt,
} from './kpi-fixtures';

const approvalOf = (register: readonly ExceptionRecord[], options?: KpiOptions) => {
  const { approvalHours, autoApproved } = computeKpis(register, policyWith(), NOW, options);
  return { approvalHours, autoApproved };
};

describe('approval time', () => {
  it.each([
    { case: 'no approvals', hours: [], expected: { mean: null, median: null, p90: null, count: 0 } },
    { case: 'one approval', hours: [30], expected: { mean: 30, median: 30, p90: 30, count: 1 } },
    { case: 'odd count', hours: [10, 2, 6], expected: { mean: 6, median: 6, p90: 10, count: 3 } },
    {
      case: 'even count: median averages the middle two',
      hours: [1, 10, 3, 2],
      expected: { mean: 4, median: 2.5, p90: 10, count: 4 },
    },
    {
      case: 'ten approvals: p90 is the 9th smallest',
      hours: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      expected: { mean: 5.5, median: 5.5, p90: 9, count: 10 },
    },
    {
      case: 'exact, unrounded hours (20 minutes)',
      hours: [1 / 3],
      expected: { mean: 1 / 3, median: 1 / 3, p90: 1 / 3, count: 1 },
    },
  ])('$case', ({ hours, expected }) => {
    expect(approvalOf(hours.map((h) => approvedAfter(h)))).toEqual({
      approvalHours: expected,
      autoApproved: 0,
    });
  });

  it('measures to the first approved entry by time, not by position in the file, and ignores recertifications', () => {
    const createdAt = '2026-10-01T00:00:00Z';
    const exception = anException({
      status: 'Approved',
      createdAt,
      history: [
        approvedAt(hoursAfter(createdAt, 30)),
        recertifiedAt(hoursAfter(createdAt, 2)),
        approvedAt(hoursAfter(createdAt, 5)),
        submittedAt(createdAt),
      ],
    });
    expect(approvalOf([exception]).approvalHours).toEqual({ mean: 5, median: 5, p90: 5, count: 1 });
  });

  it('leaves out exceptions never approved (rejected, undecided)', () => {
    const createdAt = '2026-10-01T00:00:00Z';
    const register = [
      anException({ status: 'Rejected', createdAt, history: [rejectedAt(hoursAfter(createdAt, 3))] }),
      anException({ status: 'Risk Review', createdAt, history: [submittedAt(createdAt)] }),
    ];
    expect(approvalOf(register)).toEqual({
      approvalHours: { mean: null, median: null, p90: null, count: 0 },
      autoApproved: 0,
    });
  });

  describe('auto-approval', () => {
    const createdAt = '2026-10-01T00:00:00Z';

    it.each([
      {
        case: 'auto-approved only: counted on its own, not in the hours',
        history: [autoApprovedAt(hoursAfter(createdAt, 0.1))],
        expected: { count: 0, autoApproved: 1 },
      },
      {
        case: 'auto-approved before a later human approval: still auto-approved',
        history: [approvedAt(hoursAfter(createdAt, 50)), autoApprovedAt(hoursAfter(createdAt, 0.1))],
        expected: { count: 0, autoApproved: 1 },
      },
      {
        case: 'approved by a person first: in the hours',
        history: [approvedAt(hoursAfter(createdAt, 4)), autoApprovedAt(hoursAfter(createdAt, 50))],
        expected: { count: 1, autoApproved: 0 },
      },
      {
        case: 'auto-approved outside the period: counted nowhere',
        history: [autoApprovedAt('2026-12-01T00:00:00Z')],
        expected: { count: 0, autoApproved: 0 },
      },
    ])('$case', ({ history, expected }) => {
      const exception = anException({ status: 'Approved', createdAt, history });
      const { approvalHours, autoApproved } = approvalOf([exception]);
      expect({ count: approvalHours.count, autoApproved }).toEqual(expected);
    });

    it('does not move the human figures', () => {
      const register = [
        approvedAfter(10),
        approvedAfter(20),
        anException({ status: 'Approved', createdAt, history: [autoApprovedAt(createdAt)] }),
      ];
      expect(approvalOf(register)).toEqual({
        approvalHours: { mean: 15, median: 15, p90: 20, count: 2 },
        autoApproved: 1,
      });
    });
  });

  describe('period boundaries: the month of the first approval decides', () => {
    const october: KpiOptions = { from: '2026-10', to: '2026-10' };

    it.each([
      { case: 'first approval on the last instant of `to`', approvedAt: '2026-10-31T23:59:59Z', count: 1 },
      { case: 'first approval on the first day after `to`', approvedAt: '2026-11-01T00:00:00Z', count: 0 },
      { case: 'first approval on the first instant of `from`', approvedAt: '2026-10-01T00:00:00Z', count: 1 },
      { case: 'first approval on the last day before `from`', approvedAt: '2026-09-30T23:59:59Z', count: 0 },
      {
        case: 'offset instant that is in November in UTC',
        approvedAt: '2026-11-01T00:30:00+00:00',
        count: 0,
      },
      { case: 'offset instant that is in October in UTC', approvedAt: '2026-11-01T00:30:00+01:00', count: 1 },
    ])('$case', ({ approvedAt: at, count }) => {
      const exception = anException({
        status: 'Approved',
        createdAt: '2026-09-20T00:00:00Z',
        history: [approvedAt(at)],
      });
      expect(approvalOf([exception], october).approvalHours.count).toBe(count);
    });

    it('counts an exception created before the period whose first approval falls inside it, over its full wait', () => {
      const exception = anException({
        status: 'Approved',
        createdAt: '2026-09-30T12:00:00Z',
        history: [approvedAt('2026-10-01T12:00:00Z')],
      });
      expect(approvalOf([exception], october).approvalHours).toEqual({
        mean: 24,
        median: 24,
        p90: 24,
        count: 1,
      });
    });

    it('does not count a later approval in the period when the first one fell before it', () => {
      const exception = anException({
        status: 'Approved',
        createdAt: '2026-09-01T00:00:00Z',
        history: [approvedAt('2026-09-02T00:00:00Z'), approvedAt('2026-10-02T00:00:00Z')],
      });
      expect(approvalOf([exception], october).approvalHours.count).toBe(0);
    });
  });
});
