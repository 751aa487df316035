/**
 * `escalate-chronic` (DESIGN.md §4–§5): once in an exception's life, when it has been renewed too often or been in
 * force too long in total, a linked engineering issue is raised. It falls due at the earliest moment either
 * threshold is reached: the Nth recertification, or 00:00 UTC of the day on which the days in force (the union of
 * the approval periods, today counted) reach the cumulative threshold.
 */
import { chronological, daysInForce, periodsOf } from '../period';
import type { Policy } from '../policy-schema';
import type { HistoryEntry } from '../register-schema';
import { dateOf, dayToDate, dayToInstant, toInstant } from '../utc-days';
import { isInForce } from '../vocabulary';
import { ONCE, isDone, plannedAction, type DraftedAction } from './planned-action';
import type { PlanningContext } from './planning-context';
import { countOf } from './wording';

interface Threshold {
  readonly dueAt: string;
  readonly reason: string;
}

const byRecertifications = (
  history: readonly HistoryEntry[],
  chronic: Policy['chronic'],
): Threshold | null => {
  const nth = chronological(history).filter((entry) => entry.action === 'recertified')[
    chronic.recertifications - 1
  ];
  if (nth === undefined) return null;
  return {
    dueAt: toInstant(Date.parse(nth.at)),
    reason: `Chronic threshold of ${countOf(chronic.recertifications, 'recertification')} reached on ${dateOf(nth.at)}.`,
  };
};

/**
 * The first day on which the days in force reach `threshold`, if the recorded periods ever do. Searched with
 * daysInForce itself, which never decreases from one day to the next, so "due" here and the days counted elsewhere
 * cannot disagree.
 */
const dayReachingDaysInForce = (history: readonly HistoryEntry[], threshold: number): number | null => {
  const periods = periodsOf(history);
  if (periods.length === 0) return null;
  const reachedBy = (day: number): boolean => daysInForce(history, dayToInstant(day)) >= threshold;
  let low = Math.min(...periods.map((period) => period.startDay));
  let high = Math.max(...periods.map((period) => period.endDay));
  if (!reachedBy(high)) return null;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (reachedBy(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
};

const byDaysInForce = (history: readonly HistoryEntry[], chronic: Policy['chronic']): Threshold | null => {
  const day = dayReachingDaysInForce(history, chronic.cumulativeDays);
  if (day === null) return null;
  return {
    dueAt: dayToInstant(day),
    reason: `Chronic threshold of ${countOf(chronic.cumulativeDays, 'day')} in force reached on ${dayToDate(day)}.`,
  };
};

export const pendingChronicEscalation = ({
  exception,
  policy,
  subject,
}: PlanningContext): DraftedAction[] => {
  if (!isInForce(exception.status)) return [];
  const reached = [
    byRecertifications(exception.history, policy.chronic),
    byDaysInForce(exception.history, policy.chronic),
  ]
    .filter((threshold): threshold is Threshold => threshold !== null)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  if (reached === undefined) return [];
  const escalation = plannedAction(subject, 'escalate-chronic', ONCE, reached.dueAt, reached.reason);
  return isDone(exception.history, escalation, (entry) => entry.action === 'escalated') ? [] : [escalation];
};
