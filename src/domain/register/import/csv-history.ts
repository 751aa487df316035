/**
 * The history a CSV row carries, read back from the export's own wording (export-rows.ts): the Decisions,
 * Recertifications and Reminders Sent columns, entries separated by " | ". Actors are written by display name for
 * the requester and the risk owner, as "the app" for the app, else by account id; they are read back the same way.
 * A note holding " | " cannot be told from two entries: the export's CSV is for reading, the JSON is the lossless
 * register.
 */
import type { HistoryEntry } from '../../register-schema';
import { RECERTIFICATION_CHECKS } from '../../vocabulary';

type EntryInput = Omit<HistoryEntry, 'by'> & { by: string | null };

const DECISION =
  /^(approved|auto-approved|rejected|reverted|retired|escalated|recertified) (\S+) by (.+?)(?:, period (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}))?(?:, policy v(\d+))?(?:, ([\s\S]*))?$/;
const CHECKLIST = /^([\s\S]*) \[([^[\]]*)\]$/;
const REMINDER = /^(75%|14d) (\S+)$/;

export type HistoryRead =
  { readonly ok: true; readonly entries: EntryInput[] } | { readonly ok: false; readonly problem: string };

const parts = (text: string): string[] =>
  text
    .split(' | ')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const checklistOf = (text: string): HistoryEntry['checklist'] | undefined => {
  if (text === 'checklist not recorded') return undefined;
  const answers = new Map(
    text.split('; ').map((answer) => {
      const at = answer.lastIndexOf(': ');
      return [answer.slice(0, at), answer.slice(at + 2)] as const;
    }),
  );
  return Object.fromEntries(
    RECERTIFICATION_CHECKS.map((check) => [check, answers.get(check) === 'yes']),
  ) as HistoryEntry['checklist'];
};

/** Entries of a Decisions or Recertifications cell; `actorOf` turns a written actor back into an account id. */
export const readDecisions = (text: string, actorOf: (written: string) => string | null): HistoryRead => {
  const entries: EntryInput[] = [];
  for (const [index, part] of parts(text).entries()) {
    const checklist = CHECKLIST.exec(part);
    const decision = DECISION.exec(checklist === null ? part : (checklist[1] ?? ''));
    if (decision === null)
      return {
        ok: false,
        problem: `entry ${String(index + 1)} is not written as the export writes one, e.g. "approved 2026-09-02T16:00:00Z by Bo, period 2026-09-02 to 2026-12-01, policy v3"`,
      };
    const [, action = '', at = '', actor = '', periodStart, periodEnd, version, note] = decision;
    const checks = checklist === null ? undefined : checklistOf(checklist[2] ?? '');
    entries.push({
      at,
      action: action as HistoryEntry['action'],
      by: actorOf(actor),
      ...(periodStart === undefined ? {} : { periodStart }),
      ...(periodEnd === undefined ? {} : { periodEnd }),
      ...(version === undefined ? {} : { policyVersion: Number(version) }),
      ...(note === undefined ? {} : { note }),
      ...(checks === undefined ? {} : { checklist: checks }),
    });
  }
  return { ok: true, entries };
};

/** Entries of a Reminders Sent cell: "75% 2026-11-09T00:00:00Z | 14d …". */
export const readReminders = (text: string): HistoryRead => {
  const entries: EntryInput[] = [];
  for (const [index, part] of parts(text).entries()) {
    const reminder = REMINDER.exec(part);
    if (reminder === null)
      return {
        ok: false,
        problem: `entry ${String(index + 1)} is not written "75%" or "14d" and a date-time, e.g. "75% 2026-11-09T00:00:00Z"`,
      };
    entries.push({
      at: reminder[2] ?? '',
      action: 'reminded',
      by: null,
      reminder: reminder[1] as '75%' | '14d',
    });
  }
  return { ok: true, entries };
};
