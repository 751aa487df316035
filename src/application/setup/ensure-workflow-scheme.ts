/**
 * The project's workflow scheme maps Exception to the security exception workflow: a per-project scheme that
 * keeps the project's other mappings, assigned to the project.
 */
import type { IssueType, WorkflowScheme } from '../ports/configuration-port';
import { ensureObject } from './ensure-object';
import { runStep } from './run-step';
import { workflowSchemeWithException } from './scheme-plan';
import type { SetupContext } from './setup-context';
import { isOwn, ownDescription, WORKFLOW_NAME, workflowSchemeName } from './setup-names';

const describeScheme = (scheme: WorkflowScheme): string => `workflow scheme "${scheme.name}" (${scheme.id})`;

/** The project's scheme when it already maps Exception to the workflow. */
export const projectWorkflowSchemeInPlace = async (
  ctx: Pick<SetupContext, 'jira' | 'project'>,
  exceptionTypeId: string,
): Promise<{ current: WorkflowScheme | null; inPlace: boolean }> => {
  const current = await ctx.jira.getWorkflowSchemeOfProject(ctx.project.id);
  return { current, inPlace: current?.issueTypeMappings[exceptionTypeId] === WORKFLOW_NAME };
};

const ensure = async (ctx: SetupContext, exceptionType: IssueType): Promise<void> => {
  const { current, inPlace } = await projectWorkflowSchemeInPlace(ctx, exceptionType.id);
  if (current !== null && inPlace) {
    ctx.report.found(
      'workflow-scheme-project',
      `${describeScheme(current)} of project ${ctx.project.key}`,
      'skipped',
    );
    return;
  }
  const name = workflowSchemeName(ctx.project.key);
  const scheme = await ensureObject(ctx.report, {
    key: 'workflow-scheme',
    describe: describeScheme,
    find: async () => {
      const found = (await ctx.jira.listWorkflowSchemes()).find((candidate) => candidate.name === name);
      return found === undefined ? undefined : { value: found, own: isOwn(found.description) };
    },
    create: () =>
      ctx.jira.createWorkflowScheme(
        workflowSchemeWithException(
          current,
          exceptionType.id,
          WORKFLOW_NAME,
          name,
          ownDescription(
            `the workflows of project ${ctx.project.key}, with the security exception workflow.`,
          ),
        ),
      ),
  });
  await ctx.jira.assignWorkflowScheme(scheme.id, ctx.project.id);
  ctx.report.created(
    'workflow-scheme-project',
    `${describeScheme(scheme)} assigned to project ${ctx.project.key}`,
  );
};

export const ensureWorkflowScheme = (ctx: SetupContext, exceptionType: IssueType): Promise<void> =>
  runStep(ctx.report, 'workflow scheme', () => ensure(ctx, exceptionType));
