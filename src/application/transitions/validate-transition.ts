/**
 * The use case behind the app's function validator (DESIGN.md §3): read the issue as the app, lay the transition
 * screen's edits over it, learn who is acting, and evaluate the policy rules of the transition the validator's
 * configuration names. Every violated rule is returned, one message a line. Anything that stops the check
 * (no setup, Jira unavailable) refuses the transition: a policy gate that fails open is no gate.
 */
import { evaluateTransition, formatViolations } from '../../domain/evaluate-transition';
import type { TransitionName } from '../../domain/rules/rule';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { transitionReason, type ModifiedFields } from '../issue-mapping/modified-fields';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyInForce } from '../policy/policy-store';
import { resolveActor } from './resolve-actor';
import { withRiskOwnerStatus } from './risk-owner-status';
import { NOT_SET_UP_MESSAGE, readSiteConfig } from './site-config-of';
import { isTransitionName, TRANSITION_NAMES } from './transition-catalog';
import type { TransitionDependencies } from './transition-dependencies';

export interface ValidateTransitionRequest {
  readonly issueKey: string;
  /** The rule's configuration as setup saved it, e.g. {"transition":"approve"}. */
  readonly configuration: unknown;
  readonly modifiedFields: ModifiedFields;
  /** `context.principal.accountId` of the invocation, when Forge sent one. */
  readonly principalAccountId: string | undefined;
}

/** What Jira expects back from a function validator (FORGE_NOTES §1). */
export type ValidatorAnswer =
  { readonly result: true } | { readonly result: false; readonly errorMessage: string };

export interface ValidationOutcome {
  readonly answer: ValidatorAnswer;
  /** The name of the error that stopped the check, for the log; absent when the rules were evaluated. */
  readonly failure?: string;
}

export const CHECK_FAILED_MESSAGE =
  'The security exception policy could not be checked just now, so the transition is refused. Try again in a minute; if it keeps failing, ask a Jira admin to look at the app.';

export const unknownTransitionMessage = (configured: unknown): string =>
  `This validator is not configured with a transition the Security Exceptions app knows (it has ${configured === undefined ? 'nothing' : JSON.stringify(configured)}), so the transition is refused. A Jira admin can fix it by running the app's setup again, or by setting the validator's configuration to {"transition": "…"} with one of: ${TRANSITION_NAMES.join(', ')}.`;

const refuse = (errorMessage: string): ValidatorAnswer => ({ result: false, errorMessage });

const configuredTransition = (configuration: unknown): unknown =>
  typeof configuration === 'object' && configuration !== null && 'transition' in configuration
    ? configuration.transition
    : undefined;

const evaluate = async (
  name: TransitionName,
  request: ValidateTransitionRequest,
  deps: TransitionDependencies,
): Promise<ValidatorAnswer> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return refuse(NOT_SET_UP_MESSAGE);
  const issue = await deps.jiraAsApp.getIssue(request.issueKey, {
    fields: exceptionFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  const after = toExceptionRecord(issue, config, { overlay: request.modifiedFields });
  if (!after.ok) return refuse(after.problems.join('\n'));
  // The stored issue may lack a type the screen is setting now; `before` is read for people and history only.
  const before = toExceptionRecord(issue, config, { typeWhenMissing: after.record.type });
  if (!before.ok) return refuse(before.problems.join('\n'));

  const [policy, actor, checkedAfter] = await Promise.all([
    policyInForce(deps.store),
    resolveActor(request.principalAccountId, deps),
    withRiskOwnerStatus(after.record, deps.jiraAsApp),
  ]);
  const transition = {
    name,
    comment: transitionReason(request.modifiedFields, config.fields.decisionReason),
  };
  const evaluation = evaluateTransition(
    transition,
    before.record,
    checkedAfter,
    actor,
    policy,
    deps.clock.now(),
  );
  return evaluation.ok ? { result: true } : refuse(formatViolations(evaluation.violations));
};

export const validateTransition = async (
  request: ValidateTransitionRequest,
  deps: TransitionDependencies,
): Promise<ValidationOutcome> => {
  const configured = configuredTransition(request.configuration);
  if (!isTransitionName(configured)) return { answer: refuse(unknownTransitionMessage(configured)) };
  try {
    return { answer: await evaluate(configured, request, deps) };
  } catch (error) {
    return {
      answer: refuse(CHECK_FAILED_MESSAGE),
      failure: error instanceof Error ? error.name : 'unknown error',
    };
  }
};
