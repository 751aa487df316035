import {
  currentPeriod,
  daysInForce,
  grantedDays,
  periodsOf,
  recertificationCount,
  unionDays,
  chronological,
} from '../../src/domain/period';
import { HistoryEntrySchema, type HistoryEntry } from '../../src/domain/register-schema';
import { dayNumber } from '../../src/domain/utc-days';

const entry = (input: Record<string, unknown>): HistoryEntry => HistoryEntrySchema.parse(input);
const approved = (periodStart: string, periodEnd: string, at = `${periodStart}T10:00:00Z`) =>
  entry({ at, action: 'approved', by: 'c3', periodStart, periodEnd });
const recertified = (periodStart: string, periodEnd: string) =>
  entry({ at: `${periodStart}T11:00:00Z`, action: 'recertified', by: 'b2', periodStart, periodEnd });

describe('periods', () => {
  it('measures the register example period as 91 days, both ends included', () => {
    const period = currentPeriod([approved('2026-09-02', '2026-12-01')]);
    expect(period).toMatchObject({
      startDay: dayNumber('2026-09-02'),
      endDay: dayNumber('2026-12-01'),
      lengthDays: 91,
    });
  });

  it('returns null before any approval', () => {
    expect(currentPeriod([entry({ at: '2026-09-01T10:00:00Z', action: 'submitted', by: 'a1' })])).toBeNull();
  });

  it('takes the latest period by time, whatever the order in the file', () => {
    const history = [recertified('2026-11-28', '2027-02-26'), approved('2026-09-02', '2026-12-01')];
    expect(currentPeriod(history)?.entry.action).toBe('recertified');
    expect(periodsOf(history).map((period) => period.entry.periodStart)).toEqual([
      '2026-09-02',
      '2026-11-28',
    ]);
  });

  it('keeps file order for entries at the same instant', () => {
    const a = entry({ at: '2026-09-02T10:00:00Z', action: 'triaged', by: null });
    const b = entry({
      at: '2026-09-02T10:00:00Z',
      action: 'approved',
      by: 'c3',
      periodStart: '2026-09-02',
      periodEnd: '2026-10-01',
    });
    expect(chronological([a, b]).map((e) => e.action)).toEqual(['triaged', 'approved']);
    expect(chronological([b, a]).map((e) => e.action)).toEqual(['approved', 'triaged']);
  });

  it.each([
    { ranges: [], days: 0 },
    { ranges: [[1, 10]], days: 10 },
    {
      ranges: [
        [1, 10],
        [5, 12],
      ],
      days: 12,
    },
    {
      ranges: [
        [1, 10],
        [11, 20],
      ],
      days: 20,
    },
    {
      ranges: [
        [1, 10],
        [3, 4],
      ],
      days: 10,
    },
    {
      ranges: [
        [20, 25],
        [1, 10],
      ],
      days: 16,
    },
    { ranges: [[5, 4]], days: 0 },
  ])('unionDays($ranges) = $days', ({ ranges, days }) => {
    expect(unionDays(ranges.map(([startDay, endDay]) => ({ startDay: startDay!, endDay: endDay! })))).toBe(
      days,
    );
  });

  it('counts days in force up to and including today, overlaps once', () => {
    const history = [approved('2026-09-02', '2026-12-01'), recertified('2026-11-28', '2027-02-26')];
    expect(daysInForce(history, '2026-09-02T12:00:00Z')).toBe(1);
    expect(daysInForce(history, '2026-11-21T09:00:00Z')).toBe(81);
    expect(daysInForce(history, '2027-03-10T00:00:00Z')).toBe(178);
    expect(daysInForce(history, '2026-08-01T00:00:00Z')).toBe(0);
  });

  it('counts granted days with a proposed period for the cumulative cap', () => {
    const history = [approved('2026-09-02', '2026-12-01')];
    expect(grantedDays(history)).toBe(91);
    expect(grantedDays(history, { startDay: dayNumber('2026-11-28'), endDay: dayNumber('2027-02-26') })).toBe(
      178,
    );
  });

  it('counts recertifications', () => {
    expect(
      recertificationCount([approved('2026-09-02', '2026-12-01'), recertified('2026-11-28', '2027-02-26')]),
    ).toBe(1);
  });
});
