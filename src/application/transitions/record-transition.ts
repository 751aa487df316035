/**
 * The use case behind the app's post function (DESIGN.md §3): after a transition, append what happened to the
 * issue's lifecycle property and recompute `nextActionAt`. A retried post function carries the same executionId,
 * which the entry keeps as its actionKey, so the transition is recorded once however often this runs.
 */
import type { HistoryAction, Status } from '../../domain/vocabulary';
import { STATUSES } from '../../domain/vocabulary';
import { commentsOf } from '../issue-mapping/comments';
import { decisionReason } from '../issue-mapping/modified-fields';
import { lifecycleOf } from '../issue-mapping/lifecycle-of';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyInForce } from '../policy/policy-store';
import type { SiteConfig } from '../site-config';
import { appAccountId } from './app-account';
import { historyEntryFor } from './history-entry';
import { withHistoryEntry } from './lifecycle-update';
import { readSiteConfig } from './site-config-of';
import { catalogEntry, isTransitionName, transitionBetween } from './transition-catalog';
import type { TransitionDependencies } from './transition-dependencies';
import { UnmappableIssueError } from './unmappable-issue-error';

export interface RecordTransitionRequest {
  readonly issueKey: string;
  /** Absent for the initial (create) transition. */
  readonly fromStatusId: string | undefined;
  readonly toStatusId: string;
  readonly executionId: string;
  /** The post function event's `atlassianId`: who made the transition. */
  readonly actorAccountId: string | undefined;
  readonly commentId: string | undefined;
  readonly configuration: unknown;
}

export type RecordOutcome =
  | { readonly recorded: true; readonly action: HistoryAction }
  | {
      readonly recorded: false;
      readonly reason:
        'not-set-up' | 'create-transition' | 'not-an-exception-transition' | 'already-recorded';
    };

const statusName = (config: SiteConfig, id: string | undefined): Status | undefined =>
  STATUSES.find((status) => config.statuses[status] === id);

/** The action from the statuses the issue moved between; the rule's configuration names it when they do not. */
const actionOf = (request: RecordTransitionRequest, config: SiteConfig): HistoryAction | undefined => {
  const from = statusName(config, request.fromStatusId);
  const to = statusName(config, request.toStatusId);
  const byStatuses = from !== undefined && to !== undefined ? transitionBetween(from, to) : undefined;
  if (byStatuses !== undefined) return byStatuses.action;
  const configured: unknown =
    typeof request.configuration === 'object' &&
    request.configuration !== null &&
    'transition' in request.configuration
      ? request.configuration.transition
      : undefined;
  return isTransitionName(configured) ? catalogEntry(configured).action : undefined;
};

export const recordTransition = async (
  request: RecordTransitionRequest,
  deps: TransitionDependencies,
): Promise<RecordOutcome> => {
  // triageOnCreate records `submitted`; doing it here too would race it for the same property.
  if (request.fromStatusId === undefined) return { recorded: false, reason: 'create-transition' };
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { recorded: false, reason: 'not-set-up' };
  const action = actionOf(request, config);
  if (action === undefined) return { recorded: false, reason: 'not-an-exception-transition' };

  const issue = await deps.jiraAsApp.getIssue(request.issueKey, {
    fields: [...exceptionFieldIds(config), ...(request.commentId === undefined ? [] : ['comment'])],
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  const lifecycle = lifecycleOf(issue);
  if (lifecycle.history.some((entry) => entry.actionKey === request.executionId))
    return { recorded: false, reason: 'already-recorded' };
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
      actionKey: request.executionId,
      comment,
    },
    mapped.record,
    policy,
  );
  const updated = withHistoryEntry(lifecycle, entry, mapped.record, policy, now);
  await deps.jiraAsApp.setIssueProperty(request.issueKey, LIFECYCLE_PROPERTY_KEY, updated);
  return { recorded: true, action };
};
