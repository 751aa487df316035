/**
 * `revert` (DESIGN.md §5): an exception still in force after its last valid day lapses at 00:00 UTC the day after.
 * Without an approval period in its history (an imported or hand-edited record) the Expiration Date field stands
 * in for the period's end; without either the exception is open-ended and nothing reverts it (the KPI counts it).
 */
import { dayNumber, dayToDate, dayToInstant } from '../utc-days';
import { isInForce } from '../vocabulary';
import { isDone, plannedAction, type DraftedAction } from './planned-action';
import { describePeriod } from './period-schedule';
import type { PlanningContext } from './planning-context';

const revertOf = ({ exception, subject, schedule }: PlanningContext): DraftedAction | null => {
  if (schedule !== null) {
    return plannedAction(
      subject,
      'revert',
      schedule.startDate,
      dayToInstant(schedule.revertDay),
      `The approval period ${describePeriod(schedule)} ends without a recertification: the exception lapses on ${dayToDate(schedule.revertDay)}.`,
    );
  }
  const expiry = exception.expirationDate;
  if (expiry === null) return null;
  const revertDay = dayNumber(expiry) + 1;
  return plannedAction(
    subject,
    'revert',
    `expiry-${expiry}`,
    dayToInstant(revertDay),
    `The Expiration Date ${expiry} ends the exception (its history records no approval period): it lapses on ${dayToDate(revertDay)}.`,
  );
};

export const pendingRevert = (context: PlanningContext): DraftedAction[] => {
  if (!isInForce(context.exception.status)) return [];
  const revert = revertOf(context);
  // A reverted exception is closed, which already ends this action; in force, only the recorded key marks it done.
  const byKeyOnly = (): boolean => false;
  return revert === null || isDone(context.exception.history, revert, byKeyOnly) ? [] : [revert];
};
