/**
 * What the scanners may suppress right now (DESIGN.md §11): each finding of each exception in force (Approved or
 * Recertification) whose current period has not ended, as its last decision covers it (governingRecord: findings
 * added since do not widen it). The statement names the exception's key, summary and risk owner and nothing else:
 * ignore files live in repositories and CI logs, outside Jira.
 */
import { canonicalText } from '../decision-fields';
import { governingRecord } from '../decision-governing-record';
import type { Finding } from '../findings/finding';
import { currentPeriod } from '../period';
import type { ExceptionRecord } from '../register-schema';
import { dayNumber, dayToDate } from '../utc-days';
import { isInForce } from '../vocabulary';

/** Characters of the summary carried into a statement; a Jira summary is at most 255. */
export const STATEMENT_SUMMARY_LENGTH = 255;

export interface Suppression {
  readonly key: string;
  readonly findings: readonly Finding[];
  /** `SEC-12: <summary> (risk owner: <name>)`. */
  readonly statement: string;
  /** The first day (UTC, YYYY-MM-DD) the exception is no longer in force: the day after its period's end. */
  readonly until: string;
  /** When the decision that opened the current period was made (ISO instant). */
  readonly decidedAt: string;
}

/** The statement every format carries: key, summary and risk owner, in one bounded line. */
export const statementOf = (record: Pick<ExceptionRecord, 'key' | 'summary' | 'riskOwner'>): string => {
  const summary = Array.from(canonicalText(record.summary));
  const shortened =
    summary.length > STATEMENT_SUMMARY_LENGTH
      ? `${summary.slice(0, STATEMENT_SUMMARY_LENGTH).join('')}…`
      : summary.join('');
  const owner = canonicalText(record.riskOwner?.displayName ?? '');
  return `${record.key}: ${shortened} (risk owner: ${owner === '' ? 'unknown' : owner})`;
};

const inProject = (key: string, projectKey: string | undefined): boolean =>
  projectKey === undefined || key.startsWith(`${projectKey}-`);

/** The suppressions in force at `now` (ISO instant), by key, for one project or all. */
export const suppressionsInForce = (
  records: readonly ExceptionRecord[],
  now: string,
  projectKey?: string,
): Suppression[] => {
  const today = dayNumber(now);
  const suppressions: Suppression[] = [];
  for (const record of records) {
    if (!isInForce(record.status) || !inProject(record.key, projectKey)) continue;
    const period = currentPeriod(record.history);
    if (period === null || today < period.startDay || today > period.endDay) continue;
    const governed = governingRecord(record);
    const findings = governed.findings ?? [];
    if (findings.length === 0) continue;
    suppressions.push({
      key: record.key,
      findings,
      statement: statementOf(governed),
      until: dayToDate(period.endDay + 1),
      decidedAt: period.entry.at,
    });
  }
  return suppressions.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
};
