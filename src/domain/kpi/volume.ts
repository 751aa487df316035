/** Volume (DESIGN.md §6): exceptions created per calendar month (UTC), every month of the period listed. */
import type { ExceptionRecord } from '../register-schema';
import { monthOf } from '../utc-days';
import { isInPeriod, monthsOf, type KpiPeriod } from './kpi-period';

/** `{ month: 0 }` for every month of the period, in order, ready to be counted into. */
export const zeroByMonth = (period: KpiPeriod): Record<string, number> =>
  Object.fromEntries(monthsOf(period).map((month) => [month, 0]));

export const createdInPeriod = (
  exceptions: readonly ExceptionRecord[],
  period: KpiPeriod,
): ExceptionRecord[] => exceptions.filter((exception) => isInPeriod(monthOf(exception.createdAt), period));

export const volumeByMonth = (
  exceptions: readonly ExceptionRecord[],
  period: KpiPeriod,
): Record<string, number> => {
  const volume = zeroByMonth(period);
  for (const exception of createdInPeriod(exceptions, period)) {
    const month = monthOf(exception.createdAt);
    volume[month] = (volume[month] ?? 0) + 1;
  }
  return volume;
};
