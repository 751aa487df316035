/**
 * Calendar arithmetic in UTC on whole days. Dates in the register are `YYYY-MM-DD` (UTC) and instants are ISO
 * date-times. date-fns' day helpers work in the machine's local zone, which would shift days on a machine east
 * or west of UTC, so whole-day arithmetic is done on epoch milliseconds here.
 */

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` date or an ISO instant. */
export const dayNumber = (isoDateOrInstant: string): number =>
  Math.floor(
    Date.parse(isoDateOrInstant.length === 10 ? `${isoDateOrInstant}T00:00:00Z` : isoDateOrInstant) /
      MS_PER_DAY,
  );

/** The `YYYY-MM-DD` (UTC) of a day number. */
export const dayToDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The instant 00:00 UTC of a day number, as an ISO string with a `Z` suffix and no milliseconds. */
export const dayToInstant = (day: number): string => `${dayToDate(day)}T00:00:00Z`;

/** `YYYY-MM-DD` (UTC) of an ISO instant. */
export const dateOf = (isoInstant: string): string =>
  new Date(Date.parse(isoInstant)).toISOString().slice(0, 10);

/** `YYYY-MM` (UTC) of an ISO instant or date. */
export const monthOf = (isoDateOrInstant: string): string =>
  dayToDate(dayNumber(isoDateOrInstant)).slice(0, 7);

/** Whole hours (fractional) between two instants. */
export const hoursBetween = (fromIso: string, toIso: string): number =>
  (Date.parse(toIso) - Date.parse(fromIso)) / MS_PER_HOUR;

/** Formats an instant as ISO-8601 UTC without milliseconds, the register's style. */
export const toInstant = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every `YYYY-MM` from `from` to `to` inclusive; empty when `from` is after `to`. */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
};

/** The `YYYY-MM` that is `delta` months after `month`. */
export const addMonths = (month: string, delta: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};
