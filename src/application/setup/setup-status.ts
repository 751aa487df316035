/**
 * What the admin page shows before and after setup: which of setup's objects exist on the site and which are
 * missing, for the projects set up so far (or the one asked about), and whether Jira still restricts the
 * decisions to the policy's approver groups. Reads only.
 */
import { policyInForce } from '../policy/policy-store';
import type { IssueType } from '../ports/configuration-port';
import type { SiteConfig } from '../site-config';
import { lookUpPolicyGroups, restrictionProblems } from './approver-restriction';
import { describeField } from './ensure-fields';
import { findIssueType, describeIssueType } from './ensure-issue-type';
import { issueTypeSchemeState } from './ensure-issue-type-scheme';
import { findScreenScheme, projectScreenSchemeInPlace } from './ensure-screen-schemes';
import { describeScreen, findScreen } from './ensure-screens';
import { describeStatus, findStatus } from './ensure-statuses';
import { describeWorkflow, findWorkflow } from './ensure-workflow';
import { projectWorkflowSchemeInPlace } from './ensure-workflow-scheme';
import { planFields } from './field-plan';
import { FIELD_SPECS } from './field-specs';
import { SCREEN_KEYS, SCREENS } from './screen-definition';
import type { SetupDependencies } from './setup-context';
import { ISSUE_TYPE_NAME, SCREEN_SCHEME_NAME, WORKFLOW_NAME } from './setup-names';
import { readSiteConfig } from './site-config-store';
import { WORKFLOW_STATUSES } from './workflow-definition';

export interface SetupStatus {
  /** Everything is in place and the site configuration is stored. */
  readonly ready: boolean;
  readonly present: readonly string[];
  readonly missing: readonly string[];
}

interface Tally {
  readonly present: string[];
  readonly missing: string[];
}

const siteObjects = async (deps: SetupDependencies, config: SiteConfig | undefined, tally: Tally) => {
  const jira = deps.configuration;
  const plan = planFields(await jira.listCustomFields(), config?.fields ?? {});
  for (const decision of plan.decisions) {
    const name = FIELD_SPECS[decision.field].name;
    if (decision.action === 'create') tally.missing.push(`field "${name}"`);
    else if (decision.how === 'same-name')
      tally.missing.push(`field "${name}" (setup will adopt ${decision.id}, which has this name)`);
    else tally.present.push(describeField(decision));
  }
  tally.missing.push(...plan.problems);

  const issueType = findIssueType(await jira.listIssueTypes());
  const usable = issueType !== undefined && !issueType.value.subtask ? issueType.value : undefined;
  if (usable === undefined) tally.missing.push(`issue type "${ISSUE_TYPE_NAME}"`);
  else tally.present.push(describeIssueType(usable));

  for (const definition of WORKFLOW_STATUSES) {
    const status = await findStatus({ jira }, definition.name);
    if (status === undefined) tally.missing.push(`status "${definition.name}"`);
    else tally.present.push(describeStatus(status, definition.category));
  }
  for (const key of SCREEN_KEYS) {
    const screen = await findScreen({ jira }, SCREENS[key].name);
    if (screen === undefined) tally.missing.push(`screen "${SCREENS[key].name}"`);
    else tally.present.push(describeScreen(screen.value));
  }
  const workflow = await findWorkflow({ jira });
  if (workflow === undefined) tally.missing.push(`workflow "${WORKFLOW_NAME}"`);
  else tally.present.push(describeWorkflow(workflow.value));
  const screenScheme = await findScreenScheme({ jira });
  if (screenScheme === undefined) tally.missing.push(`screen scheme "${SCREEN_SCHEME_NAME}"`);
  else tally.present.push(`screen scheme "${SCREEN_SCHEME_NAME}" (${screenScheme.value.id})`);
  return { issueType: usable, screenSchemeId: screenScheme?.value.id };
};

const projectObjects = async (
  deps: SetupDependencies,
  projectKey: string,
  site: { issueType: IssueType | undefined; screenSchemeId: string | undefined },
  config: SiteConfig | undefined,
  tally: Tally,
): Promise<void> => {
  const jira = deps.configuration;
  const project = await jira.getProject(projectKey);
  if (project === null) {
    tally.missing.push(`project ${projectKey}`);
    return;
  }
  const ctx = { jira, project };
  const note = (ok: boolean, what: string): void => {
    (ok ? tally.present : tally.missing).push(what);
  };
  const { issueType, screenSchemeId } = site;
  if (issueType !== undefined) {
    const types = await issueTypeSchemeState(ctx, issueType.id);
    note(types.hasException, `issue type "${issueType.name}" in project ${project.key}`);
    const workflows = await projectWorkflowSchemeInPlace(ctx, issueType.id);
    note(workflows.inPlace, `workflow "${WORKFLOW_NAME}" for ${issueType.name} in project ${project.key}`);
    if (screenSchemeId !== undefined) {
      const screens = await projectScreenSchemeInPlace(ctx, issueType.id, screenSchemeId);
      note(
        screens.inPlace,
        `screen scheme "${SCREEN_SCHEME_NAME}" for ${issueType.name} in project ${project.key}`,
      );
    }
  }
  note(
    config?.projects.some((candidate) => candidate.id === project.id) === true,
    `site configuration for project ${project.key}`,
  );
};

/**
 * Whether Jira restricts the decision transitions to exactly the policy's approver groups, as setup last recorded
 * the workflow (the policy may have changed since, and setup never changes an existing workflow).
 */
const approverRestriction = async (
  deps: SetupDependencies,
  config: SiteConfig | undefined,
  tally: Tally,
): Promise<void> => {
  if (config === undefined) return;
  if (config.approverGroups === undefined) {
    tally.missing.push(
      `the approver groups workflow "${WORKFLOW_NAME}" is restricted to (not recorded by the setup that ran): run setup again`,
    );
    return;
  }
  const policyGroups = await lookUpPolicyGroups(deps.configuration, await policyInForce(deps.store));
  const problems = restrictionProblems(policyGroups, config.approverGroups);
  if (problems.length > 0) tally.missing.push(...problems);
  else
    tally.present.push(
      `approver groups of the policy restricting its decisions in workflow "${WORKFLOW_NAME}": ${policyGroups.names.map((name) => `"${name}"`).join(', ')}`,
    );
};

export const readSetupStatus = async (
  deps: SetupDependencies,
  input: { readonly projectKey?: string } = {},
): Promise<SetupStatus> => {
  const config = await readSiteConfig(deps.store);
  const tally: Tally = { present: [], missing: [] };
  const site = await siteObjects(deps, config, tally);
  const projectKeys =
    input.projectKey === undefined
      ? (config?.projects ?? []).map((project) => project.key)
      : [input.projectKey];
  if (projectKeys.length === 0) tally.missing.push('a project set up for security exceptions');
  for (const key of projectKeys) await projectObjects(deps, key, site, config, tally);
  await approverRestriction(deps, config, tally);
  return { ready: tally.missing.length === 0, present: tally.present, missing: tally.missing };
};
