/**
 * The history entry a transition's post function records (DESIGN.md §3, §7): who did what when; for a decision
 * that opens a period, the period (from the decision date through the Expiration Date), the policy version and the
 * fingerprint of the justification it was made on; the checklist answers of a recertification; the comment that
 * gives a rejection's reason or says what a revert restores, as a bounded excerpt with the comment's id.
 */
import { decidedOn } from '../../domain/decision-snapshot';
import { justificationDigest } from '../../domain/justification-digest';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import { dateOf } from '../../domain/utc-days';
import { PERIOD_ACTIONS, RECERTIFICATION_CHECKS, type HistoryAction } from '../../domain/vocabulary';
import { commentExcerpt } from './comment-excerpt';

export interface TransitionFact {
  readonly action: HistoryAction;
  /** The acting person's account id; null for the app itself. */
  readonly by: string | null;
  readonly at: string;
  /** The post function's idempotency key (transition-key.ts), so a retried post function records it once. */
  readonly actionKey: string;
  /** The comment made on the transition, '' when none (or when it could not be read). */
  readonly comment: string;
  /** The id of that comment, when the event named one: the note points to it. */
  readonly commentId?: string;
}

/** A decision without an Expiration Date cannot open a period; the validator makes this unreachable. */
export class PeriodWithoutExpiryError extends Error {
  constructor(readonly action: HistoryAction) {
    super(`A "${action}" entry needs an Expiration Date to end its period, and the issue has none.`);
    this.name = 'PeriodWithoutExpiryError';
  }
}

const NOTE_ACTIONS: readonly HistoryAction[] = ['rejected', 'reverted'];

const noTicks = () =>
  Object.fromEntries(RECERTIFICATION_CHECKS.map((check) => [check, false])) as NonNullable<
    ExceptionRecord['recertificationChecklist']
  >;

export const historyEntryFor = (
  fact: TransitionFact,
  record: ExceptionRecord,
  policy: Policy,
): HistoryEntry => {
  const entry: HistoryEntry = { at: fact.at, action: fact.action, by: fact.by, actionKey: fact.actionKey };
  if (PERIOD_ACTIONS.includes(fact.action)) {
    if (record.expirationDate === null) throw new PeriodWithoutExpiryError(fact.action);
    entry.periodStart = dateOf(fact.at);
    entry.periodEnd = record.expirationDate;
    entry.policyVersion = policy.version;
    entry.justificationDigest = justificationDigest(record.justification);
    // What this decision covers (DESIGN.md §3): a later edit outside a transition is measured against it.
    entry.decidedOn = decidedOn(record);
  }
  if (fact.action === 'recertified') entry.checklist = record.recertificationChecklist ?? noTicks();
  if (NOTE_ACTIONS.includes(fact.action)) {
    // A bounded excerpt: the comment itself stays in Jira, whole, and the entry points to it.
    if (fact.comment.trim() !== '') entry.note = commentExcerpt(fact.comment);
    if (fact.commentId !== undefined) entry.commentId = fact.commentId;
  }
  return entry;
};
