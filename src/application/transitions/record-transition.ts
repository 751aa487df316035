/**
 * The use case behind the app's post function (DESIGN.md §3): after a transition, append what happened to the
 * issue's lifecycle property and recompute `nextActionAt`. Which transition it was comes from the rule's
 * configuration first (reported-transition.ts); the entry carries an idempotency key (transition-key.ts), so the
 * transition is recorded once however often the event is delivered. The write goes through updateLifecycle: under
 * a per-issue lock, re-read, append, compact, so concurrent writers lose nothing.
 */
import type { HistoryAction } from '../../domain/vocabulary';
import { commentsOf } from '../issue-mapping/comments';
import { decisionReason } from '../issue-mapping/modified-fields';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { refreshKpiIssueQuietly } from '../kpi/refresh-kpi-issue';
import { updateLifecycle } from '../lifecycle/update-lifecycle';
import { policyInForce } from '../policy/policy-store';
import { appAccountId } from './app-account';
import { historyEntryFor } from './history-entry';
import { isImportedMove } from './import-intent';
import { withHistoryEntry } from './lifecycle-update';
import type { PostFunctionFacts } from './post-function-event';
import { reportedTransitionName } from './reported-transition';
import { readSiteConfig } from './site-config-of';
import { catalogEntry } from './transition-catalog';
import type { TransitionDependencies } from './transition-dependencies';
import { recordedEntry, transitionKey } from './transition-key';
import { UnmappableIssueError } from './unmappable-issue-error';

export type RecordTransitionRequest = PostFunctionFacts;

export type RecordOutcome =
  | { readonly recorded: true; readonly action: HistoryAction; readonly actionKey: string }
  | {
      readonly recorded: false;
      readonly reason:
        'not-set-up' | 'create-transition' | 'not-an-exception-transition' | 'already-recorded' | 'imported';
    };

export const recordTransition = async (
  request: RecordTransitionRequest,
  deps: TransitionDependencies,
): Promise<RecordOutcome> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { recorded: false, reason: 'not-set-up' };
  const fields = [...exceptionFieldIds(config), ...(request.commentId === undefined ? [] : ['comment'])];

  const outcome = await updateLifecycle<RecordOutcome>(
    request.issueKey,
    deps,
    fields,
    async (issue, lifecycle) => {
      // A redelivered event is resolved against the history as it was before its own entry.
      const ownIndex = lifecycle.history.findIndex(
        (entry) =>
          entry.actionKey !== undefined &&
          (entry.actionKey === request.executionId || entry.actionKey === `changelog:${request.changelogId}`),
      );
      const before = ownIndex < 0 ? lifecycle.history : lifecycle.history.slice(0, ownIndex);
      const name = reportedTransitionName(request, config, before);
      // triageOnCreate records `submitted`; the Create transition has nothing else to record.
      if (name === 'create')
        return { next: undefined, result: { recorded: false, reason: 'create-transition' } };
      if (name === undefined)
        return { next: undefined, result: { recorded: false, reason: 'not-an-exception-transition' } };
      // The import's own move: the history it replays is already in the lifecycle (import-intent.ts).
      const eventId = request.executionId ?? `changelog:${request.changelogId ?? ''}`;
      if (await isImportedMove(issue.id, name, request.actorAccountId, eventId, deps))
        return { next: undefined, result: { recorded: false, reason: 'imported' } };
      const { action, to } = catalogEntry(name);
      const key = transitionKey({
        ...request,
        issueKey: issue.key,
        transition: name,
        toStatus: config.statuses[to],
      });
      if (recordedEntry(lifecycle.history, key, action) !== undefined)
        return { next: undefined, result: { recorded: false, reason: 'already-recorded' } };

      // Sent back for information, an exception may still lack its type; its only pending action (the SLA) ignores it.
      const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
      if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
      const [policy, appAccount] = await Promise.all([policyInForce(deps.store), appAccountId(deps)]);
      const now = deps.clock.now();
      const actor = request.actorAccountId;
      const comment = decisionReason(
        issue.fields[config.fields.decisionReason ?? ''],
        commentsOf(issue).find((candidate) => candidate.id === request.commentId)?.text ?? '',
      );
      const entry = historyEntryFor(
        {
          action,
          by: actor === undefined || actor === appAccount ? null : actor,
          at: now,
          actionKey: key.key,
          comment,
          ...(request.commentId === undefined ? {} : { commentId: request.commentId }),
        },
        mapped.record,
        policy,
      );
      return {
        next: withHistoryEntry(lifecycle, entry, mapped.record, policy, now),
        result: { recorded: true, action, actionKey: key.key },
      };
    },
  );
  // The KPI model follows (a redelivery too: the first delivery may have stopped between the two writes; an
  // imported issue's moves too, or it would wait for the daily rebuild).
  if (outcome.recorded || outcome.reason === 'already-recorded' || outcome.reason === 'imported')
    await refreshKpiIssueQuietly(deps, request.issueKey);
  return outcome;
};
