/** The workflow of DESIGN.md §3, created once with the app's rules wired in (workflow-plan.ts). */
import { boundMessage } from '../../domain/message-bounds';
import type { NewWorkflow, Workflow, WorkflowValidationProblem } from '../ports/configuration-port';
import { ensureObject, type Found } from './ensure-object';
import { runStep } from './run-step';
import type { SetupContext } from './setup-context';
import { WorkflowRefusedError } from './setup-errors';
import { isOwn, WORKFLOW_NAME } from './setup-names';
import { buildWorkflow, type WorkflowInput } from './workflow-plan';

export const describeWorkflow = (workflow: Workflow): string =>
  `workflow "${workflow.name}" (${workflow.id})`;

export const findWorkflow = async (ctx: Pick<SetupContext, 'jira'>): Promise<Found<Workflow> | undefined> => {
  const workflow = (await ctx.jira.readWorkflowsByName([WORKFLOW_NAME])).find(
    (candidate) => candidate.name === WORKFLOW_NAME,
  );
  return workflow === undefined ? undefined : { value: workflow, own: isOwn(workflow.description) };
};

/** At most this many of Jira's findings are reported, each at most this long: a message stays readable. */
const MAX_PROBLEMS = 20;
const MAX_PROBLEM_LENGTH = 300;

/** One sentence per error: what Jira said, where, and its code. */
export const describeValidationProblem = (problem: WorkflowValidationProblem): string => {
  const where = problem.element === '' ? '' : ` (${problem.element})`;
  const code = problem.code === '' ? '' : ` [${problem.code}]`;
  const message = problem.message.trim() === '' ? 'Jira gave no message.' : problem.message.trim();
  return boundMessage(`Workflow "${WORKFLOW_NAME}"${where}: ${message}${code}`, MAX_PROBLEM_LENGTH);
};

/** Asks Jira to validate the request first: an error means nothing is created (warnings do not stop setup). */
const validateThenCreate = async (ctx: SetupContext, workflow: NewWorkflow): Promise<Workflow> => {
  const errors = (await ctx.jira.validateWorkflow(workflow)).filter((problem) => problem.level === 'ERROR');
  if (errors.length > 0) {
    const problems = errors.slice(0, MAX_PROBLEMS).map(describeValidationProblem);
    if (errors.length > MAX_PROBLEMS) problems.push(`… and ${errors.length - MAX_PROBLEMS} more.`);
    throw new WorkflowRefusedError(problems, ctx.report.build());
  }
  return ctx.jira.createWorkflow(workflow);
};

export const ensureWorkflow = (ctx: SetupContext, input: Omit<WorkflowInput, 'newId'>): Promise<Workflow> =>
  runStep(ctx.report, `workflow "${WORKFLOW_NAME}"`, () =>
    ensureObject(ctx.report, {
      key: 'workflow',
      describe: describeWorkflow,
      find: () => findWorkflow(ctx),
      create: () => validateThenCreate(ctx, buildWorkflow({ ...input, newId: ctx.newId })),
    }),
  );
