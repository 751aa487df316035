/** The decisions the KPIs measure, read from an exception's history (entries taken in time order). */
import { chronological } from '../period';
import type { ExceptionRecord, HistoryEntry } from '../register-schema';
import type { HistoryAction } from '../vocabulary';

const firstOf = (exception: ExceptionRecord, actions: readonly HistoryAction[]): HistoryEntry | null =>
  chronological(exception.history).find((entry) => actions.includes(entry.action)) ?? null;

/**
 * How the exception was first approved: by a person (`approved`) or by the app (`auto-approved`), whichever came
 * first; null if it never was. An exception auto-approved before any human approval counts as auto-approved.
 */
export const firstApprovalOf = (exception: ExceptionRecord): HistoryEntry | null =>
  firstOf(exception, ['approved', 'auto-approved']);

/** The first decision on the exception: approved, auto-approved or rejected; null while undecided. */
export const firstDecisionOf = (exception: ExceptionRecord): HistoryEntry | null =>
  firstOf(exception, ['approved', 'auto-approved', 'rejected']);
