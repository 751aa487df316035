import { renderFieldValue } from '../issues/field-values';
import { applyEdits, cannotBeSet, FieldErrors, prepareEdits, type FieldEdits } from '../issues/issue-writer';
import { jiraError } from '../http/jira-error';
import type { SimulatorCore } from '../http/route-types';
import type { Principal } from '../state/permissions';
import { groupsOf } from '../state/permissions';
import type {
  ConditionGroup,
  RuleConfiguration,
  SimChangeHistory,
  SimComment,
  SimIssue,
  SimStatus,
  SimTransition,
  SimWorkflow,
} from '../state/model';
import { evaluateExpressionCondition, SimulatorLimitationError } from './expression-condition';
import { FORGE_RULE_KEYS } from './forge-apps';
import type { PostFunctionEvent } from './forge-types';
import { withTimeLimit } from './invocation-limits';
import { emitIssueEvent, eventChangelog, eventIssue, forgeContext } from './issue-events';
import { DEFAULT_ASYNC_TIMEOUT_SECONDS, type PlatformHabits } from './platform-habits';

export interface TransitionOption {
  readonly transition: SimTransition;
  readonly toStatus: SimStatus;
  /** False when a condition hides the transition from this user. */
  readonly available: boolean;
}

const parseConfig = (rule: RuleConfiguration): unknown => {
  const text = rule.parameters.config;
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
};

/** `configuration` as the rule's handler receives it: the parsed object, or the stored JSON text (habit). */
const deliveredConfig = (habits: PlatformHabits, rule: RuleConfiguration): unknown =>
  habits.configurationAs === 'string' ? (rule.parameters.config ?? '{}') : parseConfig(rule);

const disabled = (rule: RuleConfiguration): boolean => rule.parameters.disabled === 'true';

export const workflowOf = (core: SimulatorCore, issue: SimIssue): SimWorkflow => {
  const workflow = core.state.workflows.get(issue.workflowId);
  if (workflow === undefined) throw new Error(`issue ${issue.key} has no workflow ${issue.workflowId}`);
  return workflow;
};

const statusOfReference = (
  core: SimulatorCore,
  workflow: SimWorkflow,
  reference: string,
): SimStatus | undefined => {
  const statusId = workflow.statuses.find((status) => status.statusReference === reference)?.statusId;
  return statusId === undefined ? undefined : core.state.statuses.get(statusId);
};

const evaluateCondition = (
  core: SimulatorCore,
  issue: SimIssue,
  principal: Principal,
  rule: RuleConfiguration,
): boolean => {
  if (disabled(rule)) return true;
  if (rule.ruleKey === FORGE_RULE_KEYS.condition) {
    const resolved = core.apps.moduleForRule(rule.parameters.key, 'condition');
    // As with expressions: an uninstalled app's condition is false.
    if (resolved === undefined) return false;
    const config = parseConfig(rule) as { expression?: unknown };
    const expression = typeof config.expression === 'string' ? config.expression : resolved.module.expression;
    if (expression === undefined)
      throw new SimulatorLimitationError(`condition ${resolved.module.key} has no expression`);
    return evaluateExpressionCondition(expression, {
      userAccountId: principal.user.accountId,
      reporterAccountId: issue.reporterAccountId,
    });
  }
  if (rule.ruleKey === 'system:restrict-from-all-users') return false;
  if (rule.ruleKey === 'system:restrict-issue-transition') {
    const accountIds = (rule.parameters.accountIds ?? '').split(',').filter((id) => id !== '');
    const groupIds = (rule.parameters.groupIds ?? '').split(',').filter((id) => id !== '');
    const me = principal.user.accountId;
    const byAccount = accountIds.some(
      (id) =>
        id === me ||
        (id === 'allow-reporter' && issue.reporterAccountId === me) ||
        (id === 'allow-assignee' && issue.fields.get('assignee') === me),
    );
    const byGroup = groupsOf(core.state.groups.values(), me).some((group) =>
      groupIds.includes(group.groupId),
    );
    return accountIds.length + groupIds.length === 0 || byAccount || byGroup;
  }
  // Other system conditions are not enforced by the simulator.
  return true;
};

const evaluateGroup = (
  core: SimulatorCore,
  issue: SimIssue,
  principal: Principal,
  group: ConditionGroup | undefined,
): boolean => {
  if (group === undefined) return true;
  const results = [
    ...group.conditions.map((rule) => evaluateCondition(core, issue, principal, rule)),
    ...group.conditionGroups.map((inner) => evaluateGroup(core, issue, principal, inner)),
  ];
  return group.operation === 'ALL' ? results.every(Boolean) : results.length === 0 || results.some(Boolean);
};

/**
 * Transitions from the issue's status: directed ones linked from it and global ones (except a global
 * transition to the status the issue is already in).
 */
export const listTransitions = (
  core: SimulatorCore,
  issue: SimIssue,
  principal: Principal,
): TransitionOption[] => {
  const workflow = workflowOf(core, issue);
  const current = workflow.statuses.find((status) => status.statusId === issue.statusId)?.statusReference;
  return workflow.transitions.flatMap((transition): TransitionOption[] => {
    const toStatus = statusOfReference(core, workflow, transition.toStatusReference);
    if (toStatus === undefined) return [];
    const fromHere =
      (transition.type === 'GLOBAL' && toStatus.id !== issue.statusId) ||
      (transition.type === 'DIRECTED' &&
        transition.links.some((link) => link.fromStatusReference === current));
    if (!fromHere) return [];
    return [
      { transition, toStatus, available: evaluateGroup(core, issue, principal, transition.conditions) },
    ];
  });
};

/**
 * The comments a transition adds, as modifiedFields carries them. Atlassian lists Comment among the supported fields
 * and says only "same format as Get issue", whose `comment` is a page of comments; which comments that page holds
 * and which of their properties are set is undocumented. The simulator sends the page with the transition's own
 * comments only (they do not exist yet, so no id, self or dates): ADF body, author as {accountId}. See README.
 */
const commentPage = (bodies: readonly unknown[], authorAccountId: string) => ({
  comments: bodies.map((body) => ({ author: { accountId: authorAccountId }, body })),
  maxResults: bodies.length,
  total: bodies.length,
  startAt: 0,
});

/** Where a transition comes from: a REST call, or a person on the transition screen (sim.transitionOnScreen). */
export type TransitionSource = 'rest' | 'screen';

/** The comment as modifiedFields carries it, per source and habit (README "Platform habits"); undefined = not sent. */
const commentForValidators = (
  habits: PlatformHabits,
  source: TransitionSource,
  bodies: readonly unknown[],
  plainText: string | undefined,
  actorAccountId: string,
): unknown => {
  if (bodies.length === 0) return undefined;
  if (source === 'rest')
    return habits.restCommentReachesValidators ? commentPage(bodies, actorAccountId) : undefined;
  if (habits.screenCommentFormat === 'string') return plainText ?? '';
  if (habits.screenCommentFormat === 'adf') return bodies[0];
  return commentPage(bodies, actorAccountId);
};

/** modifiedFields as the documented validator payload has them: Get-issue format, users as {accountId}, cleared arrays null. */
const modifiedFields = (
  core: SimulatorCore,
  issue: SimIssue,
  edits: FieldEdits,
  actorAccountId: string,
  via: { source: TransitionSource; commentText: string | undefined },
): Record<string, unknown> => {
  const where = { projectId: issue.projectId, issueTypeId: issue.issueTypeId };
  const fields = Object.fromEntries(
    [...edits.values].map(([fieldId, value]) => {
      const field = core.state.fields.get(fieldId);
      if (field === undefined) return [fieldId, value];
      const rendered = renderFieldValue(core.state, field, where, value, {
        baseUrl: core.baseUrl(),
        usersAsAccountIdOnly: true,
      });
      return [fieldId, Array.isArray(rendered) && rendered.length === 0 ? null : rendered];
    }),
  );
  const comment = commentForValidators(
    core.habits,
    via.source,
    edits.comments,
    via.commentText,
    actorAccountId,
  );
  return comment === undefined ? fields : { ...fields, comment };
};

const isEmptyValue = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const runValidator = async (
  core: SimulatorCore,
  issue: SimIssue,
  principal: Principal,
  rule: RuleConfiguration,
  step: {
    from: SimStatus;
    to: SimStatus;
    edits: FieldEdits;
    source: TransitionSource;
    commentText: string | undefined;
  },
): Promise<void> => {
  if (disabled(rule)) return;
  if (rule.ruleKey === 'system:validate-field-value' && rule.parameters.ruleType === 'fieldRequired') {
    for (const fieldId of (rule.parameters.fieldsRequired ?? '').split(',').filter((id) => id !== '')) {
      const value = step.edits.values.has(fieldId)
        ? step.edits.values.get(fieldId)
        : issue.fields.get(fieldId);
      if (isEmptyValue(value)) {
        const name = core.state.fields.get(fieldId)?.name ?? fieldId;
        throw jiraError(400, [rule.parameters.errorMessage ?? `${name} is required.`]);
      }
    }
    return;
  }
  if (rule.ruleKey !== FORGE_RULE_KEYS.validator) return;
  const resolved = core.apps.moduleForRule(rule.parameters.key, 'validator');
  if (resolved === undefined)
    throw jiraError(400, ['The app that provides a validator of this transition is not installed.']);
  const { app, module } = resolved;
  const refuse = (message: string | undefined) =>
    jiraError(400, [
      message ?? module.errorMessage ?? `The transition was refused by the validator ${module.key}.`,
    ]);
  if (module.expression !== undefined) {
    const passed = evaluateExpressionCondition(module.expression, {
      userAccountId: principal.user.accountId,
      reporterAccountId: issue.reporterAccountId,
    });
    if (!passed) throw refuse(undefined);
    return;
  }
  const validate = app.validate?.bind(app);
  if (validate === undefined)
    throw new SimulatorLimitationError(`app ${app.appId} has a validator module but no validate hook`);
  const { habits } = core;
  const fields = modifiedFields(core, issue, step.edits, principal.user.accountId, step);
  const transitionMember = { from: { id: step.from.id }, to: { id: step.to.id } };
  const payload =
    habits.modifiedFieldsPlacement === 'topLevel'
      ? {
          issue: { key: issue.key },
          configuration: deliveredConfig(habits, rule),
          transition: transitionMember,
          modifiedFields: fields,
        }
      : {
          issue: { key: issue.key },
          configuration: deliveredConfig(habits, rule),
          transition: { ...transitionMember, modifiedFields: fields },
        };
  const context = forgeContext(
    core,
    resolved,
    habits.validatorPrincipal === 'present' ? principal.user.accountId : undefined,
  );
  let verdict: { result: boolean; errorMessage?: string };
  try {
    // A validator is a synchronous invocation: Forge kills it at 25 s, and a failed app validator refuses.
    verdict = await withTimeLimit(`validator ${module.key} on ${issue.key}`, habits.syncTimeLimitMs, () =>
      validate(payload, context),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.background.failures.push({ label: `validator ${module.key} on ${issue.key}`, error: message });
    throw jiraError(400, [`The validator ${module.key} failed: ${message}`]);
  }
  if (!verdict.result) throw refuse(verdict.errorMessage);
};

/** The event's `transition` member in the shape sim.habits asks for (README "Platform habits"). */
const eventTransition = (
  habits: PlatformHabits,
  transition: SimTransition,
  from: SimStatus | undefined,
  to: SimStatus,
  executionId: string | undefined,
): PostFunctionEvent['transition'] => {
  const execution = executionId === undefined ? {} : { executionId };
  if (habits.postFunctionTransitionShape === 'flat')
    return {
      id: transition.id,
      transitionName: transition.name,
      ...(from === undefined ? {} : { from_status: from.name }),
      to_status: to.name,
      ...execution,
    };
  return {
    id: transition.id,
    name: transition.name,
    ...(from === undefined ? {} : { from: { id: from.id, name: from.name } }),
    to: { id: to.id, name: to.name },
    ...execution,
  };
};

/**
 * Schedules the transition's Forge post functions after the response (FORGE_NOTES §2 payload), delivered at
 * least once (sometimes twice), killed at the module's timeoutSeconds and retried on InvocationError.
 */
export const schedulePostFunctions = (
  core: SimulatorCore,
  issue: SimIssue,
  workflow: SimWorkflow,
  transition: SimTransition,
  step: {
    from: SimStatus | undefined;
    to: SimStatus;
    history: SimChangeHistory | undefined;
    comment: SimComment | undefined;
    actorAccountId: string;
    source: TransitionSource;
  },
): void => {
  const { habits } = core;
  // CR reports REST-fired transitions without a distinct executionId.
  const executionId =
    step.source === 'rest' && habits.restExecutionId === 'absent' ? undefined : core.state.nextUuid();
  for (const rule of transition.actions) {
    if (rule.ruleKey !== FORGE_RULE_KEYS.postFunction || disabled(rule)) continue;
    const resolved = core.apps.moduleForRule(rule.parameters.key, 'postFunction');
    if (resolved?.app.postFunction === undefined) {
      core.background.failures.push({
        label: `postFunction ${rule.parameters.key ?? '(no key)'} on ${issue.key}`,
        error: 'no installed app provides this post function',
      });
      continue;
    }
    const event: PostFunctionEvent = {
      issue: eventIssue(core, issue),
      transition: eventTransition(habits, transition, step.from, step.to, executionId),
      workflow: { id: workflow.id, name: workflow.name },
      atlassianId: step.actorAccountId,
      changelog: eventChangelog(step.history),
      ...(step.comment === undefined ? {} : { comment: { id: step.comment.id } }),
      configuration: deliveredConfig(habits, rule),
      postFunction: { id: rule.id },
    };
    const { app, module } = resolved;
    const context = forgeContext(core, resolved, step.actorAccountId);
    core.delivery.deliver(
      `postFunction ${module.key} on ${issue.key}`,
      module.timeoutSeconds ?? DEFAULT_ASYNC_TIMEOUT_SECONDS,
      (retryContext) =>
        app.postFunction?.(retryContext === undefined ? event : { ...event, retryContext }, context) ??
        Promise.resolve(undefined),
    );
  }
};

/**
 * With habits.enforceScreens, a transition may set only the fields on its screen (none without a screen), as
 * the document's 400 says: "a field that isn't included on the transition screen is defined in fields or update".
 */
const refuseFieldsOffScreen = (
  core: SimulatorCore,
  transition: SimTransition,
  input: { fields?: Record<string, unknown> | undefined; update?: Record<string, unknown> | undefined },
): void => {
  if (!core.habits.enforceScreens) return;
  const screenId = Number(transition.transitionScreen?.parameters.screenId ?? Number.NaN);
  const screen = Number.isNaN(screenId) ? undefined : core.state.screens.get(screenId);
  const onScreen = new Set(screen?.tabs.flatMap((tab) => tab.fieldIds) ?? []);
  const named = [...Object.keys(input.fields ?? {}), ...Object.keys(input.update ?? {})].filter(
    (id) => id !== 'comment',
  );
  const fieldIdOf = (id: string): string =>
    core.state.fields.get(id)?.id ??
    [...core.state.fields.values()].find((candidate) => candidate.key === id)?.id ??
    id;
  const off = named.filter((id) => !onScreen.has(fieldIdOf(id)));
  if (off.length > 0) throw new FieldErrors(Object.fromEntries(off.map((id) => [id, cannotBeSet(id)])));
};

/**
 * POST /issue/{key}/transitions: conditions, then validators (an app validator's refusal is a 400 with its
 * message), then fields, status and changelog; post functions and the updated event run after the answer. A
 * comment given in `update.comment` reaches the validators in modifiedFields and is added only once they pass.
 */
export const performTransition = async (
  core: SimulatorCore,
  issue: SimIssue,
  principal: Principal,
  transitionId: string,
  input: {
    fields?: Record<string, unknown> | undefined;
    update?: Record<string, unknown> | undefined;
    /** The screen's comment box as typed (for screenCommentFormat 'string'); screen transitions only. */
    commentText?: string | undefined;
    /** Issue properties set with the transition (IssueUpdateDetails.properties), before its post functions run. */
    properties?: readonly { key?: string | undefined; value: unknown }[] | undefined;
  },
  source: TransitionSource = 'rest',
): Promise<void> => {
  const option = listTransitions(core, issue, principal).find(
    (candidate) => candidate.transition.id === transitionId,
  );
  if (option?.available !== true)
    throw jiraError(400, [`Transition id '${transitionId}' is not valid for this issue.`]);
  const { transition, toStatus } = option;
  const from = core.state.statuses.get(issue.statusId);
  if (from === undefined) throw new Error(`issue ${issue.key} has an unknown status ${issue.statusId}`);
  refuseFieldsOffScreen(core, transition, input);
  const edits = prepareEdits(
    core.state,
    issue,
    { projectId: issue.projectId, issueTypeId: issue.issueTypeId },
    input,
  );
  const step = { from, to: toStatus, edits, source, commentText: input.commentText };
  for (const rule of transition.validators) await runValidator(core, issue, principal, rule, step);
  // Validators are awaited: another transition of this issue may have committed meanwhile. Jira applies only
  // the first; the document's 409 is "the issue could not be updated due to a conflicting update".
  if (core.habits.refuseRacingTransitions && issue.statusId !== from.id)
    throw jiraError(409, [
      `It seems that you have tried to perform a workflow operation (${transition.name}) that is not valid for the current state of this issue (${issue.key}). The likely cause is that somebody has changed the issue recently, please look at the issue history for details.`,
    ]);

  const actorAccountId = principal.user.accountId;
  const statusItems =
    from.id === toStatus.id
      ? []
      : [
          {
            field: 'status',
            fieldtype: 'jira' as const,
            fieldId: 'status',
            from: from.id,
            fromString: from.name,
            to: toStatus.id,
            toString: toStatus.name,
          },
        ];
  issue.statusId = toStatus.id;
  const { history, comments } = applyEdits(core.state, issue, edits, actorAccountId, statusItems);
  for (const property of input.properties ?? []) {
    if (property.key !== undefined) issue.properties.set(property.key, property.value);
  }
  const workflow = workflowOf(core, issue);
  schedulePostFunctions(core, issue, workflow, transition, {
    from,
    to: toStatus,
    history,
    comment: comments[0],
    actorAccountId,
    source,
  });
  if (history !== undefined) {
    emitIssueEvent(core, 'avi:jira:updated:issue', issue, actorAccountId, {
      changelog: eventChangelog(history),
      ...(statusItems.length === 0
        ? {}
        : {
            associatedStatuses: [
              { id: toStatus.id, name: toStatus.name },
              { id: from.id, name: from.name },
            ],
          }),
    });
  }
};
