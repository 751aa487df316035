/** All the KPIs of DESIGN.md §6 from the register, the policy and `now`, in one pure call. */
import { governingRecord } from '../decision-governing-record';
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';
import { toInstant } from '../utc-days';
import { approvalTime } from './approval-time';
import { assetsExcepted } from './assets-excepted';
import { controlsCoverage } from './controls-coverage';
import { monthsOf, resolveKpiPeriod, type KpiOptions } from './kpi-period';
import { openEndedCount } from './open-ended';
import { overdueShare } from './overdue-share';
import { patternTracking } from './pattern-tracking';
import type { KpiReport } from './report-schema';
import { targetsOf } from './targets';
import { volumeByMonth } from './volume';
import { withinSla } from './within-sla';

/**
 * The KPI report for the period of `options` (default: the 12 months ending with the month of `now`, UTC).
 * Volume, approval time, within-SLA and the patterns are about the period; overdue, coverage, assets excepted and
 * open-ended describe the register as it stands at `now`. Throws a KpiOptionsError when the options are unusable.
 */
export const computeKpis = (
  records: readonly ExceptionRecord[],
  policy: Policy,
  now: string,
  options: KpiOptions = {},
): KpiReport => {
  // Counted as decided: edits since the last decision do not count until someone decides again (DESIGN.md §3).
  const exceptions = records.map(governingRecord);
  const period = resolveKpiPeriod(now, options);
  const { approvalHours, autoApproved } = approvalTime(exceptions, period);
  const assets = assetsExcepted(exceptions, policy);
  const overdue = overdueShare(exceptions, now);
  const openEnded = openEndedCount(exceptions);
  const { topTypes, topAssets, trend } = patternTracking(exceptions, period);
  return {
    generatedAt: toInstant(Date.parse(now)),
    period: { from: period.from, to: period.to, months: monthsOf(period).length },
    volumeByMonth: volumeByMonth(exceptions, period),
    approvalHours,
    autoApproved,
    overdueShare: overdue,
    controlsCoverage: controlsCoverage(exceptions),
    assetsExcepted: assets,
    withinSla: withinSla(exceptions, policy, period),
    openEnded,
    topTypes,
    topAssets,
    trend,
    targets: targetsOf({ assetsExcepted: assets, approvalHours, overdueShare: overdue, openEnded }, policy),
  };
};
