/**
 * Readers for field values in the REST v3 "Get issue" format (which is also the format of a validator's
 * `modifiedFields`, FORGE_NOTES §1). Jira adds members freely and a cleared field may be null or absent, so each
 * reader takes `unknown` and answers a plain value or "nothing"; what "nothing" means is the mapper's business.
 */
import { toInstant } from '../../domain/utc-days';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A select option `{value, id}` (or, defensively, a bare string) → its value. */
export const optionValue = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.value === 'string') return value.value;
  return null;
};

/** Checkboxes / multi-select: the values of the ticked options; a cleared field (null) has none. */
export const optionValues = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(optionValue).filter((option): option is string => option !== null) : [];

export interface UserValue {
  readonly accountId: string;
  readonly displayName: string;
  /** Absent in modifiedFields, where user fields carry only `{accountId}`. */
  readonly active?: boolean;
}

/** A user field: full UserDetails from a REST read, `{accountId}` only in modifiedFields. */
export const userValue = (value: unknown): UserValue | null => {
  if (!isRecord(value) || typeof value.accountId !== 'string' || value.accountId === '') return null;
  return {
    accountId: value.accountId,
    displayName: typeof value.displayName === 'string' ? value.displayName : '',
    ...(typeof value.active === 'boolean' ? { active: value.active } : {}),
  };
};

/** Labels: a list of strings; cleared arrays arrive as null. */
export const stringValues = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];

/** A date picker's `YYYY-MM-DD`. */
export const dateValue = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;

/** Jira's instants (`2026-11-20T10:00:00.000+0000`, no colon in the offset) as ISO-8601 UTC without millis. */
export const instantValue = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const epochMs = Date.parse(value);
  return Number.isNaN(epochMs) ? null : toInstant(epochMs);
};

/** The `id` of an object value such as `status`, `issuetype` or `project`. */
export const idOf = (value: unknown): string | null =>
  isRecord(value) && typeof value.id === 'string' ? value.id : null;

/** The `name` of an object value such as `status`. */
export const nameOf = (value: unknown): string | null =>
  isRecord(value) && typeof value.name === 'string' ? value.name : null;
