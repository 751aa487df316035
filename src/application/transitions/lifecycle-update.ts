/**
 * Appending a fact to an exception's lifecycle property and recomputing when the sweep must next look at it
 * (DESIGN.md §5). Pure: the callers read the issue and write the result (lifecycle/update-lifecycle.ts).
 */
import type { Policy } from '../../domain/policy-schema';
import { nextActionAt } from '../../domain/planner';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import { PERIOD_ACTIONS } from '../../domain/vocabulary';
import type { LifecycleProperty } from '../lifecycle-property';

/**
 * The lifecycle with `entry` appended. `record` is the exception as it is now (status after the transition); its
 * own history is replaced by the new one for planning. A decision that opens a period records its policy version.
 * What was archived stays counted.
 */
export const withHistoryEntry = (
  lifecycle: LifecycleProperty,
  entry: HistoryEntry,
  record: ExceptionRecord,
  policy: Policy,
  now: string,
): LifecycleProperty => {
  const history = [...lifecycle.history, entry];
  return {
    version: 1,
    history,
    nextActionAt: nextActionAt({ ...record, history }, policy, now),
    policyVersion: PERIOD_ACTIONS.includes(entry.action) ? policy.version : lifecycle.policyVersion,
    ...(lifecycle.archived === undefined ? {} : { archived: lifecycle.archived }),
  };
};
