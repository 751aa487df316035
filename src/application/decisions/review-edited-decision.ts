/**
 * A decision covers what was decided (DESIGN.md §3; ISO/IEC 27001:2022 6.1.3 f). When an exception in force is
 * edited outside a transition so that its decision-relevant fields no longer match its last decision, the app
 * sends it back to review: Approved moves to Recertification (the workflow's "Start recertification"), one in
 * Recertification stays there; either way one comment names the fields that changed.
 *
 * Run on `avi:jira:updated:issue`, which may come twice, at once, late, or for the app's own edits: the use case
 * trusts nothing in the event but the issue key, re-reads the issue and compares with the digest recorded by the
 * last decision, so a repeat finds nothing left to do. A transition to Approved is itself a decision: its post
 * function records the digest of the issue as the transition left it, screen edits included.
 */
import { changedSinceDecision, lastDecision } from '../../domain/decision-snapshot';
import { decisionDigest } from '../../domain/decision-fields';
import type { ExceptionRecord, HistoryEntry, UserRef } from '../../domain/register-schema';
import { dateOf } from '../../domain/utc-days';
import { isInForce, PERIOD_ACTIONS, type Status } from '../../domain/vocabulary';
import { idOf } from '../issue-mapping/jira-field-values';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import type { TransitionDependencies } from '../transitions/transition-dependencies';
import { decisionEditedComment } from './decision-edited-comment';

export interface EditedIssueRequest {
  readonly issueKey: string;
  /** From the event, when it says: lets the use case ignore other issues without reading them. */
  readonly issueTypeId?: string | undefined;
  readonly projectId?: string | undefined;
  /** The statuses the event's changelog says the issue moved to (ids or names, as the event gives them). */
  readonly statusChangedTo: readonly {
    readonly id?: string | undefined;
    readonly name?: string | undefined;
  }[];
}

export type EditedIssueOutcome =
  | {
      readonly outcome: 'skipped';
      readonly reason:
        | 'not-set-up'
        | 'not-an-exception'
        | 'unmappable'
        | 'not-in-force'
        | 'decided-by-this-transition'
        | 'decision-being-recorded'
        | 'no-recorded-decision'
        | 'unchanged'
        | 'handled-elsewhere';
    }
  | {
      readonly outcome: 'sent-to-review';
      readonly changed: readonly string[];
      readonly movedToRecertification: boolean;
    };

/** The workflow offers no Start recertification from Approved here: setup is incomplete. */
export class NoRecertificationTransitionError extends Error {
  constructor(readonly issueKey: string) {
    super(`${issueKey} has no transition to Recertification: run the app's setup for this project again.`);
    this.name = 'NoRecertificationTransitionError';
  }
}

/** How long one delivery holds an edit for itself, so a second delivery at the same moment leaves it alone. */
export const EDIT_CLAIM_SECONDS = 120;

const isExceptionIssue = (config: SiteConfig, typeId: string | null, projectId: string | null): boolean =>
  typeId === config.issueTypeId && config.projects.some((project) => project.id === projectId);

/** The status the recorded history says the exception is in: whether the app has caught up with Jira. */
const recordedStatus = (history: readonly HistoryEntry[]): Status | undefined => {
  const last = [...history]
    .reverse()
    .find((entry) => PERIOD_ACTIONS.includes(entry.action) || entry.action === 'recertification-started');
  if (last === undefined) return undefined;
  return last.action === 'recertification-started' ? 'Recertification' : 'Approved';
};

/** The people to tell, each once: the owner the decision named, the owner now, the requester of record. */
const peopleToTell = (record: ExceptionRecord, decided: UserRef | null): UserRef[] => {
  const submittedBy = record.history.find((entry) => entry.action === 'submitted')?.by ?? null;
  const requester =
    submittedBy === null || submittedBy === record.requester.accountId
      ? record.requester
      : { accountId: submittedBy, displayName: '' };
  const people = [decided, record.riskOwner, requester].filter(
    (person): person is UserRef => person !== null,
  );
  return [...new Map(people.map((person) => [person.accountId, person])).values()];
};

const startRecertification = async (
  issueKey: string,
  config: SiteConfig,
  deps: TransitionDependencies,
): Promise<void> => {
  const transitions = await deps.jiraAsApp.getTransitions(issueKey);
  const start = transitions.find((candidate) => candidate.toStatusId === config.statuses.Recertification);
  if (start === undefined) throw new NoRecertificationTransitionError(issueKey);
  await deps.jiraAsApp.transitionIssue(issueKey, start.id);
};

export const reviewEditedDecision = async (
  request: EditedIssueRequest,
  deps: TransitionDependencies,
): Promise<EditedIssueOutcome> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { outcome: 'skipped', reason: 'not-set-up' };
  // Every issue update on the site arrives here: others are dismissed without a read when the event says enough.
  if (
    request.issueTypeId !== undefined &&
    request.projectId !== undefined &&
    !isExceptionIssue(config, request.issueTypeId, request.projectId)
  )
    return { outcome: 'skipped', reason: 'not-an-exception' };
  const approved = config.statuses.Approved;
  if (request.statusChangedTo.some((status) => status.id === approved || status.name === 'Approved'))
    return { outcome: 'skipped', reason: 'decided-by-this-transition' };

  const issue = await deps.jiraAsApp.getIssue(request.issueKey, {
    fields: exceptionFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  if (!isExceptionIssue(config, idOf(issue.fields.issuetype), idOf(issue.fields.project)))
    return { outcome: 'skipped', reason: 'not-an-exception' };
  // A cleared Exception Type is an edit like any other: read as Other, it differs from the decided type.
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  if (!mapped.ok) return { outcome: 'skipped', reason: 'unmappable' };
  const record = mapped.record;
  if (!isInForce(record.status)) return { outcome: 'skipped', reason: 'not-in-force' };
  // Jira shows Approved before the decision's post function has recorded it: that decision will cover these edits.
  if (record.status === 'Approved' && recordedStatus(record.history) !== 'Approved')
    return { outcome: 'skipped', reason: 'decision-being-recorded' };
  const decision = lastDecision(record.history);
  const decided = decision?.decidedOn;
  if (decision === undefined || decided === undefined)
    return { outcome: 'skipped', reason: 'no-recorded-decision' };
  const changed = changedSinceDecision(decided, record);
  if (changed.length === 0) return { outcome: 'skipped', reason: 'unchanged' };

  const edit = `${decided.digest.slice(-16)}-${decisionDigest(record).slice(-16)}`;
  const claim = `decision-edit:${issue.id}:${edit}`;
  if (!(await deps.store.setIfAbsent(claim, { at: deps.clock.now() }, EDIT_CLAIM_SECONDS)))
    return { outcome: 'skipped', reason: 'handled-elsewhere' };
  const movedToRecertification = record.status === 'Approved';
  try {
    await deps.jiraAsApp.addComment(
      request.issueKey,
      decisionEditedComment({
        people: peopleToTell(record, decided.riskOwner),
        changed,
        decidedOn: dateOf(decision.at),
        movedToRecertification,
      }),
      { idempotencyKey: `${issue.id}:decision-edited:${edit}` },
    );
    if (movedToRecertification) await startRecertification(request.issueKey, config, deps);
  } catch (error) {
    // Let a retried or later delivery finish the job; the comment's key keeps it from being said twice.
    await deps.store.delete(claim);
    throw error;
  }
  return { outcome: 'sent-to-review', changed, movedToRecertification };
};
