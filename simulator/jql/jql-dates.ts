import { JqlError } from './jql-error';

const ABSOLUTE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const PERIOD_PART = /^(\d+)([wdhm])$/;
const UNIT_MS: Readonly<Record<string, number>> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
};

/**
 * A JQL date value → epoch ms. Accepted: 'yyyy-MM-dd', 'yyyy/MM/dd' (optionally ' HH:mm'), ISO instants (as
 * entity-property dates are written), and periods relative to now ('-5d', '4w 2d'). Times are read as UTC:
 * the simulator's users all have the UTC time zone.
 */
export const parseJqlDate = (text: string, fieldName: string, now: Date): number => {
  const absolute = ABSOLUTE.exec(text);
  if (absolute !== null) {
    const [, year, month, day, hour, minute] = absolute;
    const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
    if (!Number.isNaN(ms)) return ms;
  }
  if (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
  const trimmed = text.trim();
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const parts = trimmed.replace(/^[-+]/, '').split(/\s+/);
  let offset = 0;
  const valid =
    parts.length > 0 &&
    parts.every((part) => {
      const match = PERIOD_PART.exec(part);
      if (match === null) return false;
      offset += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
      return true;
    });
  if (valid) return now.getTime() + sign * offset;
  throw new JqlError(
    `Date value '${text}' for field '${fieldName}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
      `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
};

/**
 * The date formats the jira:entityProperty page lists for indexed `date` values: `[YYYY]-[MM]-[DD]` and
 * `[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]`, [TZ] being `Z` or `+/-[hh]:[mm]` (forge-docs-snapshot
 * mirror/manifest-reference/modules/jira-entity-property). No fractions of a second, no other separators.
 */
const DOCUMENTED_PROPERTY_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;

/** Epoch ms of a value in a documented entity-property date format, else undefined. */
export const documentedPropertyDate = (text: string): number | undefined => {
  if (!DOCUMENTED_PROPERTY_DATE.test(text)) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? undefined : ms;
};

/** A JQL value for an indexed property date: only the documented formats; anything else is refused. */
export const parsePropertyJqlDate = (text: string, fieldName: string): number => {
  const ms = documentedPropertyDate(text);
  if (ms !== undefined) return ms;
  throw new JqlError(
    `Date value '${text}' for field '${fieldName}' is invalid. Valid formats include: ` +
      `'yyyy-MM-dd' and 'yyyy-MM-ddTHH:mm:ss' followed by 'Z' or an offset such as '+02:00'.`,
  );
};
