/**
 * The idempotency key of a recorded transition (ISSUE 6 A1): the event's `executionId` (shared by the post
 * functions of one transition, repeated on a retry), else the id of the change history the transition made, else
 * a stable hash of the issue, the actor, the transition and the status entered. CR reports REST-fired
 * transitions without a distinct executionId, so a key also only counts for the same action.
 *
 * A hash cannot tell a redelivery from the same person making the same transition again a year later, so a hash
 * key counts as recorded only while it is on the latest transition entry: nobody can make the same transition
 * twice without another transition in between.
 */
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../domain/register-schema';
import type { HistoryAction } from '../../domain/vocabulary';
import { TRANSITIONS } from './transition-catalog';

export interface TransitionKey {
  readonly key: string;
  readonly kind: 'execution' | 'changelog' | 'hash';
}

export const transitionKey = (facts: {
  readonly issueKey: string;
  readonly executionId?: string;
  readonly changelogId?: string;
  readonly actorAccountId?: string;
  readonly transition: string;
  readonly toStatus: string;
}): TransitionKey => {
  if (facts.executionId !== undefined) return { key: facts.executionId, kind: 'execution' };
  if (facts.changelogId !== undefined) return { key: `changelog:${facts.changelogId}`, kind: 'changelog' };
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        facts.issueKey.toUpperCase(),
        facts.actorAccountId ?? '',
        facts.transition,
        facts.toStatus,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  return { key: `transition:${digest}`, kind: 'hash' };
};

const TRANSITION_ACTIONS: readonly HistoryAction[] = TRANSITIONS.map((transition) => transition.action);

/** The entry already recording this transition, if any. */
export const recordedEntry = (
  history: readonly HistoryEntry[],
  key: TransitionKey,
  action: HistoryAction,
): HistoryEntry | undefined => {
  if (key.kind !== 'hash')
    return history.find((entry) => entry.actionKey === key.key && entry.action === action);
  const latest = history.findLast((entry) => TRANSITION_ACTIONS.includes(entry.action));
  return latest?.actionKey === key.key && latest.action === action ? latest : undefined;
};
