/**
 * Stage 3 of the KPI calculation (DESIGN.md §6): the report from a summary (kpi-summary.ts), the policy and `now`.
 * The one code path of the `kpi` command and the gadget: computeKpis summarizes the records and calls this.
 * Volume, approval time, within-SLA and the patterns are about the period; overdue, coverage, assets excepted and
 * open-ended describe the register as it stands.
 */
import type { Policy } from '../policy-schema';
import { dateOf, toInstant } from '../utc-days';
import { URGENCIES } from '../vocabulary';
import { monthsOf, resolveKpiPeriod, type KpiOptions } from './kpi-period';
import type { KpiSummary } from './kpi-summary';
import { TOP_LIST_LENGTH, type NamedCount } from './pattern-tracking';
import type { KpiReport } from './report-schema';
import { mean, median, p90, share } from './stats';
import { targetsOf } from './targets';

const ascending = (a: number, b: number): number => a - b;
// Code-unit order rather than localeCompare: the same register gives the same list on every machine.
const byCountThenName = (a: NamedCount, b: NamedCount): number =>
  b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Name → count per month, as Maps: asset names are free text and must never meet an object's prototype. */
type MonthlyCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

const monthlyOf = (
  byMonth: Readonly<
    Record<string, Readonly<Record<string, number | undefined>> | readonly (readonly [string, number])[]>
  >,
): MonthlyCounts =>
  new Map(
    Object.entries(byMonth).map(([month, counts]) => [
      month,
      new Map(
        (Array.isArray(counts) ? counts : Object.entries(counts)).flatMap(([name, count]) =>
          count === undefined ? [] : [[name, count] as const],
        ),
      ),
    ]),
  );

const topAndTrend = (
  byMonth: MonthlyCounts,
  months: readonly string[],
): { top: NamedCount[]; trend: Record<string, Record<string, number>> } => {
  const totals = new Map<string, number>();
  for (const month of months) {
    for (const [name, count] of byMonth.get(month) ?? []) totals.set(name, (totals.get(name) ?? 0) + count);
  }
  const top = [...totals]
    .map(([name, count]) => ({ name, count }))
    .sort(byCountThenName)
    .slice(0, TOP_LIST_LENGTH);
  const trend = Object.fromEntries(
    top.map(({ name }) => [
      name,
      Object.fromEntries(months.map((month) => [month, byMonth.get(month)?.get(name) ?? 0])),
    ]),
  );
  return { top, trend };
};

/** Throws a KpiOptionsError when the options are unusable (kpi-period.ts). */
export const kpiReportFromSummary = (
  summary: KpiSummary,
  policy: Policy,
  now: string,
  options: KpiOptions = {},
): KpiReport => {
  const period = resolveKpiPeriod(now, options);
  const months = monthsOf(period);

  // One sorted list of the period's values: the mean is summed in ascending order, so neither the order of the
  // records nor the order summaries were merged in can change its last bit.
  const hours = months.flatMap((month) => own(summary.approvalHours, month) ?? []).sort(ascending);
  const approvalHours = { mean: mean(hours), median: median(hours), p90: p90(hours), count: hours.length };
  const autoApproved = months.reduce((sum, month) => sum + (own(summary.autoApproved, month) ?? 0), 0);

  let decided = 0;
  let onTime = 0;
  for (const month of months) {
    const lists = own(summary.decisionHours, month) ?? {};
    for (const urgency of URGENCIES) {
      const list = lists[urgency] ?? [];
      decided += list.length;
      onTime += list.filter((value) => value <= policy.decisionSlaHours[urgency]).length;
    }
  }

  const today = dateOf(now);
  const overdue = Object.entries(summary.openByExpiry)
    .filter(([date]) => date < today)
    .reduce((sum, [, count]) => sum + count, 0);
  const overdueShare = share(overdue, summary.open);

  const assetCount = summary.inForceAssets.length;
  const inventory = policy.kpi.assetInventorySize;
  // An inventory smaller than the assets already named is out of date: they are a lower bound (assets-excepted.ts).
  const assetsExcepted =
    inventory === null ? share(assetCount, 0) : share(assetCount, Math.max(inventory, assetCount));

  const types = topAndTrend(monthlyOf(summary.createdByType), months);
  const assets = topAndTrend(monthlyOf(summary.createdByAsset), months);
  const openEnded = summary.inForceOpenEnded;
  return {
    generatedAt: toInstant(Date.parse(now)),
    period: { from: period.from, to: period.to, months: months.length },
    volumeByMonth: Object.fromEntries(months.map((month) => [month, own(summary.created, month) ?? 0])),
    approvalHours,
    autoApproved,
    overdueShare,
    controlsCoverage: share(summary.inForceWithControls, summary.inForce),
    assetsExcepted,
    withinSla: share(onTime, decided),
    openEnded,
    topTypes: types.top,
    topAssets: assets.top,
    trend: { types: types.trend, assets: assets.trend },
    targets: targetsOf({ assetsExcepted, approvalHours, overdueShare, openEnded }, policy),
  };
};
