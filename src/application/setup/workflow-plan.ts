/**
 * The request that creates the workflow of DESIGN.md §3 (POST /rest/api/3/workflows/create), from the statuses,
 * screens and the app's rules found on the site. Pure.
 *
 * Rules follow the Forge rule format of the capabilities description (FORGE_NOTES §3): parameters `key` (the
 * module's extension ARI) and `config` (JSON the handler receives as its configuration). The validator and the
 * post function are told which transition they run on: `{"transition":"approve"}`. Jira's own conditions and
 * expression validators back the app's validator where it may not run or know the actor (FORGE_NOTES §16).
 */
import { TRANSITION_RULES } from '../../domain/evaluate-transition';
import type { Status } from '../../domain/vocabulary';
import type {
  ForgeRule,
  JiraGroup,
  JiraStatus,
  NewWorkflow,
  WorkflowConditionGroup,
  WorkflowRule,
  WorkflowTransition,
} from '../ports/configuration-port';
import { restrictionRule } from './approver-restriction';
import type { AppRules } from './forge-rules';
import type { ScreenKey } from './screen-definition';
import { ownDescription, WORKFLOW_NAME } from './setup-names';
import {
  CREATE_TRANSITION_NAME,
  INITIAL_STATUS,
  WORKFLOW_STATUSES,
  WORKFLOW_TRANSITIONS,
  type TransitionDefinition,
} from './workflow-definition';

export const TRANSITION_SCREEN_RULE_KEY = 'system:transition-screen';

export const WORKFLOW_DESCRIPTION = ownDescription(
  'the security exception lifecycle, with the policy enforced on every transition.',
);

/**
 * A status reference only links the request's statuses to its transitions; Jira's examples use UUIDs, so these
 * are UUID-shaped and fixed (the same request every run, which keeps the plan testable).
 */
export const statusReference = (status: Status): string => {
  const index = WORKFLOW_STATUSES.findIndex((definition) => definition.name === status);
  return `5ec0e7c0-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
};

/**
 * A Forge rule with a fresh UUID as its `id` and `parameters.id`: the capabilities description shows
 * `parameters.id`, and a live test reports the validation endpoint failing without it (FORGE_NOTES §3, §16).
 */
export const forgeRule = (
  rule: ForgeRule,
  config: Readonly<Record<string, unknown>>,
  id: string,
): WorkflowRule => ({
  id,
  ruleKey: rule.ruleKey,
  parameters: { key: rule.id, config: JSON.stringify(config), id, disabled: 'false', tag: '' },
});

/** Transition ids as the SPEC example numbers them: "1" for the initial transition, then "11", "21", … */
export const transitionId = (index: number): string => (index === 0 ? '1' : String(index * 10 + 1));

/** Whether the app's validator guards the transition: every transition with policy rules. */
export const isEnforced = (definition: TransitionDefinition): boolean =>
  TRANSITION_RULES[definition.rule].length > 0;

/** Every condition must hold: the requester's exclusion and the approver-group restriction (where wired). */
const conditionsOf = (
  definition: TransitionDefinition,
  { rules, approverGroups, newId }: WorkflowInput,
): WorkflowConditionGroup | null => {
  const restriction = definition.approversOnly ? restrictionRule(approverGroups, newId()) : undefined;
  const conditions = [
    ...(definition.notByRequester ? [forgeRule(rules.condition, {}, newId())] : []),
    ...(restriction === undefined ? [] : [restriction]),
  ];
  return conditions.length === 0 ? null : { operation: 'ALL', conditions, conditionGroups: [] };
};

const transitionOf = (
  definition: TransitionDefinition,
  index: number,
  input: WorkflowInput,
): WorkflowTransition => {
  const { rules, screenIds, newId } = input;
  const config = { transition: definition.rule };
  const validators = [
    ...(isEnforced(definition) ? [forgeRule(rules.validator, config, newId())] : []),
    ...(definition.notByRequester ? [forgeRule(rules.requesterValidator, {}, newId())] : []),
  ];
  return {
    id: transitionId(index),
    name: definition.name,
    description: '',
    type: 'DIRECTED',
    toStatusReference: statusReference(definition.to),
    links: definition.from.map((from) => ({ fromStatusReference: statusReference(from) })),
    validators,
    actions: [forgeRule(rules.postFunction, config, newId())],
    conditions: conditionsOf(definition, input),
    transitionScreen:
      definition.screen === null
        ? null
        : {
            id: newId(),
            ruleKey: TRANSITION_SCREEN_RULE_KEY,
            parameters: { screenId: screenIds[definition.screen] },
          },
  };
};

export interface WorkflowInput {
  readonly statuses: Readonly<Record<Status, JiraStatus>>;
  readonly rules: AppRules;
  readonly screenIds: Readonly<Record<ScreenKey, string>>;
  /** The groups Approve, Reject and Request info are restricted to; none: no restriction (approver-restriction.ts). */
  readonly approverGroups: readonly JiraGroup[];
  /** Mints a rule id (a UUID); injected so the plan stays testable. */
  readonly newId: () => string;
}

export const buildWorkflow = (input: WorkflowInput): NewWorkflow => ({
  name: WORKFLOW_NAME,
  description: WORKFLOW_DESCRIPTION,
  statuses: WORKFLOW_STATUSES.map((definition) => {
    const status = input.statuses[definition.name];
    // An adopted status keeps its own category: the workflow request must not try to change it.
    return {
      statusReference: statusReference(definition.name),
      id: status.id,
      name: status.name,
      statusCategory: status.statusCategory,
    };
  }),
  transitions: [
    {
      id: transitionId(0),
      name: CREATE_TRANSITION_NAME,
      description: '',
      type: 'INITIAL',
      toStatusReference: statusReference(INITIAL_STATUS),
      links: [],
      validators: [],
      actions: [],
      conditions: null,
      transitionScreen: null,
    },
    ...WORKFLOW_TRANSITIONS.map((definition, index) => transitionOf(definition, index + 1, input)),
  ],
});

/** Names of the workflow's transitions a workflow of that name must have to be taken as this one. */
export const missingTransitions = (transitionNames: readonly string[]): string[] =>
  WORKFLOW_TRANSITIONS.map((definition) => definition.name).filter((name) => !transitionNames.includes(name));
