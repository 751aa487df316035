import type { ConditionGroup, RuleConfiguration, SimStatus, SimWorkflow } from '../state/model';

const renderRule = (rule: RuleConfiguration): Record<string, unknown> => ({
  id: rule.id,
  ruleKey: rule.ruleKey,
  parameters: rule.parameters,
});

const renderConditions = (group: ConditionGroup): Record<string, unknown> => ({
  operation: group.operation,
  conditions: group.conditions.map(renderRule),
  conditionGroups: group.conditionGroups.map(renderConditions),
});

const renderScope = (scope: SimWorkflow['scope'] | SimStatus['scope']): Record<string, unknown> =>
  scope.type === 'GLOBAL' ? { type: 'GLOBAL' } : { type: 'PROJECT', project: { id: scope.projectId } };

/** JiraWorkflow as POST /workflows/create and POST /workflows (read) return it. */
export const renderWorkflow = (workflow: SimWorkflow): Record<string, unknown> => ({
  id: workflow.id,
  name: workflow.name,
  description: workflow.description,
  scope: renderScope(workflow.scope),
  isEditable: true,
  created: workflow.created,
  updated: workflow.updated,
  version: { id: workflow.versionId, versionNumber: 1 },
  statuses: workflow.statuses.map((status) => ({
    statusReference: status.statusReference,
    properties: status.properties,
    deprecated: false,
  })),
  transitions: workflow.transitions.map((transition) => ({
    id: transition.id,
    name: transition.name,
    description: transition.description,
    type: transition.type,
    toStatusReference: transition.toStatusReference,
    links: transition.links.map((link) => ({
      fromStatusReference: link.fromStatusReference,
      ...(link.fromPort === undefined ? {} : { fromPort: link.fromPort }),
      ...(link.toPort === undefined ? {} : { toPort: link.toPort }),
    })),
    actions: transition.actions.map(renderRule),
    validators: transition.validators.map(renderRule),
    ...(transition.conditions === undefined ? {} : { conditions: renderConditions(transition.conditions) }),
    ...(transition.transitionScreen === undefined
      ? {}
      : { transitionScreen: renderRule(transition.transitionScreen) }),
    properties: transition.properties,
    triggers: [],
  })),
});

/** JiraWorkflowStatus: a status with the reference a workflow uses for it. */
export const renderWorkflowStatus = (
  status: SimStatus,
  statusReference: string,
): Record<string, unknown> => ({
  id: status.id,
  name: status.name,
  description: status.description,
  statusCategory: status.statusCategory,
  statusReference,
  scope: renderScope(status.scope),
});
