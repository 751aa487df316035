/**
 * `start-recertification` (DESIGN.md §5): moves an Approved exception into Recertification with the period's
 * first reminder, so the review happens before the expiry rather than after it.
 */
import { MS_PER_DAY, dayToDate, dayToInstant } from '../utc-days';
import { isDone, plannedAction, type DraftedAction } from './planned-action';
import { describePeriod, revertTimeMs } from './period-schedule';
import type { PlanningContext } from './planning-context';

export const pendingRecertificationStart = ({
  exception,
  nowMs,
  subject,
  schedule,
}: PlanningContext): DraftedAction[] => {
  if (schedule === null || exception.status !== 'Approved' || nowMs >= revertTimeMs(schedule)) return [];
  const start = plannedAction(
    subject,
    'start-recertification',
    schedule.startDate,
    dayToInstant(schedule.recertificationDay),
    `Recertification of the approval period ${describePeriod(schedule)} opens with its first reminder on ${dayToDate(schedule.recertificationDay)}.`,
  );
  const periodStartMs = schedule.period.startDay * MS_PER_DAY;
  const started = isDone(
    exception.history,
    start,
    (entry) => entry.action === 'recertification-started' && Date.parse(entry.at) >= periodStartMs,
  );
  return started ? [] : [start];
};
