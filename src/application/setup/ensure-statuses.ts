/**
 * The seven statuses of the workflow. Jira status names are unique on a site, so a status of the same name is
 * adopted whatever its category; a category other than the workflow's is reported for the admin to judge.
 */
import type { Status } from '../../domain/vocabulary';
import type { JiraStatus, StatusCategory } from '../ports/configuration-port';
import { runStep } from './run-step';
import type { SetupContext } from './setup-context';
import { isOwn, ownDescription, sameName } from './setup-names';
import { WORKFLOW_STATUSES, type StatusDefinition } from './workflow-definition';

const CATEGORY_NAMES: Readonly<Record<StatusCategory, string>> = {
  TODO: 'To Do',
  IN_PROGRESS: 'In Progress',
  DONE: 'Done',
};

export const describeStatus = (status: JiraStatus, expected?: StatusCategory): string =>
  expected === undefined || status.statusCategory === expected
    ? `status "${status.name}" (${status.id})`
    : `status "${status.name}" (${status.id}), whose category is ${CATEGORY_NAMES[status.statusCategory]} (the workflow expects ${CATEGORY_NAMES[expected]})`;

export const findStatus = async (
  ctx: Pick<SetupContext, 'jira'>,
  name: Status,
): Promise<JiraStatus | undefined> =>
  (await ctx.jira.searchStatuses(name)).find((status) => sameName(status.name, name));

const reportFound = (ctx: SetupContext, definition: StatusDefinition, status: JiraStatus): void => {
  ctx.report.found(
    `status:${definition.name}`,
    describeStatus(status, definition.category),
    isOwn(status.description) ? 'skipped' : 'adopted',
  );
};

const ensureAll = async (ctx: SetupContext): Promise<Record<Status, JiraStatus>> => {
  const byName: Partial<Record<Status, JiraStatus>> = {};
  const missing: StatusDefinition[] = [];
  for (const definition of WORKFLOW_STATUSES) {
    const status = await findStatus(ctx, definition.name);
    if (status === undefined) missing.push(definition);
    else {
      byName[definition.name] = status;
      reportFound(ctx, definition, status);
    }
  }
  if (missing.length > 0) {
    for (const definition of missing) ctx.report.attempting(`status:${definition.name}`);
    const created = await ctx.jira.createStatuses(
      missing.map((definition) => ({
        name: definition.name,
        description: ownDescription(definition.description),
        statusCategory: definition.category,
      })),
    );
    for (const definition of missing) {
      const status = created.find((candidate) => sameName(candidate.name, definition.name));
      if (status === undefined) throw new Error(`Jira did not return the created status ${definition.name}`);
      byName[definition.name] = status;
      ctx.report.created(`status:${definition.name}`, describeStatus(status));
    }
  }
  return byName as Record<Status, JiraStatus>;
};

export const ensureStatuses = (ctx: SetupContext): Promise<Record<Status, JiraStatus>> =>
  runStep(ctx.report, 'statuses', () => ensureAll(ctx));
