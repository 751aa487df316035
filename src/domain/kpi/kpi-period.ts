/**
 * The reporting period of the KPIs (DESIGN.md §6): a range of calendar months (UTC), both ends included.
 * Without options it is the 12 months ending with the month of `now`.
 */
import { addMonths, monthOf, monthsBetween } from '../utc-days';
import { KpiOptionsError } from './kpi-options-error';

/** `from` / `to` are months written `YYYY-MM`, inclusive. */
export interface KpiOptions {
  // `| undefined` so a caller can pass an unset command-line flag or query parameter straight through.
  from?: string | undefined;
  to?: string | undefined;
}

export interface KpiPeriod {
  readonly from: string;
  readonly to: string;
}

export const DEFAULT_PERIOD_MONTHS = 12;
/** Five years: enough for any trend a dashboard shows, and it bounds the size of the monthly series. */
export const MAX_PERIOD_MONTHS = 60;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const checkedMonth = (name: 'from' | 'to', value: string): string => {
  if (!MONTH_PATTERN.test(value)) {
    throw new KpiOptionsError(
      'invalid-month',
      `${name} must be a month written YYYY-MM (for example 2026-01), not "${value}".`,
    );
  }
  return value;
};

/** The period to report on; throws a KpiOptionsError with a plain message when the options cannot be used. */
export const resolveKpiPeriod = (now: string, options: KpiOptions = {}): KpiPeriod => {
  if (Number.isNaN(Date.parse(now))) {
    throw new KpiOptionsError(
      'invalid-now',
      `now must be an ISO-8601 date-time such as 2026-11-21T09:00:00Z, not "${now}".`,
    );
  }
  const to = options.to === undefined ? monthOf(now) : checkedMonth('to', options.to);
  const from =
    options.from === undefined
      ? addMonths(to, 1 - DEFAULT_PERIOD_MONTHS)
      : checkedMonth('from', options.from);
  if (from > to) {
    throw new KpiOptionsError(
      'from-after-to',
      `from (${from}) is after to (${to}): the period must not end before it starts.`,
    );
  }
  const months = monthsBetween(from, to).length;
  if (months > MAX_PERIOD_MONTHS) {
    throw new KpiOptionsError(
      'period-too-long',
      `The period ${from} to ${to} spans ${months} months; at most ${MAX_PERIOD_MONTHS} months can be reported at once.`,
    );
  }
  return { from, to };
};

/** Every month of the period, in order. */
export const monthsOf = (period: KpiPeriod): string[] => monthsBetween(period.from, period.to);

/** Whether a `YYYY-MM` month lies inside the period (months written YYYY-MM compare correctly as strings). */
export const isInPeriod = (month: string, period: KpiPeriod): boolean =>
  month >= period.from && month <= period.to;

/** Whether an ISO instant falls in one of the period's months (UTC). */
export const happenedInPeriod = (isoInstant: string, period: KpiPeriod): boolean =>
  isInPeriod(monthOf(isoInstant), period);
