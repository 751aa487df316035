/**
 * The approver-group restriction (ISSUE6 A2): Jira's own condition `system:restrict-issue-transition` with
 * `groupIds` offers Approve, Reject and Request info to members of the policy's approver groups only, so a person
 * outside them is refused by Jira even where no app code runs. The rule key and its `groupIds` parameter (a
 * comma-separated list of group ids) are those of the `GET /rest/api/3/workflows/capabilities` description.
 *
 * The policy names groups; the rule takes ids, looked up with `GET /rest/api/3/group/bulk`. A group that does not
 * exist cannot be named, and a restriction to no group would let no one decide, so then there is none.
 * Setup never changes an existing workflow: when the policy's groups and the restricted ones differ, the admin
 * edits the condition in Jira's workflow editor and runs setup again, which records what the workflow holds.
 */
import { boundMessage } from '../../domain/message-bounds';
import type { Policy } from '../../domain/policy-schema';
import { allApproverGroups } from '../../domain/rules/actor';
import type {
  GroupsConfiguration,
  JiraGroup,
  Workflow,
  WorkflowConditionGroup,
  WorkflowRule,
} from '../ports/configuration-port';
import type { ApproverGroupRecord } from '../site-config';
import { WORKFLOW_NAME } from './setup-names';
import { WORKFLOW_TRANSITIONS } from './workflow-definition';

export const RESTRICT_TRANSITION_RULE_KEY = 'system:restrict-issue-transition';

/** The transitions only approvers make, by their Jira names: `Request info, Approve, Reject`. */
const RESTRICTED = WORKFLOW_TRANSITIONS.filter((definition) => definition.approversOnly).map(
  (definition) => definition.name,
);
const APPROVE = WORKFLOW_TRANSITIONS.find((definition) => definition.rule === 'approve')?.name;
const RESTRICTED_TEXT = `${RESTRICTED.slice(0, -1).join(', ')} and ${RESTRICTED.at(-1) ?? ''}`;

/** The condition to put on a restricted transition; undefined when there is no group to restrict it to. */
export const restrictionRule = (groups: readonly JiraGroup[], id: string): WorkflowRule | undefined =>
  groups.length === 0
    ? undefined
    : {
        id,
        ruleKey: RESTRICT_TRANSITION_RULE_KEY,
        parameters: { groupIds: groups.map((group) => group.groupId).join(',') },
      };

export interface PolicyGroups {
  /** Every approver group the policy names, once each, lowest tier first. */
  readonly names: readonly string[];
  /** Those that exist in Jira, with their ids, in the same order. */
  readonly found: readonly JiraGroup[];
}

export const lookUpPolicyGroups = async (
  jira: GroupsConfiguration,
  policy: Policy,
): Promise<PolicyGroups> => {
  const names = allApproverGroups(policy);
  const existing = await jira.findGroupsByName(names);
  const found = names.flatMap((name) => existing.find((group) => group.name === name) ?? []);
  return { names, found };
};

const ruleIn = (group: WorkflowConditionGroup | null): WorkflowRule | undefined => {
  if (group === null) return undefined;
  const own = group.conditions.find((rule) => rule.ruleKey === RESTRICT_TRANSITION_RULE_KEY);
  if (own !== undefined) return own;
  for (const inner of group.conditionGroups) {
    const found = ruleIn(inner);
    if (found !== undefined) return found;
  }
  return undefined;
};

/**
 * The groups the workflow restricts Approve to (empty when it has no such condition), named where the policy
 * names them: a group only the workflow holds is known by its id alone.
 */
export const restrictedGroups = (workflow: Workflow, known: readonly JiraGroup[]): ApproverGroupRecord[] => {
  const approve = workflow.transitions.find((transition) => transition.name === APPROVE);
  const groupIds = (ruleIn(approve?.conditions ?? null)?.parameters.groupIds ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(groupIds)].map((groupId) => {
    const name = known.find((group) => group.groupId === groupId)?.name;
    return name === undefined ? { groupId } : { groupId, name };
  });
};

/** At most this many sentences, each at most this long: a report stays readable whatever the policy holds. */
const MAX_PROBLEMS = 20;
const MAX_PROBLEM_LENGTH = 500;

const EDIT_WORKFLOW = `in Jira's workflow editor (setup does not change an existing workflow), then run setup again`;

/**
 * What the admin must do so that Jira restricts the decision transitions to exactly the policy's approver groups,
 * one sentence each; none when it does. `restricted` is what the workflow holds (or what setup recorded).
 */
export const restrictionProblems = (
  policyGroups: PolicyGroups,
  restricted: readonly ApproverGroupRecord[],
): string[] => {
  const condition = `"Restrict issue transition" condition of ${RESTRICTED_TEXT} in workflow "${WORKFLOW_NAME}"`;
  const problems: string[] = [];
  for (const name of policyGroups.names) {
    if (!policyGroups.found.some((group) => group.name === name))
      problems.push(
        restricted.length === 0
          ? `The policy's approver group "${name}" does not exist in Jira: create the group, or correct the policy's approver groups.`
          : `The policy's approver group "${name}" does not exist in Jira: create the group and add it to the ${condition} ${EDIT_WORKFLOW}; or correct the policy's approver groups.`,
      );
  }
  if (restricted.length === 0) {
    const none =
      policyGroups.found.length === 0
        ? ' (none exists, and a restriction to no group would let no one decide)'
        : '';
    problems.push(
      `Jira itself does not restrict ${RESTRICTED_TEXT} to the approver groups${none}; the app's validator still refuses anyone else. Add a "Restrict issue transition" condition for them to those transitions of workflow "${WORKFLOW_NAME}" ${EDIT_WORKFLOW}.`,
    );
  } else {
    for (const group of policyGroups.found) {
      if (!restricted.some((record) => record.groupId === group.groupId))
        problems.push(
          `The policy's approver group "${group.name}" is not in the ${condition}, so Jira does not offer its members those transitions: add it there ${EDIT_WORKFLOW}.`,
        );
    }
    for (const record of restricted) {
      if (!policyGroups.found.some((group) => group.groupId === record.groupId))
        problems.push(
          `The ${condition} still admits the group ${record.name === undefined ? `with id ${record.groupId}` : `"${record.name}"`}, which the policy no longer names (the app's validator refuses its members): remove it there ${EDIT_WORKFLOW}.`,
        );
    }
  }
  const bounded = problems.slice(0, MAX_PROBLEMS).map((problem) => boundMessage(problem, MAX_PROBLEM_LENGTH));
  if (problems.length > MAX_PROBLEMS) bounded.push(`… and ${problems.length - MAX_PROBLEMS} more.`);
  return bounded;
};
