/**
 * Approval periods (DESIGN.md §5): each `approved`, `auto-approved` or `recertified` history entry opens a period
 * from its `periodStart` to its `periodEnd` (the expiration date). An exception is valid through its expiration
 * date, inclusive, so a period's length counts both ends: 2026-09-02 → 2026-12-01 is 91 days, which puts the
 * 75 % reminder of the register example on 2026-11-09 (02 Sep + ⌊0.75 × 91⌋ = 68 days).
 */
import type { HistoryEntry } from './register-schema';
import { dayNumber } from './utc-days';
import { PERIOD_ACTIONS } from './vocabulary';

export interface Period {
  /** Day number (days since 1970-01-01 UTC) of the first day in force. */
  readonly startDay: number;
  /** Day number of the last day in force (the expiration date). */
  readonly endDay: number;
  /** Whole days in force, both ends included. */
  readonly lengthDays: number;
  /** The history entry that opened it. */
  readonly entry: HistoryEntry;
}

const periodOf = (entry: HistoryEntry): Period | null => {
  if (entry.periodStart === undefined || entry.periodEnd === undefined) return null;
  const startDay = dayNumber(entry.periodStart);
  const endDay = dayNumber(entry.periodEnd);
  return { startDay, endDay, lengthDays: endDay - startDay + 1, entry };
};

/** Entries in time order; entries with the same instant keep their order in the file. */
export const chronological = (history: readonly HistoryEntry[]): HistoryEntry[] =>
  history
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);

/** Every approval period in time order. */
export const periodsOf = (history: readonly HistoryEntry[]): Period[] =>
  chronological(history)
    .filter((entry) => PERIOD_ACTIONS.includes(entry.action))
    .map(periodOf)
    .filter((period): period is Period => period !== null);

/** The current period: the one opened by the latest approval or recertification, or null if never approved. */
export const currentPeriod = (history: readonly HistoryEntry[]): Period | null =>
  periodsOf(history).at(-1) ?? null;

/** Number of distinct days covered by the given inclusive day ranges (overlaps counted once). */
export const unionDays = (ranges: readonly { startDay: number; endDay: number }[]): number => {
  const sorted = ranges
    .filter((range) => range.endDay >= range.startDay)
    .sort((a, b) => a.startDay - b.startDay);
  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const { startDay, endDay } of sorted) {
    const from = Math.max(startDay, coveredUntil + 1);
    if (endDay >= from) {
      total += endDay - from + 1;
      coveredUntil = endDay;
    }
  }
  return total;
};

/** Days in force so far: the union of the approval periods, counted up to and including today (UTC). */
export const daysInForce = (history: readonly HistoryEntry[], now: string): number => {
  const today = dayNumber(now);
  return unionDays(
    periodsOf(history).map((period) => ({
      startDay: period.startDay,
      endDay: Math.min(period.endDay, today),
    })),
  );
};

/** Days granted in total by every approval period, plus an optional proposed one (for the cumulative cap). */
export const grantedDays = (
  history: readonly HistoryEntry[],
  proposed?: { startDay: number; endDay: number },
): number => unionDays([...periodsOf(history), ...(proposed === undefined ? [] : [proposed])]);

/** Number of recertifications so far. */
export const recertificationCount = (history: readonly HistoryEntry[]): number =>
  history.filter((entry) => entry.action === 'recertified').length;
