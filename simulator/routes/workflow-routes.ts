import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type {
  ConditionGroup,
  RuleConfiguration,
  SimStatus,
  SimTransition,
  SimWorkflow,
} from '../state/model';
import { FORGE_RULE_KEYS } from '../workflow/forge-apps';
import type { ForgeModuleType } from '../workflow/forge-types';
import { renderWorkflow, renderWorkflowStatus } from '../workflow/workflow-rendering';
import { parseBody, requireAdmin } from './route-helpers';

const Rule = z.object({
  id: z.string().nullable().optional(),
  ruleKey: z.string(),
  parameters: z.record(z.string(), z.string()).optional(),
});

interface ConditionInput {
  operation: 'ALL' | 'ANY';
  conditions?: z.infer<typeof Rule>[] | undefined;
  conditionGroups?: ConditionInput[] | undefined;
}

const Conditions: z.ZodType<ConditionInput> = z.lazy(() =>
  z.object({
    operation: z.enum(['ALL', 'ANY']),
    conditions: z.array(Rule).optional(),
    conditionGroups: z.array(Conditions).optional(),
  }),
);

const Transition = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(['INITIAL', 'GLOBAL', 'DIRECTED']).optional(),
  toStatusReference: z.string().optional(),
  links: z
    .array(
      z.object({
        fromStatusReference: z.string().nullable().optional(),
        fromPort: z.number().nullable().optional(),
        toPort: z.number().nullable().optional(),
      }),
    )
    .optional(),
  actions: z.array(Rule).optional(),
  validators: z.array(Rule).optional(),
  conditions: Conditions.optional(),
  transitionScreen: Rule.nullable().optional(),
  properties: z.record(z.string(), z.string()).optional(),
});

const Scope = z.object({
  type: z.enum(['PROJECT', 'GLOBAL']).optional(),
  project: z.object({ id: z.string() }).optional(),
});

const CreateWorkflowsBody = z.object({
  scope: Scope.optional(),
  statuses: z
    .array(
      z.object({
        statusReference: z.string(),
        name: z.string(),
        statusCategory: z.enum(['TODO', 'IN_PROGRESS', 'DONE']),
        id: z.string().optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
  workflows: z
    .array(
      z.object({
        name: z.string(),
        description: z.string().optional(),
        statuses: z.array(
          z.object({ statusReference: z.string(), properties: z.record(z.string(), z.string()).optional() }),
        ),
        transitions: z.array(Transition),
      }),
    )
    .optional(),
});

const ReadWorkflowsBody = z.object({
  workflowIds: z.array(z.string()).optional(),
  workflowNames: z.array(z.string()).optional(),
  projectAndIssueTypes: z.array(z.object({ projectId: z.string(), issueTypeId: z.string() })).optional(),
});

const FORGE_RULE_TYPES: Readonly<Record<string, ForgeModuleType>> = {
  [FORGE_RULE_KEYS.validator]: 'validator',
  [FORGE_RULE_KEYS.condition]: 'condition',
  [FORGE_RULE_KEYS.postFunction]: 'postFunction',
};

/** One finding of workflow validation, as POST /workflows/create/validation lists it (WorkflowValidationError). */
interface WorkflowProblem {
  readonly code: string;
  readonly level: 'ERROR' | 'WARNING';
  readonly type: 'RULE' | 'STATUS' | 'WORKFLOW' | 'TRANSITION';
  readonly message: string;
  readonly elementReference?: { ruleId?: string; statusReference?: string; transitionId?: string };
}

/** The code of a Forge rule without parameters.id (the validation endpoint's 500 reported by CR, FORGE_NOTES §16). */
const MISSING_FORGE_RULE_ID = 'MISSING_FORGE_RULE_ID';

const rule = (
  message: string,
  elementReference: { ruleId?: string },
  code = 'INVALID_RULE',
  level: WorkflowProblem['level'] = 'ERROR',
): WorkflowProblem => ({ code, level, type: 'RULE', message, elementReference });

const status = (message: string, statusReference: string): WorkflowProblem => ({
  code: 'INVALID_STATUS',
  level: 'ERROR',
  type: 'STATUS',
  message,
  elementReference: { statusReference },
});

const workflowProblem = (message: string): WorkflowProblem => ({
  code: 'INVALID_WORKFLOW',
  level: 'ERROR',
  type: 'WORKFLOW',
  message,
});

const transitionProblem = (
  message: string,
  transitionId: string | undefined,
  code = 'INVALID_TRANSITION',
  level: WorkflowProblem['level'] = 'ERROR',
): WorkflowProblem => ({
  code,
  level,
  type: 'TRANSITION',
  message,
  ...(transitionId === undefined ? {} : { elementReference: { transitionId } }),
});

const toRule = (
  ctx: RouteContext,
  input: z.infer<typeof Rule>,
  problems: WorkflowProblem[],
): RuleConfiguration => {
  const parameters = input.parameters ?? {};
  const forgeType = FORGE_RULE_TYPES[input.ruleKey];
  if (input.ruleKey.startsWith('forge:')) {
    const ref = input.id == null ? {} : { ruleId: input.id };
    if (forgeType === undefined)
      problems.push(rule(`The rule key '${input.ruleKey}' is not a Forge rule key.`, ref));
    else if (ctx.core.apps.moduleForRule(parameters.key, forgeType) === undefined) {
      problems.push(
        rule(
          `The Forge rule '${parameters.key ?? '(no key)'}' (${input.ruleKey}) is not provided by any installed app.`,
          ref,
        ),
      );
    }
    if (parameters.id === undefined || parameters.id === '')
      problems.push(
        rule(
          `The Forge rule '${parameters.key ?? '(no key)'}' has no parameters.id.`,
          ref,
          MISSING_FORGE_RULE_ID,
        ),
      );
  }
  if (input.id == null)
    problems.push(rule(`A rule (${input.ruleKey}) has no id.`, {}, 'MISSING_RULE_ID', 'WARNING'));
  return { id: input.id ?? ctx.core.state.nextUuid(), ruleKey: input.ruleKey, parameters };
};

const toConditions = (
  ctx: RouteContext,
  input: ConditionInput,
  problems: WorkflowProblem[],
): ConditionGroup => ({
  operation: input.operation,
  conditions: (input.conditions ?? []).map((rule) => toRule(ctx, rule, problems)),
  conditionGroups: (input.conditionGroups ?? []).map((group) => toConditions(ctx, group, problems)),
});

/** Resolves the request's status references: an explicit id, an existing status of that name, or a new status. */
const resolveStatuses = (
  ctx: RouteContext,
  body: z.infer<typeof CreateWorkflowsBody>,
  scope: SimWorkflow['scope'],
  problems: WorkflowProblem[],
): Map<string, SimStatus> => {
  const { state } = ctx.core;
  const byReference = new Map<string, SimStatus>();
  for (const input of body.statuses ?? []) {
    const existing = input.id === undefined ? state.status(input.name) : state.statuses.get(input.id);
    if (input.id !== undefined && existing === undefined) {
      problems.push(status(`The status '${input.id}' does not exist.`, input.statusReference));
      continue;
    }
    byReference.set(
      input.statusReference,
      existing ??
        state.addStatus({
          name: input.name,
          statusCategory: input.statusCategory,
          description: input.description ?? '',
          scope,
        }),
    );
  }
  return byReference;
};

const buildWorkflow = (
  ctx: RouteContext,
  input: NonNullable<z.infer<typeof CreateWorkflowsBody>['workflows']>[number],
  scope: SimWorkflow['scope'],
  statuses: ReadonlyMap<string, SimStatus>,
  problems: WorkflowProblem[],
): SimWorkflow => {
  const { state } = ctx.core;
  const own = new Set(input.statuses.map((status) => status.statusReference));
  for (const reference of own) {
    if (!statuses.has(reference))
      problems.push(
        status(
          `Workflow '${input.name}': status reference '${reference}' is not among the request's statuses.`,
          reference,
        ),
      );
  }
  if (state.workflowByName(input.name) !== undefined)
    problems.push(workflowProblem(`A workflow with the name '${input.name}' already exists.`));
  const initials = input.transitions.filter((transition) => transition.type === 'INITIAL');
  if (initials.length !== 1)
    problems.push(workflowProblem(`Workflow '${input.name}' must have exactly one INITIAL transition.`));
  let nextId = 11;
  const transitions = input.transitions.map((transition): SimTransition => {
    const type = transition.type ?? 'DIRECTED';
    const to = transition.toStatusReference ?? '';
    if (!own.has(to))
      problems.push(
        transitionProblem(
          `Workflow '${input.name}': transition '${transition.name ?? ''}' goes to an unknown status reference '${to}'.`,
          transition.id,
        ),
      );
    for (const link of transition.links ?? []) {
      if (link.fromStatusReference != null && !own.has(link.fromStatusReference)) {
        problems.push(
          transitionProblem(
            `Workflow '${input.name}': transition '${transition.name ?? ''}' starts from an unknown status reference '${link.fromStatusReference}'.`,
            transition.id,
          ),
        );
      }
    }
    if (type === 'DIRECTED' && (transition.links ?? []).length === 0) {
      problems.push(
        transitionProblem(
          `Workflow '${input.name}': directed transition '${transition.name ?? ''}' has no links.`,
          transition.id,
        ),
      );
    }
    let id = transition.id;
    if (id === undefined) {
      problems.push(
        transitionProblem(
          `Workflow '${input.name}': transition '${transition.name ?? ''}' has no id.`,
          undefined,
          'MISSING_TRANSITION_ID',
          'WARNING',
        ),
      );
      id = type === 'INITIAL' ? '1' : String(nextId);
      if (type !== 'INITIAL') nextId += 10;
    }
    return {
      id,
      name: transition.name ?? '',
      description: transition.description ?? '',
      type,
      toStatusReference: to,
      links: (transition.links ?? []).map((link) => ({
        fromStatusReference: link.fromStatusReference ?? null,
        ...(link.fromPort == null ? {} : { fromPort: link.fromPort }),
        ...(link.toPort == null ? {} : { toPort: link.toPort }),
      })),
      validators: (transition.validators ?? []).map((rule) => toRule(ctx, rule, problems)),
      actions: (transition.actions ?? []).map((rule) => toRule(ctx, rule, problems)),
      conditions:
        transition.conditions === undefined ? undefined : toConditions(ctx, transition.conditions, problems),
      transitionScreen:
        transition.transitionScreen == null ? undefined : toRule(ctx, transition.transitionScreen, problems),
      properties: transition.properties ?? {},
    };
  });
  const ids = transitions.map((transition) => transition.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined)
    problems.push(
      transitionProblem(`Workflow '${input.name}': the transition id '${repeated}' is used twice.`, repeated),
    );
  const now = state.nowIso();
  return {
    id: state.nextUuid(),
    name: input.name,
    description: input.description ?? '',
    scope,
    statuses: input.statuses.map((status) => ({
      statusReference: status.statusReference,
      statusId: statuses.get(status.statusReference)?.id ?? '',
      properties: status.properties ?? {},
    })),
    transitions,
    created: now,
    updated: now,
    versionId: state.nextUuid(),
  };
};

const ValidateCreateBody = z.object({
  payload: CreateWorkflowsBody,
  validationOptions: z.object({ levels: z.array(z.enum(['WARNING', 'ERROR'])).optional() }).optional(),
});

/** Builds the workflows of a create request and every finding; rollBack() removes statuses it created. */
const buildRequest = (ctx: RouteContext, body: z.infer<typeof CreateWorkflowsBody>) => {
  const projectId = body.scope?.project?.id;
  const scope: SimWorkflow['scope'] =
    body.scope?.type === 'PROJECT' && projectId !== undefined
      ? { type: 'PROJECT', projectId }
      : { type: 'GLOBAL' };
  const problems: WorkflowProblem[] = [];
  const { state } = ctx.core;
  const statusesBefore = new Set(state.statuses.keys());
  const statuses = resolveStatuses(ctx, body, scope, problems);
  const workflows = (body.workflows ?? []).map((input) =>
    buildWorkflow(ctx, input, scope, statuses, problems),
  );
  const names = workflows.map((workflow) => workflow.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined)
    problems.push(workflowProblem(`The workflow name '${twice}' is used twice in the request.`));
  const rollBack = () => {
    for (const id of state.statuses.keys()) if (!statusesBefore.has(id)) state.statuses.delete(id);
  };
  return { statuses, workflows, problems, rollBack };
};

export const workflowRoutes: RouteTable = {
  createWorkflows: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateWorkflowsBody, ctx.body);
    const { statuses, workflows, problems, rollBack } = buildRequest(ctx, body);
    // Create mints the ids a request leaves out (the document makes rule and transition ids optional; what Jira
    // does with a Forge rule without parameters.id is unreported): the validation endpoint reports them.
    const errors = problems.filter(
      (problem) => problem.level === 'ERROR' && problem.code !== MISSING_FORGE_RULE_ID,
    );
    if (errors.length > 0) {
      rollBack();
      throw jiraError(
        400,
        errors.map((problem) => problem.message),
      );
    }
    for (const workflow of workflows) ctx.core.state.workflows.set(workflow.id, workflow);
    return {
      status: 200,
      body: {
        statuses: [...statuses].map(([reference, status]) => renderWorkflowStatus(status, reference)),
        workflows: workflows.map(renderWorkflow),
      },
    };
  },

  /** POST /workflows/create/validation: the create request's findings, nothing created (README). */
  validateCreateWorkflows: (ctx) => {
    requireAdmin(ctx);
    const request = parseBody(ValidateCreateBody, ctx.body);
    const { problems, rollBack } = buildRequest(ctx, request.payload);
    rollBack();
    if (
      ctx.core.habits.validationServerErrorOnMissingForgeRuleId &&
      problems.some((problem) => problem.code === MISSING_FORGE_RULE_ID)
    )
      // CR reports this endpoint answering 500 when parameters.id was stripped from a Forge rule.
      throw jiraError(500, ['Internal server error.']);
    const levels = new Set(request.validationOptions?.levels ?? ['WARNING', 'ERROR']);
    return {
      status: 200,
      body: { errors: problems.filter((problem) => levels.has(problem.level)) },
    };
  },

  readWorkflows: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(ReadWorkflowsBody, ctx.body);
    const { state } = ctx.core;
    const ids = new Set(body.workflowIds ?? []);
    const names = new Set(body.workflowNames ?? []);
    for (const pair of body.projectAndIssueTypes ?? []) {
      const project = state.projects.get(pair.projectId);
      if (project !== undefined) ids.add(state.workflowFor(project, pair.issueTypeId).id);
    }
    const workflows = [...state.workflows.values()].filter(
      (workflow) => ids.has(workflow.id) || names.has(workflow.name),
    );
    const statuses = new Map<string, Record<string, unknown>>();
    for (const workflow of workflows) {
      for (const reference of workflow.statuses) {
        const status = state.statuses.get(reference.statusId);
        if (status !== undefined)
          statuses.set(status.id, renderWorkflowStatus(status, reference.statusReference));
      }
    }
    return {
      status: 200,
      body: { statuses: [...statuses.values()], workflows: workflows.map(renderWorkflow) },
    };
  },

  /** Reports the installed apps' Forge rules with the rule keys to use for them (FORGE_NOTES §3). */
  workflowCapabilities: (ctx) => {
    requireAdmin(ctx);
    const { state } = ctx.core;
    const workflowId = ctx.query.string('workflowId');
    const projectId = ctx.query.string('projectId');
    const issueTypeId = ctx.query.string('issueTypeId');
    let workflow: SimWorkflow | undefined;
    if (workflowId !== undefined) workflow = state.workflows.get(workflowId);
    else if (projectId !== undefined && issueTypeId !== undefined) {
      const project = state.projects.get(projectId);
      workflow = project === undefined ? undefined : state.workflowFor(project, issueTypeId);
    } else {
      throw jiraError(400, ['Either workflowId, or projectId and issueTypeId, must be provided.']);
    }
    if (workflow === undefined) throw jiraError(400, ['The workflow was not found.']);
    return {
      status: 200,
      body: {
        editorScope: workflow.scope.type,
        projectTypes: ['software', 'business'],
        connectRules: [],
        forgeRules: ctx.core.apps.forgeRules(),
        systemRules: [
          {
            ruleKey: 'system:validate-field-value',
            ruleType: 'Validator',
            name: 'Validate a field',
            description: 'Validates a field value before the transition.',
            incompatibleRuleKeys: [],
            isAvailableForInitialTransition: true,
            isVisible: true,
          },
          {
            ruleKey: 'system:restrict-issue-transition',
            ruleType: 'Condition',
            name: 'Restrict issue transition',
            description: 'Restricts who can make the transition.',
            incompatibleRuleKeys: [],
            isAvailableForInitialTransition: false,
            isVisible: true,
          },
        ],
        triggerRules: [],
      },
    };
  },
};
