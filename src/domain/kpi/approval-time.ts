/**
 * Approval time (DESIGN.md §6): hours from creation to the first `approved` entry, over the exceptions whose first
 * approval falls in the period. Auto-approved exceptions would pull the average towards zero without any person
 * deciding anything, so they are left out and counted on their own.
 */
import type { ExceptionRecord } from '../register-schema';
import { hoursBetween } from '../utc-days';
import { firstApprovalOf } from './decisions';
import { happenedInPeriod, type KpiPeriod } from './kpi-period';
import { mean, median, p90 } from './stats';

export interface ApprovalHours {
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly count: number;
}

export interface ApprovalTime {
  readonly approvalHours: ApprovalHours;
  /** Exceptions whose first approval, by the app, falls in the period. */
  readonly autoApproved: number;
}

export const approvalTime = (exceptions: readonly ExceptionRecord[], period: KpiPeriod): ApprovalTime => {
  const hours: number[] = [];
  let autoApproved = 0;
  for (const exception of exceptions) {
    const approval = firstApprovalOf(exception);
    if (approval === null || !happenedInPeriod(approval.at, period)) continue;
    if (approval.action === 'auto-approved') autoApproved += 1;
    else hours.push(hoursBetween(exception.createdAt, approval.at));
  }
  return {
    approvalHours: { mean: mean(hours), median: median(hours), p90: p90(hours), count: hours.length },
    autoApproved,
  };
};
