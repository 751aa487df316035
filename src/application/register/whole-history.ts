/**
 * An exception's whole audit trail: the lifecycle property's entries with the archived ones put back
 * (lifecycle-archive.ts). Compaction (lifecycle/compact-lifecycle.ts) moves whole entries to the archive, and may
 * leave a slimmed copy of an older period entry in the property (its `at`, `action`, period and `by: null`) while
 * the whole entry is archived: the whole one is kept and the slimmed copy dropped, so no entry appears twice.
 */
import { chronological } from '../../domain/period';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import { readArchive } from '../lifecycle/lifecycle-archive';
import type { Archived } from '../lifecycle-property';
import type { IssuesPort } from '../ports/jira-port';

const SLIM_MEMBERS = new Set(['at', 'action', 'by', 'periodStart', 'periodEnd']);

const isSlimCopyOf = (entry: HistoryEntry, whole: HistoryEntry): boolean =>
  entry.by === null &&
  Object.keys(entry).every((member) => SLIM_MEMBERS.has(member)) &&
  entry.at === whole.at &&
  entry.action === whole.action &&
  entry.periodStart === whole.periodStart &&
  entry.periodEnd === whole.periodEnd;

/** `kept` and `archived` as one chronological history: exact repeats once, slimmed copies of archived entries not. */
export const mergeHistory = (
  kept: readonly HistoryEntry[],
  archived: readonly HistoryEntry[],
): HistoryEntry[] => {
  const seen = new Set<string>();
  const merged: HistoryEntry[] = [];
  for (const entry of [...archived, ...kept]) {
    const text = JSON.stringify(entry);
    if (seen.has(text)) continue;
    if (kept.includes(entry) && archived.some((whole) => whole !== entry && isSlimCopyOf(entry, whole)))
      continue;
    seen.add(text);
    merged.push(entry);
  }
  return chronological(merged);
};

/** The exceptions with their archived lifecycle entries read back (as `jira`'s identity) and merged in. */
export const withArchivedHistory = async (
  jira: IssuesPort,
  exceptions: readonly ExceptionRecord[],
  archivePages: ReadonlyMap<string, Archived>,
): Promise<ExceptionRecord[]> => {
  const whole: ExceptionRecord[] = [];
  for (const exception of exceptions) {
    const archived = archivePages.get(exception.key);
    whole.push(
      archived === undefined
        ? exception
        : {
            ...exception,
            history: mergeHistory(exception.history, await readArchive(jira, exception.key, archived)),
          },
    );
  }
  return whole;
};
