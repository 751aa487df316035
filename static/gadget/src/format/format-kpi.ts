/**
 * How the gadget writes its numbers. A share with an empty denominator is "No data", never 0 % (DESIGN.md §6).
 * Fixed formats (not the viewer's locale) so a number reads the same on every dashboard and in the tests.
 */
import type { KpiShare } from '../api/get-kpis';

export const NO_DATA = 'No data';

/** At most one decimal, without a trailing ".0". */
const oneDecimal = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
};

export const formatPercent = (fraction: number): string => `${oneDecimal(fraction * 100)}%`;

export const formatShare = (share: KpiShare): string =>
  share.value === null ? NO_DATA : formatPercent(share.value);

export const formatHours = (hours: number | null): string =>
  hours === null ? NO_DATA : `${oneDecimal(hours)} h`;

export const formatCount = (count: number): string => count.toLocaleString('en-US');

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11" → "Nov 2026". */
export const formatMonth = (month: string): string => {
  const [year, monthNumber] = month.split('-');
  return `${MONTH_NAMES[Number(monthNumber) - 1] ?? month} ${year ?? ''}`.trim();
};

/** "2026-11" → "Nov" (chart axis). */
export const formatMonthShort = (month: string): string =>
  MONTH_NAMES[Number(month.split('-')[1]) - 1] ?? month;

/** An instant as the viewer reads it: "29 Nov 2026, 23:06 UTC" (UTC, as the KPIs are counted). */
export const formatInstant = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.getUTCDate())} ${MONTH_NAMES[date.getUTCMonth()] ?? ''} ${String(date.getUTCFullYear())}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
};
