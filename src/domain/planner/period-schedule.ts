/**
 * The days on which the lifecycle actions of one approval period fall (DESIGN.md §5), as UTC day numbers.
 * An exception is valid through its expiration date, so the period's length counts both ends (see period.ts).
 */
import type { Period } from '../period';
import type { Policy } from '../policy-schema';
import { dayToDate, MS_PER_DAY } from '../utc-days';
import { countOf } from './wording';

export interface PeriodSchedule {
  readonly period: Period;
  /** `YYYY-MM-DD` of the first day: the tag of the period's action keys. */
  readonly startDate: string;
  /** Day of the fraction-of-period reminder; null when it falls with the one before expiry (only that one is sent). */
  readonly fractionReminderDay: number | null;
  /** Day of the reminder before expiry; null when that day is not after the period's first day. */
  readonly expiryReminderDay: number | null;
  /** Recertification starts with the earlier of the two reminders. */
  readonly recertificationDay: number;
  /** The first day out of force; revert is due at its 00:00. */
  readonly revertDay: number;
}

/**
 * A tiny allowance before flooring: fraction × length is computed in binary floating point, and a product that is
 * a whole number on paper (0.57 × 100) can come out just below it (56.99999999999999).
 */
const FLOOR_TOLERANCE = 1e-9;

export const periodSchedule = (period: Period, reminders: Policy['reminders']): PeriodSchedule => {
  const fractionDay =
    period.startDay + Math.floor(reminders.fractionOfPeriod * period.lengthDays + FLOOR_TOLERANCE);
  const beforeExpiryDay = period.endDay - reminders.daysBeforeExpiry;
  const expiryReminderDay = beforeExpiryDay > period.startDay ? beforeExpiryDay : null;
  return {
    period,
    startDate: dayToDate(period.startDay),
    fractionReminderDay: fractionDay === expiryReminderDay ? null : fractionDay,
    expiryReminderDay,
    recertificationDay: Math.min(fractionDay, expiryReminderDay ?? fractionDay),
    revertDay: period.endDay + 1,
  };
};

/** Epoch milliseconds of 00:00 UTC on the revert day: nothing but the revert is done from then on. */
export const revertTimeMs = (schedule: PeriodSchedule): number => schedule.revertDay * MS_PER_DAY;

/** Whether an instant lies inside the period: from its first day's 00:00 to before the revert time. */
export const isWithinPeriod = (schedule: PeriodSchedule, instant: string): boolean => {
  const at = Date.parse(instant);
  return at >= schedule.period.startDay * MS_PER_DAY && at < revertTimeMs(schedule);
};

/** `2026-09-02 → 2026-12-01 (91 days)`. */
export const describePeriod = ({ period, startDate }: PeriodSchedule): string =>
  `${startDate} → ${dayToDate(period.endDay)} (${countOf(period.lengthDays, 'day')})`;
