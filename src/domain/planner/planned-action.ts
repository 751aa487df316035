/**
 * What the lifecycle planner answers (DESIGN.md §5): one action to take, with its stable idempotency key, the
 * instant it falls due and a plain-words reason. Also the JSON shape of the `plan` command's output.
 */
import { z } from 'zod';
import type { HistoryEntry } from '../register-schema';

export const PLANNED_ACTIONS = [
  'remind-75',
  'remind-14d',
  'start-recertification',
  'revert',
  'escalate-chronic',
  'sla-breach',
] as const;
export type PlannedActionName = (typeof PLANNED_ACTIONS)[number];

export interface PlannedAction {
  /** `<issue id or key>:<action>:<period start | expiry-<date> | once>`; recorded as `actionKey` once done. */
  key: string;
  /** The issue the action is for (its key), so a reader need not parse `key`, whose subject may be the issue id. */
  issueKey: string;
  action: PlannedActionName;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  dueAt: string;
  reason: string;
}

export const PlannedActionSchema = z.strictObject({
  key: z.string().min(1),
  issueKey: z.string().min(1),
  action: z.enum(PLANNED_ACTIONS),
  dueAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC instant written YYYY-MM-DDTHH:MM:SSZ'),
  reason: z.string().min(1),
}) satisfies z.ZodType<PlannedAction>;

/** An action as one planner drafts it; the plan adds the issue key (plan.ts). */
export type DraftedAction = Omit<PlannedAction, 'issueKey'>;

/** Tag of the actions that happen at most once in an exception's life. */
export const ONCE = 'once';

export const plannedAction = (
  subject: string,
  action: PlannedActionName,
  tag: string,
  dueAt: string,
  reason: string,
): DraftedAction => ({ key: `${subject}:${action}:${tag}`, action, dueAt, reason });

/**
 * Whether the action is already done: a history entry carries its key (written by the sweep, so a run that
 * crashed after acting but before anything else is not repeated), or an entry the action's own way marks it.
 */
export const isDone = (
  history: readonly HistoryEntry[],
  action: DraftedAction,
  marksDone: (entry: HistoryEntry) => boolean,
): boolean => history.some((entry) => entry.actionKey === action.key || marksDone(entry));

/** Earlier due first; the key breaks ties so the order never depends on input order. */
export const byDueAtThenKey = (a: DraftedAction, b: DraftedAction): number =>
  a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
