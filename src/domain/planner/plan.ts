/**
 * The lifecycle planner of DESIGN.md §5: pure functions of one exception (or the register), the policy and `now`.
 * `pendingActions` lists every action not yet done, due or not; `planActions` keeps those due by `now`;
 * `nextActionAt` is the earliest due time, stored in the indexed `nextActionAt` issue property so the sweep asks
 * Jira only for exceptions that are due.
 */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';
import { pendingChronicEscalation } from './escalate-chronic';
import { byDueAtThenKey, type DraftedAction, type PlannedAction } from './planned-action';
import { planningContext, type PlanningContext } from './planning-context';
import { pendingReminders } from './reminders';
import { pendingRevert } from './revert';
import { pendingSlaBreach } from './sla-breach';
import { pendingRecertificationStart } from './start-recertification';

const ACTION_PLANNERS: readonly ((context: PlanningContext) => DraftedAction[])[] = [
  pendingReminders,
  pendingRecertificationStart,
  pendingRevert,
  pendingChronicEscalation,
  pendingSlaBreach,
];

/** Every action not yet done, due or not, earliest first. Closed exceptions have none. */
export const pendingActions = (exception: ExceptionRecord, policy: Policy, now: string): PlannedAction[] => {
  const context = planningContext(exception, policy, now);
  return ACTION_PLANNERS.flatMap((planner) => planner(context))
    .sort(byDueAtThenKey)
    .map(({ key, action, dueAt, reason }) => ({ key, issueKey: exception.key, action, dueAt, reason }));
};

/** The actions due by `now` (dueAt ≤ now) and not yet done, earliest first. */
export const planActions = (exception: ExceptionRecord, policy: Policy, now: string): PlannedAction[] => {
  const nowMs = Date.parse(now);
  return pendingActions(exception, policy, now).filter((action) => Date.parse(action.dueAt) <= nowMs);
};

/** The earliest dueAt of the pending actions (possibly already past), or null when nothing is left to do. */
export const nextActionAt = (exception: ExceptionRecord, policy: Policy, now: string): string | null =>
  pendingActions(exception, policy, now)[0]?.dueAt ?? null;

/** Every due action of the register, sorted by dueAt then key. */
export const planRegister = (
  exceptions: readonly ExceptionRecord[],
  policy: Policy,
  now: string,
): PlannedAction[] =>
  exceptions.flatMap((exception) => planActions(exception, policy, now)).sort(byDueAtThenKey);
