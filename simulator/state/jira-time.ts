/** Timestamps are kept as ISO instants (toISOString) and rendered the way Jira Cloud does: 2026-11-21T09:00:00.000+0000. */
export const toJiraDateTime = (isoInstant: string): string => isoInstant.replace(/Z$/, '+0000');

/** Normalises any instant Date.parse accepts to toISOString form; throws on garbage so seeds fail loudly. */
export const toIsoInstant = (value: string | Date): string => {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`not a date-time: ${String(value)}`);
  return date.toISOString();
};
