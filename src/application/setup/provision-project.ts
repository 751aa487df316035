/**
 * One-click setup for a project (DESIGN.md §1–§3): the form's fields with their options, the Exception issue
 * type, the statuses, the screens, the workflow with the app's rules (and Jira's approver-group restriction,
 * approver-restriction.ts), and the project's schemes; then the SiteConfig every other use case reads.
 *
 * Idempotent and resumable: every object is looked up by name in Jira before it is created, so a second run
 * creates nothing and a run that stopped half-way is completed by the next one. A run writes nothing while the
 * site has conflicts (check-site.ts); a lock keeps two admins' runs from racing to create the same objects.
 */
import { randomUUID } from 'node:crypto';
import { policyInForce } from '../policy/policy-store';
import { lookUpPolicyGroups, restrictedGroups, restrictionProblems } from './approver-restriction';
import { checkSite, type ProvisionInput } from './check-site';
import { ensureFields } from './ensure-fields';
import { ensureIssueType } from './ensure-issue-type';
import { ensureIssueTypeScheme } from './ensure-issue-type-scheme';
import { ensureScreenSchemes } from './ensure-screen-schemes';
import { ensureScreens } from './ensure-screens';
import { ensureStatuses } from './ensure-statuses';
import { ensureWorkflow } from './ensure-workflow';
import { ensureWorkflowScheme } from './ensure-workflow-scheme';
import { runStep } from './run-step';
import type { SetupContext, SetupDependencies } from './setup-context';
import { SetupBusyError } from './setup-errors';
import { SetupReportBuilder, type SetupReport } from './setup-report';
import { readSiteConfig, saveSiteConfig } from './site-config-store';
import { WORKFLOW_NAME } from './setup-names';

export type { ProvisionInput } from './check-site';

export const SETUP_LOCK_KEY = 'setup-lock';
/** Longer than a resolver may run (25 s), so a run that dies leaves the lock for a minute at most. */
const SETUP_LOCK_SECONDS = 60;

const provision = async (deps: SetupDependencies, input: ProvisionInput): Promise<SetupReport> => {
  const report = new SetupReportBuilder();
  const { project, rules, fieldPlan } = await runStep(report, 'checking the site', () =>
    checkSite(deps, input),
  );
  const ctx: SetupContext = {
    jira: deps.configuration,
    report,
    project,
    newId: deps.newId ?? randomUUID,
  };
  const fieldIds = await ensureFields(ctx, fieldPlan.decisions);
  const issueType = await ensureIssueType(ctx);
  const statuses = await ensureStatuses(ctx);
  const screenIds = await ensureScreens(ctx, fieldIds);
  const policy = await policyInForce(deps.store);
  const policyGroups = await runStep(report, 'approver groups', () => lookUpPolicyGroups(ctx.jira, policy));
  const workflow = await ensureWorkflow(ctx, {
    statuses,
    rules,
    screenIds,
    approverGroups: policyGroups.found,
  });
  // What the workflow holds, created now or before (setup never changes an existing workflow); a group the policy
  // no longer names keeps the name recorded when it did.
  const recorded = (await readSiteConfig(deps.store))?.approverGroups ?? [];
  const approverGroups = restrictedGroups(workflow, [
    ...policyGroups.found,
    ...recorded.flatMap(({ groupId, name }) => (name === undefined ? [] : [{ groupId, name }])),
  ]);
  for (const problem of restrictionProblems(policyGroups, approverGroups)) report.problem(problem);
  await ensureIssueTypeScheme(ctx, issueType);
  await ensureWorkflowScheme(ctx, issueType);
  await ensureScreenSchemes(ctx, issueType, screenIds);
  await saveSiteConfig(
    deps.store,
    report,
    {
      version: 1,
      fields: fieldIds,
      issueTypeId: issueType.id,
      statuses: {
        Submitted: statuses.Submitted.id,
        'Risk Review': statuses['Risk Review'].id,
        Approved: statuses.Approved.id,
        Recertification: statuses.Recertification.id,
        Rejected: statuses.Rejected.id,
        Reverted: statuses.Reverted.id,
        Retired: statuses.Retired.id,
      },
      workflowName: WORKFLOW_NAME,
      approverGroups,
    },
    project,
  );
  return report.build();
};

export const provisionProject = async (
  deps: SetupDependencies,
  input: ProvisionInput,
): Promise<SetupReport> => {
  const locked = await deps.store.setIfAbsent(
    SETUP_LOCK_KEY,
    { projectKey: input.projectKey },
    SETUP_LOCK_SECONDS,
  );
  if (!locked) throw new SetupBusyError();
  try {
    return await provision(deps, input);
  } finally {
    await deps.store.delete(SETUP_LOCK_KEY);
  }
};
