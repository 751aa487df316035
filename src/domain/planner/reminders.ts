/**
 * `remind-75` and `remind-14d` (DESIGN.md §5): each once per approval period while the exception is in force,
 * and never at or after the revert time (an exception past its expiry is reverted, not reminded).
 * A reminder still unsent when a later reminder of the same period falls due is dropped: the two would reach the
 * owner at once (after a sweep outage, say), and the later one says all the earlier would — the rule that keeps
 * one reminder when both fall on the same day, applied to a missed one.
 */
import type { Policy } from '../policy-schema';
import { dayToDate, dayToInstant } from '../utc-days';
import { isInForce, type ReminderKind } from '../vocabulary';
import { isDone, plannedAction, type DraftedAction, type PlannedActionName } from './planned-action';
import { describePeriod, isWithinPeriod, revertTimeMs, type PeriodSchedule } from './period-schedule';
import type { PlanningContext } from './planning-context';
import { countOf, percentOf } from './wording';

interface Reminder {
  readonly action: PlannedActionName;
  /** The `reminder` of the `reminded` history entry that records it. */
  readonly kind: ReminderKind;
  readonly dayOf: (schedule: PeriodSchedule) => number | null;
  readonly reasonFor: (schedule: PeriodSchedule, day: number, reminders: Policy['reminders']) => string;
}

const REMINDERS: readonly Reminder[] = [
  {
    action: 'remind-75',
    kind: '75%',
    dayOf: (schedule) => schedule.fractionReminderDay,
    reasonFor: (schedule, day, reminders) =>
      `${percentOf(reminders.fractionOfPeriod)} of the approval period ${describePeriod(schedule)} reached on ${dayToDate(day)}.`,
  },
  {
    action: 'remind-14d',
    kind: '14d',
    dayOf: (schedule) => schedule.expiryReminderDay,
    reasonFor: (schedule, day, reminders) =>
      `${countOf(reminders.daysBeforeExpiry, 'day')} before the end of the approval period ${describePeriod(schedule)}, reached on ${dayToDate(day)}.`,
  },
];

export const pendingReminders = ({
  exception,
  policy,
  nowMs,
  subject,
  schedule,
}: PlanningContext): DraftedAction[] => {
  if (schedule === null || !isInForce(exception.status) || nowMs >= revertTimeMs(schedule)) return [];
  const reminderDays = REMINDERS.map(({ dayOf }) => dayOf(schedule)).filter((day) => day !== null);
  const supersededBefore = Math.max(
    Number.NEGATIVE_INFINITY,
    ...reminderDays.filter((day) => nowMs >= Date.parse(dayToInstant(day))),
  );
  return REMINDERS.flatMap(({ action, kind, dayOf, reasonFor }) => {
    const day = dayOf(schedule);
    if (day === null || day < supersededBefore) return [];
    const reminder = plannedAction(
      subject,
      action,
      schedule.startDate,
      dayToInstant(day),
      reasonFor(schedule, day, policy.reminders),
    );
    const sentThisPeriod = isDone(
      exception.history,
      reminder,
      (entry) => entry.action === 'reminded' && entry.reminder === kind && isWithinPeriod(schedule, entry.at),
    );
    return sentThisPeriod ? [] : [reminder];
  });
};
