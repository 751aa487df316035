/**
 * Dates and instants as the viewer reads them: their locale's words (Intl.DateTimeFormat), but the UTC calendar,
 * because the app's dates are UTC days (DESIGN.md §5) and a viewer west of Greenwich would otherwise see an expiry
 * one day early. Instants say "UTC" so nobody mistakes the time for their own.
 */
const dateFormat = (locale: string | undefined) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-06-01` → "1 Jun 2026" (en-GB). */
export const formatUtcDate = (isoDate: string, locale: string | undefined): string =>
  dateFormat(locale).format(new Date(`${isoDate}T00:00:00Z`));

/** `2026-06-01T00:00:00Z` → "1 Jun 2026, 00:00 UTC" (en-GB). */
export const formatUtcInstant = (instant: string, locale: string | undefined): string =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(instant))} UTC`;
