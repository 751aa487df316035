/**
 * `sla-breach` (DESIGN.md §4–§5): once, when an undecided exception (Submitted or Risk Review) has waited longer
 * than its urgency's decision SLA since creation. A missing urgency counts as Standard, as in the KPIs (§6).
 */
import { MS_PER_HOUR, toInstant } from '../utc-days';
import { UNDECIDED_STATUSES } from '../vocabulary';
import { ONCE, isDone, plannedAction, type DraftedAction } from './planned-action';
import type { PlanningContext } from './planning-context';
import { countOf } from './wording';

export const pendingSlaBreach = ({ exception, policy, subject }: PlanningContext): DraftedAction[] => {
  if (!UNDECIDED_STATUSES.includes(exception.status)) return [];
  const urgency = exception.urgency ?? 'Standard';
  const hours = policy.decisionSlaHours[urgency];
  const createdMs = Date.parse(exception.createdAt);
  const dueAt = toInstant(createdMs + hours * MS_PER_HOUR);
  const urgencyWords = exception.urgency === null ? 'Standard (no urgency set)' : urgency;
  const breach = plannedAction(
    subject,
    'sla-breach',
    ONCE,
    dueAt,
    `${urgencyWords} decision SLA of ${countOf(hours, 'hour')} from creation at ${toInstant(createdMs)} ends at ${dueAt}.`,
  );
  return isDone(exception.history, breach, (entry) => entry.action === 'sla-breached') ? [] : [breach];
};
