/**
 * Workflows as Jira's workflow APIs read and write them (POST /workflows, /workflows/create and its validation),
 * mapped to and from the port's types.
 */
import type { z } from 'zod';
import type {
  NewWorkflow,
  Workflow,
  WorkflowConditionGroup,
  WorkflowRule,
  WorkflowTransition,
  WorkflowValidationProblem,
} from '../../../application/ports/configuration-port';
import { WorkflowsSchema, WorkflowValidationSchema } from '../jira-configuration-schemas';
import { JiraResponseShapeError } from '../jira-errors';

interface RuleRead {
  id?: string | null | undefined;
  ruleKey: string;
  parameters?: Record<string, string> | null | undefined;
}

const toRule = (rule: RuleRead): WorkflowRule => ({
  ...(rule.id == null ? {} : { id: rule.id }),
  ruleKey: rule.ruleKey,
  parameters: rule.parameters ?? {},
});

interface ConditionGroupRead {
  operation?: string | undefined;
  conditions?: RuleRead[] | null | undefined;
  conditionGroups?: ConditionGroupRead[] | null | undefined;
}

const toConditionGroup = (group: ConditionGroupRead): WorkflowConditionGroup => ({
  operation: group.operation === 'ANY' ? 'ANY' : 'ALL',
  conditions: (group.conditions ?? []).map(toRule),
  conditionGroups: (group.conditionGroups ?? []).map(toConditionGroup),
});

export const toWorkflows = (endpoint: string, body: z.infer<typeof WorkflowsSchema>): Workflow[] => {
  const statuses = body.statuses ?? [];
  return (body.workflows ?? []).map((workflow) => ({
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    statuses: workflow.statuses.map(({ statusReference }) => {
      const status = statuses.find((candidate) => candidate.statusReference === statusReference);
      if (status === undefined) {
        throw new JiraResponseShapeError(endpoint, [`statuses: no status for a reference of ${workflow.id}`]);
      }
      return { statusReference, statusId: status.id, name: status.name };
    }),
    transitions: workflow.transitions.map((transition) => ({
      id: transition.id,
      name: transition.name,
      description: transition.description,
      type: transition.type,
      toStatusReference: transition.toStatusReference,
      links: (transition.links ?? []).flatMap((link) =>
        link.fromStatusReference == null ? [] : [{ fromStatusReference: link.fromStatusReference }],
      ),
      validators: (transition.validators ?? []).map(toRule),
      actions: (transition.actions ?? []).map(toRule),
      conditions: transition.conditions == null ? null : toConditionGroup(transition.conditions),
      transitionScreen: transition.transitionScreen == null ? null : toRule(transition.transitionScreen),
    })),
  }));
};

const ruleBody = (rule: WorkflowRule): Record<string, unknown> => ({
  ...(rule.id === undefined ? {} : { id: rule.id }),
  ruleKey: rule.ruleKey,
  parameters: rule.parameters,
});

const conditionBody = (group: WorkflowConditionGroup): Record<string, unknown> => ({
  operation: group.operation,
  conditions: group.conditions.map(ruleBody),
  conditionGroups: group.conditionGroups.map(conditionBody),
});

const transitionBody = (transition: WorkflowTransition): Record<string, unknown> => ({
  id: transition.id,
  name: transition.name,
  description: transition.description,
  type: transition.type,
  toStatusReference: transition.toStatusReference,
  links: transition.links.map((link) => ({ fromStatusReference: link.fromStatusReference })),
  validators: transition.validators.map(ruleBody),
  actions: transition.actions.map(ruleBody),
  ...(transition.conditions === null ? {} : { conditions: conditionBody(transition.conditions) }),
  ...(transition.transitionScreen === null
    ? {}
    : { transitionScreen: ruleBody(transition.transitionScreen) }),
});

/** WorkflowCreateRequest for one global workflow over the given statuses. */
export const workflowCreateBody = (workflow: NewWorkflow): Record<string, unknown> => ({
  scope: { type: 'GLOBAL' },
  statuses: workflow.statuses,
  workflows: [
    {
      name: workflow.name,
      description: workflow.description,
      statuses: workflow.statuses.map(({ statusReference }) => ({ statusReference, properties: {} })),
      transitions: workflow.transitions.map(transitionBody),
    },
  ],
});

export const toValidationProblem = (
  error: NonNullable<z.infer<typeof WorkflowValidationSchema>['errors']>[number],
): WorkflowValidationProblem => {
  const where = error.elementReference;
  const element =
    where?.transitionId != null
      ? `transition ${where.transitionId}`
      : where?.ruleId != null
        ? `rule ${where.ruleId}`
        : where?.statusReference != null
          ? `status ${where.statusReference}`
          : where?.propertyKey != null
            ? `property ${where.propertyKey}`
            : '';
  return {
    // An error of unknown level is taken as an error: setup must not create what Jira may refuse.
    level: error.level === 'WARNING' ? 'WARNING' : 'ERROR',
    message: error.message ?? '',
    code: error.code ?? '',
    element,
  };
};
