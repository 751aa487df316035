/**
 * Triage on create (DESIGN.md §3–§4): when an Exception is created in a set-up project, record `submitted`, check
 * the form, and route it. A complete Low-risk request whose type and policy allow it is auto-approved by the app
 * (the validator sees the app as the actor and checks everything Approve checks); any other complete request goes
 * to Risk Review; an incomplete one stays in Submitted with a comment to the requester listing what is missing.
 * Every step looks before it acts, so a redelivered event does nothing twice; a delivery that arrives while
 * another is triaging the same issue (the platform delivers at least once, sometimes twice at once) finds its
 * lock and leaves it to that one. Auto-approve goes through on the app's recorded intent (auto-approve-intent.ts);
 * should the validator refuse it anyway, the exception goes to Risk Review with a comment saying so, rather than
 * staying in Submitted.
 */
import { evaluateTransition } from '../../domain/evaluate-transition';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord } from '../../domain/register-schema';
import type { RiskOwnerAccess } from '../../domain/rules/rule';
import { routeOf } from '../../domain/tier';
import type { Status } from '../../domain/vocabulary';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import type { JiraIssue } from '../ports/jira-port';
import { refreshKpiIssueQuietly } from '../kpi/refresh-kpi-issue';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { updateLifecycle } from '../lifecycle/update-lifecycle';
import { policyInForce } from '../policy/policy-store';
import { IMPORT_PROPERTY_KEY, isBeingImported } from '../register/import/import-property';
import type { SiteConfig } from '../site-config';
import { appAccountId } from './app-account';
import { recordAutoApproveIntent, withdrawAutoApproveIntent } from './auto-approve-intent';
import { withHistoryEntry } from './lifecycle-update';
import { autoApproveRefusedComment, missingItemsComment } from './missing-items-comment';
import { withRiskOwnerStatus } from './risk-owner-status';
import { readSiteConfig } from './site-config-of';
import type { TransitionDependencies } from './transition-dependencies';
import { UnmappableIssueError } from './unmappable-issue-error';

export interface TriageRequest {
  readonly issueKey: string;
  readonly issueTypeId: string | undefined;
  readonly projectId: string | undefined;
}

export type TriageOutcome =
  | {
      readonly outcome: 'skipped';
      readonly reason: 'not-set-up' | 'not-an-exception' | 'already-triaged' | 'being-triaged' | 'imported';
    }
  | { readonly outcome: 'incomplete'; readonly missing: readonly string[] }
  | { readonly outcome: 'triaged' | 'auto-approved' | 'auto-approve-refused' };

/**
 * How long one triage holds the issue against a concurrent delivery: longer than a triage takes (a few Jira calls,
 * under the 25 s limit of an event handler), short enough that a crashed one does not block a later retry long.
 */
const TRIAGE_LOCK_SECONDS = 60;

/** There is no workflow transition from Submitted to the status triage routes to: setup is incomplete. */
export class MissingTransitionError extends Error {
  constructor(readonly to: Status) {
    super(`The issue has no transition to ${to}: run the app's setup for this project again.`);
    this.name = 'MissingTransitionError';
  }
}

const isException = (request: TriageRequest, config: SiteConfig): boolean =>
  request.issueTypeId === config.issueTypeId &&
  config.projects.some((project) => project.id === request.projectId);

/** The app's own evaluation of a transition on the exception as filed (no rule of triage is about the actor). */
const evaluateAsApp = (
  name: 'triage' | 'auto-approve',
  record: ExceptionRecord,
  policy: Policy,
  now: string,
  riskOwnerAccess: RiskOwnerAccess | undefined,
) => evaluateTransition({ name, comment: '' }, record, record, { kind: 'app' }, policy, now, riskOwnerAccess);

/** What keeps the form from review: mapping problems, else the triage rules' violations. */
const missingItems = (
  issue: JiraIssue,
  config: SiteConfig,
  record: ExceptionRecord,
  policy: Policy,
  now: string,
  riskOwnerAccess: RiskOwnerAccess | undefined,
) => {
  const form = toExceptionRecord(issue, config);
  if (!form.ok) return form.problems;
  return evaluateAsApp('triage', record, policy, now, riskOwnerAccess).violations.map(
    (violation) => violation.message,
  );
};

const autoApprovable = (
  record: ExceptionRecord,
  policy: Policy,
  now: string,
  riskOwnerAccess: RiskOwnerAccess | undefined,
): boolean =>
  routeOf(record, policy) === 'auto-approve' &&
  evaluateAsApp('auto-approve', record, policy, now, riskOwnerAccess).ok;

const transitionTo = async (
  issueKey: string,
  status: Status,
  config: SiteConfig,
  deps: TransitionDependencies,
): Promise<void> => {
  const transitions = await deps.jiraAsApp.getTransitions(issueKey);
  const transition = transitions.find((candidate) => candidate.toStatusId === config.statuses[status]);
  if (transition === undefined) throw new MissingTransitionError(status);
  await deps.jiraAsApp.transitionIssue(issueKey, transition.id);
};

/**
 * Auto-approve, on the app's recorded intent. Refused (or failed) and the issue still in Submitted with Risk Review
 * offered: it goes there with a comment, so a person decides. Otherwise the failure stands.
 */
const autoApprove = async (
  issue: JiraIssue,
  record: ExceptionRecord,
  config: SiteConfig,
  deps: TransitionDependencies,
  now: string,
): Promise<TriageOutcome> => {
  await recordAutoApproveIntent(deps.store, issue.id, now);
  try {
    await transitionTo(issue.key, 'Approved', config, deps);
    return { outcome: 'auto-approved' };
  } catch (error) {
    await withdrawAutoApproveIntent(deps.store, issue.id);
    const offered = await deps.jiraAsApp.getTransitions(issue.key);
    const toReview = offered.find((candidate) => candidate.toStatusId === config.statuses['Risk Review']);
    if (toReview === undefined) throw error;
    await deps.jiraAsApp.addComment(issue.key, autoApproveRefusedComment(record.requester), {
      idempotencyKey: `${issue.id}:triage-auto-approve-refused`,
    });
    await deps.jiraAsApp.transitionIssue(issue.key, toReview.id);
    return { outcome: 'auto-approve-refused' };
  }
};

export const triageOnCreate = async (
  request: TriageRequest,
  deps: TransitionDependencies,
): Promise<TriageOutcome> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { outcome: 'skipped', reason: 'not-set-up' };
  if (!isException(request, config)) return { outcome: 'skipped', reason: 'not-an-exception' };

  const lockKey = `triage-lock:${request.issueKey}`;
  if (!(await deps.store.setIfAbsent(lockKey, { at: deps.clock.now() }, TRIAGE_LOCK_SECONDS)))
    return { outcome: 'skipped', reason: 'being-triaged' };
  let outcome: TriageOutcome;
  try {
    outcome = await triageLocked(request, config, deps);
  } finally {
    await deps.store.delete(lockKey);
  }
  await refreshKpiIssueQuietly(deps, request.issueKey);
  return outcome;
};

const triageLocked = async (
  request: TriageRequest,
  config: SiteConfig,
  deps: TransitionDependencies,
): Promise<TriageOutcome> => {
  const issue = await deps.jiraAsApp.getIssue(request.issueKey, {
    fields: exceptionFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY, IMPORT_PROPERTY_KEY],
  });
  // An imported exception is brought to its register status by the import itself (import-property.ts).
  if (await isBeingImported(issue, request.projectId, deps.store, deps.clock.now()))
    return { outcome: 'skipped', reason: 'imported' };
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
  const appAccount = await appAccountId(deps);
  const [policy, owner] = await Promise.all([
    policyInForce(deps.store),
    withRiskOwnerStatus(mapped.record, deps.jiraAsApp, appAccount),
  ]);
  const { record } = owner;
  const now = deps.clock.now();

  // Under the lifecycle lock, re-read: a post function may be appending at this moment (ISSUE 6 B8).
  const lifecycle = await updateLifecycle(request.issueKey, deps, [], (_issue, current) => {
    if (current.history.some((entry) => entry.action === 'submitted'))
      return Promise.resolve({ next: undefined, result: current });
    const submitted = { at: record.createdAt, action: 'submitted' as const, by: record.requester.accountId };
    const next = withHistoryEntry(current, submitted, record, policy, now);
    return Promise.resolve({ next, result: next });
  });
  const triagedBefore = lifecycle.history.some(
    (entry) => entry.action === 'triaged' || entry.action === 'auto-approved',
  );
  if (record.status !== 'Submitted' || triagedBefore)
    return { outcome: 'skipped', reason: 'already-triaged' };

  const missing = missingItems(issue, config, record, policy, now, owner.access);
  if (missing.length > 0) {
    // One comment per issue, however often the event is delivered or the answer to the POST is lost.
    await deps.jiraAsApp.addComment(request.issueKey, missingItemsComment(record.requester, missing), {
      idempotencyKey: `${issue.id}:triage-missing-items`,
    });
    return { outcome: 'incomplete', missing };
  }
  if (autoApprovable(record, policy, now, owner.access)) return autoApprove(issue, record, config, deps, now);
  await transitionTo(request.issueKey, 'Risk Review', config, deps);
  return { outcome: 'triaged' };
};
