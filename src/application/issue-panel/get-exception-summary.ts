/**
 * getExceptionSummary (the issue panel): where an Exception issue stands, for the person viewing it. The issue is
 * read AS THE VIEWER, so the panel never shows an issue they may not browse (DESIGN.md §10); what the policy would
 * say about each transition open from its status is the validator's own evaluation (evaluateTransition) with the
 * viewer as the actor, so the panel and the refusal use the same words.
 */
import type {
  ExceptionSummary,
  GetExceptionSummaryRequest,
  GetExceptionSummaryResponse,
} from '../../contracts/issue-panel';
import { PANEL_TRANSITIONS } from '../../contracts/issue-panel';
import type { Answered } from '../../contracts/refusal';
import { evaluateTransition } from '../../domain/evaluate-transition';
import { currentPeriod } from '../../domain/period';
import { pendingActions } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import { findingLine } from '../../domain/findings/finding';
import { suppressionsInForce } from '../../domain/ignore-files/suppressions';
import type { ExceptionRecord } from '../../domain/register-schema';
import type { Actor } from '../../domain/rules/rule';
import { authorityApproverGroups } from '../../domain/rules/actor';
import { routeOf, tierOf } from '../../domain/tier';
import { dayNumber } from '../../domain/utc-days';
import { RECERTIFICATION_CHECKS } from '../../domain/vocabulary';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { jqlLiteral } from '../jql-literal';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyInForce } from '../policy/policy-store';
import type { Clock } from '../ports/clock';
import { JqlRejectedError, type DirectoryPort, type IssuesPort, type JiraIssue } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { RefusalError } from '../refusal-error';
import { WORKFLOW_TRANSITIONS } from '../setup/workflow-definition';
import { appAccountId } from '../transitions/app-account';
import { withRiskOwnerStatus } from '../transitions/risk-owner-status';
import { readSiteConfig } from '../transitions/site-config-of';
import { TRANSITIONS } from '../transitions/transition-catalog';
import { openUseCase } from '../use-case';

export interface ExceptionSummaryDependencies {
  /** Jira as the viewer: the issue, and who they are. */
  readonly jiraAsUser: IssuesPort & DirectoryPort;
  /** Jira as the app: the viewer's groups and the Risk Owner's account, as the validator reads them. */
  readonly jiraAsApp: IssuesPort & DirectoryPort;
  readonly store: StorePort;
  readonly clock: Clock;
}

export const NOT_SET_UP_PANEL =
  "The Security Exceptions app is not set up on this site yet. A Jira admin can run the setup on the app's admin page.";

export const ISSUE_NOT_FOUND =
  'This issue does not exist, or you may not see it. Reload the page; if it persists, ask whoever shared it.';

/** The issue as the viewer may see it, or null when Jira says there is no such issue for them. */
const issueAsViewer = async (
  jira: IssuesPort,
  issueKey: string,
  fields: readonly string[],
): Promise<JiraIssue | null> => {
  try {
    const page = await jira.search(`key = ${jqlLiteral(issueKey)}`, {
      fields,
      properties: [LIFECYCLE_PROPERTY_KEY],
      maxResults: 1,
    });
    return page.issues[0] ?? null;
  } catch (error) {
    // Jira refuses `key = X` for a key that does not exist (or names a project the viewer cannot see).
    if (error instanceof JqlRejectedError) return null;
    throw error;
  }
};

const issueTypeIdOf = (issue: JiraIssue): string | undefined => {
  const type = issue.fields.issuetype;
  return typeof type === 'object' && type !== null && 'id' in type && typeof type.id === 'string'
    ? type.id
    : undefined;
};

const LABELS = new Map(WORKFLOW_TRANSITIONS.map((transition) => [transition.rule, transition.name]));

const periodOf = (record: ExceptionRecord, now: string): ExceptionSummary['period'] => {
  const period = currentPeriod(record.history);
  if (period === null) return null;
  const { periodStart, periodEnd } = period.entry;
  if (periodStart === undefined || periodEnd === undefined) return null;
  return {
    start: periodStart,
    end: periodEnd,
    lengthDays: period.lengthDays,
    daysLeft: period.endDay - dayNumber(now) + 1,
  };
};

/** The findings as typed and what the ignore files suppress for them now; nothing when it lists none. */
const findingsOf = (
  record: ExceptionRecord,
  now: string,
): Pick<ExceptionSummary, 'findings' | 'suppression'> => {
  if ((record.findings ?? []).length === 0) return {};
  const [suppression] = suppressionsInForce([record], now);
  return {
    findings: (record.findings ?? []).map(findingLine),
    suppression:
      suppression === undefined
        ? null
        : { findings: suppression.findings.map(findingLine), until: suppression.until },
  };
};

const checklistOf = (record: ExceptionRecord): ExceptionSummary['checklist'] =>
  record.status !== 'Recertification' && record.recertificationChecklist === null
    ? null
    : RECERTIFICATION_CHECKS.map((check) => ({
        check,
        done: record.recertificationChecklist?.[check] === true,
      }));

/**
 * The transitions Jira offers the viewer now (its conditions hide Approve from the requester and the decisions from
 * anyone outside the approver groups), each with what the policy would refuse it for.
 */
const transitionsFor = (
  offered: ReadonlySet<string>,
  record: ExceptionRecord,
  owner: Awaited<ReturnType<typeof withRiskOwnerStatus>>,
  viewer: Actor,
  policy: Policy,
  now: string,
): ExceptionSummary['transitions'] =>
  PANEL_TRANSITIONS.flatMap((name) => {
    const entry = TRANSITIONS.find((transition) => transition.name === name);
    const label = LABELS.get(name) ?? name;
    if (entry === undefined || !entry.from.includes(record.status) || !offered.has(label)) return [];
    // No reason typed yet: Reject and Revert show that they need one, as the validator would say.
    const evaluation = evaluateTransition(
      { name, comment: '' },
      record,
      owner.record,
      viewer,
      policy,
      now,
      owner.access,
    );
    return [
      {
        name,
        label,
        blockers: evaluation.ok ? [] : evaluation.violations.map((violation) => violation.message),
      },
    ];
  });

export const getExceptionSummary = openUseCase(
  async (request: GetExceptionSummaryRequest, deps: ExceptionSummaryDependencies) => {
    const config = await readSiteConfig(deps.store);
    if (config === undefined) throw new RefusalError('blocked', NOT_SET_UP_PANEL);
    const issue = await issueAsViewer(deps.jiraAsUser, request.issueKey, exceptionFieldIds(config));
    if (issue === null) throw new RefusalError('invalid-request', ISSUE_NOT_FOUND);
    const answer = (summary: Answered<GetExceptionSummaryResponse>['summary']) =>
      ({ ok: true, summary }) satisfies Answered<GetExceptionSummaryResponse>;
    if (issueTypeIdOf(issue) !== config.issueTypeId) return answer({ kind: 'not-an-exception' });
    const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
    if (!mapped.ok) return answer({ kind: 'unreadable', problems: [...mapped.problems] });
    const record = mapped.record;

    const now = deps.clock.now();
    const appAccount = await appAccountId(deps);
    const [policy, me, owner, offered] = await Promise.all([
      policyInForce(deps.store),
      deps.jiraAsUser.myself(),
      withRiskOwnerStatus(record, deps.jiraAsApp, appAccount),
      deps.jiraAsUser.getTransitions(issue.id),
    ]);
    const viewer: Actor = {
      kind: 'user',
      accountId: me.accountId,
      groups: await deps.jiraAsApp.groupsOf(me.accountId),
    };
    const next = pendingActions(record, policy, now)[0];
    return answer({
      kind: 'exception',
      key: record.key,
      status: record.status,
      tier: tierOf(record, policy),
      route: routeOf(record, policy),
      approverGroups: [...authorityApproverGroups(record, record, policy)],
      riskOwner: owner.record.riskOwner,
      period: periodOf(record, now),
      nextAction: next === undefined ? null : { action: next.action, dueAt: next.dueAt, reason: next.reason },
      checklist: checklistOf(record),
      ...findingsOf(record, now),
      transitions: transitionsFor(
        new Set(offered.map((transition) => transition.name)),
        record,
        owner,
        viewer,
        policy,
        now,
      ),
    });
  },
);
