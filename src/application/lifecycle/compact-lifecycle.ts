/**
 * Keeps the lifecycle property under Jira's 32 KB issue-property limit however long an exception lives
 * (ISSUE 6 B7), without losing an entry and without changing what the planner and the policy rules compute.
 *
 * What the property must keep, because something computes from it:
 * - every period entry (approved / auto-approved / recertified): periods, cumulative days, recertification count,
 *   the n-th recertification of the chronic rule; the current one whole (its justification digest);
 * - `submitted`, the first decision, closing entries, `escalated` and `sla-breached` (KPIs, export, "done" marks);
 * - every entry of the current period (its reminders and their action keys) and the latest entry (a redelivered
 *   post function is recognised by it).
 * Anything else moves to the archive, oldest first, until the property fits; then older period entries are
 * slimmed to the members the planner reads (the whole entry goes to the archive). Pure: the caller writes both.
 */
import { chronological } from '../../domain/period';
import type { HistoryEntry } from '../../domain/register-schema';
import { PERIOD_ACTIONS, type HistoryAction } from '../../domain/vocabulary';
import type { LifecycleProperty } from '../lifecycle-property';

/** Jira's limit is 32 768 bytes; the rest is headroom for the entry the next writer appends before compacting. */
export const LIFECYCLE_BUDGET_BYTES = 28 * 1024;

const ALWAYS_KEPT: readonly HistoryAction[] = [
  'submitted',
  'escalated',
  'sla-breached',
  'rejected',
  'reverted',
  'retired',
];
const DECISIONS: readonly HistoryAction[] = ['approved', 'auto-approved', 'rejected'];

export interface Compaction {
  readonly lifecycle: LifecycleProperty;
  /** Whole entries to append to the archive, oldest first; empty when the property already fits. */
  readonly archived: readonly HistoryEntry[];
}

export const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

const isPeriodEntry = (entry: HistoryEntry): boolean => PERIOD_ACTIONS.includes(entry.action);

/**
 * The members of an older period entry the planner and the rules read: when it started and ended. Who decided,
 * on which policy version, with what note and checklist stays in the archive's whole copy.
 */
const slim = (entry: HistoryEntry): HistoryEntry => ({
  at: entry.at,
  action: entry.action,
  by: null,
  ...(entry.periodStart === undefined ? {} : { periodStart: entry.periodStart }),
  ...(entry.periodEnd === undefined ? {} : { periodEnd: entry.periodEnd }),
});

interface Slot {
  entry: HistoryEntry;
  /** Stays in the property (perhaps slimmed). */
  readonly pinned: boolean;
  /** A period entry that is not the current one: may be slimmed. */
  readonly slimmable: boolean;
  removed: boolean;
  /** The whole entry is in `archived` already (it was slimmed). */
  archivedWhole: boolean;
}

const slotsOf = (history: readonly HistoryEntry[]): Slot[] => {
  const ordered = chronological(history);
  const current = ordered.filter(isPeriodEntry).at(-1);
  const currentFrom = current === undefined ? Number.POSITIVE_INFINITY : Date.parse(current.at);
  const firstDecision = ordered.find((entry) => DECISIONS.includes(entry.action));
  const latest = ordered.at(-1);
  return ordered.map((entry) => {
    const inCurrentPeriod = Date.parse(entry.at) >= currentFrom;
    const pinned =
      isPeriodEntry(entry) ||
      ALWAYS_KEPT.includes(entry.action) ||
      entry === firstDecision ||
      entry === latest ||
      inCurrentPeriod;
    return {
      entry,
      pinned,
      slimmable: isPeriodEntry(entry) && entry !== current && entry !== firstDecision,
      removed: false,
      archivedWhole: false,
    };
  });
};

export const compactLifecycle = (
  lifecycle: LifecycleProperty,
  budgetBytes: number = LIFECYCLE_BUDGET_BYTES,
): Compaction => {
  if (jsonBytes(lifecycle) <= budgetBytes) return { lifecycle, archived: [] };
  const slots = slotsOf(lifecycle.history);
  const archived: HistoryEntry[] = [];
  // Bytes are counted as entries go (each entry and its comma), not by re-serialising hundreds of entries each
  // time; the envelope is counted with room for any archive count.
  const envelope = jsonBytes({
    ...lifecycle,
    history: [],
    archived: { entries: Number.MAX_SAFE_INTEGER, pages: Number.MAX_SAFE_INTEGER },
  });
  let bytes = envelope + slots.reduce((total, slot) => total + jsonBytes(slot.entry) + 1, 0);
  const fits = () => bytes <= budgetBytes;
  const remove = (slot: Slot) => {
    slot.removed = true;
    bytes -= jsonBytes(slot.entry) + 1;
  };
  for (const slot of slots) {
    if (fits()) break;
    if (slot.pinned) continue;
    remove(slot);
    archived.push(slot.entry);
  }
  for (const slot of slots) {
    if (fits()) break;
    if (!slot.slimmable) continue;
    const whole = slot.entry;
    const slimmed = slim(whole);
    if (jsonBytes(slimmed) >= jsonBytes(whole)) continue;
    bytes -= jsonBytes(whole) - jsonBytes(slimmed);
    slot.entry = slimmed;
    slot.archivedWhole = true;
    archived.push(whole);
  }
  // Beyond this (some 250 approval periods) the oldest slimmed periods move too: the property must fit.
  for (const slot of slots) {
    if (fits()) break;
    if (!slot.slimmable || slot.removed) continue;
    remove(slot);
    if (!slot.archivedWhole) archived.push(slot.entry);
  }
  return {
    lifecycle: {
      ...lifecycle,
      history: slots.filter((slot) => !slot.removed).map((slot) => slot.entry),
      archived: {
        entries: (lifecycle.archived?.entries ?? 0) + archived.length,
        pages: lifecycle.archived?.pages ?? 0,
      },
    },
    archived: chronological(archived),
  };
};
