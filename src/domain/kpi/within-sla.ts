/**
 * Within-SLA share (DESIGN.md §6): of the exceptions first decided (approved, auto-approved or rejected) in the
 * period, those decided no later than their urgency's SLA after creation. A missing urgency counts as Standard.
 */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';
import { hoursBetween } from '../utc-days';
import { firstDecisionOf } from './decisions';
import { happenedInPeriod, type KpiPeriod } from './kpi-period';
import { share, type Share } from './stats';

export const withinSla = (
  exceptions: readonly ExceptionRecord[],
  policy: Policy,
  period: KpiPeriod,
): Share => {
  let decided = 0;
  let onTime = 0;
  for (const exception of exceptions) {
    const decision = firstDecisionOf(exception);
    if (decision === null || !happenedInPeriod(decision.at, period)) continue;
    decided += 1;
    const slaHours = policy.decisionSlaHours[exception.urgency ?? 'Standard'];
    if (hoursBetween(exception.createdAt, decision.at) <= slaHours) onTime += 1;
  }
  return share(onTime, decided);
};
