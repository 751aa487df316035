import {
  addMonths,
  dateOf,
  dayNumber,
  dayToDate,
  dayToInstant,
  hoursBetween,
  monthOf,
  monthsBetween,
  toInstant,
} from '../../src/domain/utc-days';

describe('UTC day arithmetic', () => {
  it('converts dates and instants to day numbers in UTC', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-11-21T23:59:59Z')).toBe(dayNumber('2026-11-21'));
    expect(dayNumber('2026-11-21T23:30:00-02:00')).toBe(dayNumber('2026-11-22'));
    expect(dayToDate(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(dayToInstant(dayNumber('2026-11-09'))).toBe('2026-11-09T00:00:00Z');
  });

  it('formats instants and dates', () => {
    expect(dateOf('2026-11-21T23:30:00-02:00')).toBe('2026-11-22');
    expect(monthOf('2026-11-30T23:30:00-02:00')).toBe('2026-12');
    expect(monthOf('2026-02-28')).toBe('2026-02');
    expect(toInstant(Date.parse('2026-11-21T09:00:00.123Z'))).toBe('2026-11-21T09:00:00Z');
    expect(hoursBetween('2026-11-20T09:00:00Z', '2026-11-21T21:30:00Z')).toBe(36.5);
  });

  it.each([
    { from: '2026-11', to: '2026-11', months: ['2026-11'] },
    { from: '2025-11', to: '2026-02', months: ['2025-11', '2025-12', '2026-01', '2026-02'] },
    { from: '2026-03', to: '2026-02', months: [] },
  ])('monthsBetween($from, $to)', ({ from, to, months }) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });

  it.each([
    { month: '2026-11', delta: -11, result: '2025-12' },
    { month: '2026-01', delta: -1, result: '2025-12' },
    { month: '2026-12', delta: 1, result: '2027-01' },
    { month: '2026-05', delta: 0, result: '2026-05' },
  ])('addMonths($month, $delta) = $result', ({ month, delta, result }) => {
    expect(addMonths(month, delta)).toBe(result);
  });
});
