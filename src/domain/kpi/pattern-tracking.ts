/**
 * Pattern tracking (DESIGN.md §6): which exception types and assets keep needing exceptions. Counts are over the
 * exceptions created in the period; the trend is the monthly series of each name in the top lists.
 */
import type { ExceptionRecord } from '../register-schema';
import { monthOf } from '../utc-days';
import type { KpiPeriod } from './kpi-period';
import { createdInPeriod, zeroByMonth } from './volume';

export const TOP_LIST_LENGTH = 10;

export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

export interface PatternTracking {
  readonly topTypes: NamedCount[];
  readonly topAssets: NamedCount[];
  readonly trend: {
    readonly types: Record<string, Record<string, number>>;
    readonly assets: Record<string, Record<string, number>>;
  };
}

/** The names an exception is counted under; an asset listed twice on one exception counts once. */
type NamesOf = (exception: ExceptionRecord) => readonly string[];

const typeNames: NamesOf = (exception) => [exception.type];
const assetNames: NamesOf = (exception) => [...new Set(exception.affectedAssets)];

// Code-unit order rather than localeCompare: the same register gives the same list on every machine.
const byCountThenName = (a: NamedCount, b: NamedCount): number =>
  b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const topOf = (exceptions: readonly ExceptionRecord[], namesOf: NamesOf): NamedCount[] => {
  const counts = new Map<string, number>();
  for (const name of exceptions.flatMap(namesOf)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort(byCountThenName)
    .slice(0, TOP_LIST_LENGTH);
};

const trendOf = (
  exceptions: readonly ExceptionRecord[],
  top: readonly NamedCount[],
  namesOf: NamesOf,
  period: KpiPeriod,
): Record<string, Record<string, number>> => {
  const series = new Map(top.map(({ name }) => [name, zeroByMonth(period)]));
  for (const exception of exceptions) {
    const month = monthOf(exception.createdAt);
    for (const name of namesOf(exception)) {
      const monthly = series.get(name);
      if (monthly !== undefined) monthly[month] = (monthly[month] ?? 0) + 1;
    }
  }
  return Object.fromEntries(series);
};

export const patternTracking = (
  exceptions: readonly ExceptionRecord[],
  period: KpiPeriod,
): PatternTracking => {
  const created = createdInPeriod(exceptions, period);
  const topTypes = topOf(created, typeNames);
  const topAssets = topOf(created, assetNames);
  return {
    topTypes,
    topAssets,
    trend: {
      types: trendOf(created, topTypes, typeNames, period),
      assets: trendOf(created, topAssets, assetNames, period),
    },
  };
};
