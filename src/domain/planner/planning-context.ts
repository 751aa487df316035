/** What every action's planner needs about one exception, computed once per exception. */
import { governingRecord } from '../decision-governing-record';
import { currentPeriod } from '../period';
import type { Policy } from '../policy-schema';
import { IsoInstantSchema, type ExceptionRecord } from '../register-schema';
import { periodSchedule, type PeriodSchedule } from './period-schedule';

export interface PlanningContext {
  readonly exception: ExceptionRecord;
  readonly policy: Policy;
  readonly nowMs: number;
  /** Issue id when known, else the issue key: the first part of every action key. */
  readonly subject: string;
  /** The schedule of the current approval period; null when the history records none. */
  readonly schedule: PeriodSchedule | null;
}

export const planningContext = (exception: ExceptionRecord, policy: Policy, now: string): PlanningContext => {
  // An unreadable `now` would compare false against every due time and silently plan nothing.
  if (!IsoInstantSchema.safeParse(now).success) {
    throw new RangeError(
      `now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z; got "${now}"`,
    );
  }
  const period = currentPeriod(exception.history);
  return {
    // Edits made since the last decision do not move its reminders or its revert (DESIGN.md §3).
    exception: governingRecord(exception),
    policy,
    nowMs: Date.parse(now),
    subject: exception.id ?? exception.key,
    schedule: period === null ? null : periodSchedule(period, policy.reminders),
  };
};
