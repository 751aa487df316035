/** The workflow of DESIGN.md §3, created once with the app's rules wired in (workflow-plan.ts). */
import type { Status } from '../../domain/vocabulary';
import type { JiraStatus, Workflow } from '../ports/configuration-port';
import { ensureObject, type Found } from './ensure-object';
import type { AppRules } from './forge-rules';
import { runStep } from './run-step';
import type { ScreenKey } from './screen-definition';
import type { SetupContext } from './setup-context';
import { isOwn, WORKFLOW_NAME } from './setup-names';
import { buildWorkflow } from './workflow-plan';

export const describeWorkflow = (workflow: Workflow): string =>
  `workflow "${workflow.name}" (${workflow.id})`;

export const findWorkflow = async (ctx: Pick<SetupContext, 'jira'>): Promise<Found<Workflow> | undefined> => {
  const workflow = (await ctx.jira.readWorkflowsByName([WORKFLOW_NAME])).find(
    (candidate) => candidate.name === WORKFLOW_NAME,
  );
  return workflow === undefined ? undefined : { value: workflow, own: isOwn(workflow.description) };
};

export const ensureWorkflow = (
  ctx: SetupContext,
  input: {
    readonly statuses: Readonly<Record<Status, JiraStatus>>;
    readonly rules: AppRules;
    readonly screenIds: Readonly<Record<ScreenKey, string>>;
  },
): Promise<Workflow> =>
  runStep(ctx.report, `workflow "${WORKFLOW_NAME}"`, () =>
    ensureObject(ctx.report, {
      key: 'workflow',
      describe: describeWorkflow,
      find: () => findWorkflow(ctx),
      create: () => ctx.jira.createWorkflow(buildWorkflow(input)),
    }),
  );
