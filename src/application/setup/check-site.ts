/**
 * What setup reads before it writes anything: the project, the app's workflow rules, the field plan, and names
 * already taken by something setup cannot use. Every conflict is reported at once, and a blocked run changes
 * nothing.
 */
import type { ProjectSummary } from '../ports/configuration-port';
import type { LogicalField } from '../site-config';
import { findIssueType } from './ensure-issue-type';
import { findWorkflow } from './ensure-workflow';
import { planFields, type FieldPlan } from './field-plan';
import { findAppRules, type AppRules } from './forge-rules';
import type { SetupDependencies } from './setup-context';
import { SetupBlockedError } from './setup-errors';
import { ISSUE_TYPE_NAME, WORKFLOW_NAME } from './setup-names';
import { missingTransitions } from './workflow-plan';

export interface ProvisionInput {
  readonly projectKey: string;
  /** Existing fields the admin chose for some of the form's fields: logical field → `customfield_N`. */
  readonly adoptFields?: Partial<Record<LogicalField, string>>;
}

export interface SiteCheck {
  readonly project: ProjectSummary;
  readonly rules: AppRules;
  readonly fieldPlan: FieldPlan;
}

const checkProject = async (deps: SetupDependencies, projectKey: string): Promise<ProjectSummary> => {
  const project = await deps.configuration.getProject(projectKey);
  if (project === null) {
    throw new SetupBlockedError([`Project ${projectKey} does not exist, or the app cannot see it.`]);
  }
  if (project.teamManaged) {
    throw new SetupBlockedError([
      `Project ${project.key} is team-managed; setup configures company-managed projects (team-managed projects keep their own fields and workflows).`,
    ]);
  }
  return project;
};

export const checkSite = async (deps: SetupDependencies, input: ProvisionInput): Promise<SiteCheck> => {
  const jira = deps.configuration;
  const project = await checkProject(deps, input.projectKey);
  const problems: string[] = [];

  // Capabilities are asked of a workflow the project already uses; any of its issue types names one.
  const probeIssueType = project.issueTypeIds[0];
  const lookup =
    probeIssueType === undefined
      ? { found: false as const, missing: [] }
      : findAppRules(
          await jira.listForgeRules({ projectId: project.id, issueTypeId: probeIssueType }),
          deps.appId,
        );
  if (!lookup.found) {
    problems.push(
      `Jira does not offer the app's workflow rules${lookup.missing.length > 0 ? ` (${lookup.missing.join(', ')})` : ''}; check that the app is installed on this site and up to date.`,
    );
  }

  const fieldPlan = planFields(await jira.listCustomFields(), input.adoptFields ?? {});
  problems.push(...fieldPlan.problems);

  const issueType = findIssueType(await jira.listIssueTypes());
  if (issueType?.value.subtask === true) {
    problems.push(
      `The issue type "${issueType.value.name}" is a sub-task type; rename it so setup can create the ${ISSUE_TYPE_NAME} issue type.`,
    );
  }

  const workflow = await findWorkflow({ jira });
  if (workflow !== undefined) {
    const missing = missingTransitions(workflow.value.transitions.map((transition) => transition.name));
    if (missing.length > 0) {
      problems.push(
        `A workflow named "${WORKFLOW_NAME}" exists without the transitions ${missing.join(', ')}; rename it so setup can create its own.`,
      );
    }
  }

  if (problems.length > 0 || !lookup.found) throw new SetupBlockedError(problems);
  return { project, rules: lookup.rules, fieldPlan };
};
