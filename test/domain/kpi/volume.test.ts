import { computeKpis } from '../../../src/domain/kpi';
import { anException, NOW, policyWith } from './kpi-fixtures';

const zeros = {
  '2025-12': 0,
  '2026-01': 0,
  '2026-02': 0,
  '2026-03': 0,
  '2026-04': 0,
  '2026-05': 0,
  '2026-06': 0,
  '2026-07': 0,
  '2026-08': 0,
  '2026-09': 0,
  '2026-10': 0,
  '2026-11': 0,
};

describe('volumeByMonth', () => {
  it('lists every month of the default period, in order, zeros included, for an empty register', () => {
    const report = computeKpis([], policyWith(), NOW);
    expect(report.volumeByMonth).toEqual(zeros);
    expect(Object.keys(report.volumeByMonth)).toEqual(Object.keys(zeros));
    expect(report.period).toEqual({ from: '2025-12', to: '2026-11', months: 12 });
  });

  it('counts exceptions by their UTC creation month, whatever their status, and only inside the period', () => {
    const createdAt = [
      '2025-11-30T23:59:59Z', // the month before the period
      '2025-12-01T00:00:00Z', // first instant of the period
      '2026-10-05T10:00:00Z',
      '2026-11-01T00:30:00+01:00', // 2026-10-31T23:30Z: October in UTC
      '2026-11-01T00:00:00Z',
      '2026-11-30T23:59:59Z', // last instant of the period (after now: still this month)
      '2026-12-01T00:00:00Z', // the month after
    ];
    const statuses = [
      'Submitted',
      'Rejected',
      'Approved',
      'Retired',
      'Reverted',
      'Risk Review',
      'Approved',
    ] as const;
    const register = createdAt.map((at, index) => anException({ createdAt: at, status: statuses[index]! }));

    expect(computeKpis(register, policyWith(), NOW).volumeByMonth).toEqual({
      ...zeros,
      '2025-12': 1,
      '2026-10': 2,
      '2026-11': 2,
    });
  });

  it('follows an explicit period', () => {
    const register = [
      anException({ createdAt: '2026-02-10T00:00:00Z' }),
      anException({ createdAt: '2026-04-10T00:00:00Z' }),
    ];
    expect(
      computeKpis(register, policyWith(), NOW, { from: '2026-02', to: '2026-03' }).volumeByMonth,
    ).toEqual({
      '2026-02': 1,
      '2026-03': 0,
    });
  });

  it('spans a year boundary in the default period of a January now', () => {
    const register = [
      anException({ createdAt: '2026-12-24T00:00:00Z' }),
      anException({ createdAt: '2027-01-02T00:00:00Z' }),
    ];
    const report = computeKpis(register, policyWith(), '2027-01-15T08:00:00Z');
    expect(report.period).toEqual({ from: '2026-02', to: '2027-01', months: 12 });
    expect(Object.keys(report.volumeByMonth)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(report.volumeByMonth['2026-12']).toBe(1);
    expect(report.volumeByMonth['2027-01']).toBe(1);
  });
});
