/**
 * The use case behind the app's function validator (DESIGN.md §3): read the issue as the app, lay the transition
 * screen's edits over it, learn who is acting, and evaluate the policy rules of the transition the validator's
 * configuration names. Every violated rule is returned, one message a line. Anything that stops the check
 * (no setup, Jira unavailable) refuses the transition: a policy gate that fails open is no gate.
 */
import { evaluateTransition } from '../../domain/evaluate-transition';
import type { Actor, TransitionName } from '../../domain/rules/rule';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { transitionReason, type ModifiedFields } from '../issue-mapping/modified-fields';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyInForce } from '../policy/policy-store';
import { appAccountId } from './app-account';
import { consumeAutoApproveIntent } from './auto-approve-intent';
import { honourImportIntent } from './import-intent';
import { boundLines } from '../../domain/message-bounds';
import type { ActorClaim } from './invocation-actor';
import { resolveActor } from './resolve-actor';
import { readRuleConfiguration } from './rule-configuration';
import { withRiskOwnerStatus } from './risk-owner-status';
import { NOT_SET_UP_MESSAGE, readSiteConfig } from './site-config-of';
import { isTransitionName, TRANSITION_NAMES } from './transition-catalog';
import type { TransitionDependencies } from './transition-dependencies';

export interface ValidateTransitionRequest {
  readonly issueKey: string;
  /** The rule's configuration as setup saved it, e.g. {"transition":"approve"}. */
  readonly configuration: unknown;
  readonly modifiedFields: ModifiedFields;
  /** Who the invocation says is acting (invocation-actor.ts). */
  readonly actorClaim: ActorClaim;
}

export interface ValidateTransitionOptions {
  /** The whole check's time budget; past it the transition is refused (Forge stops a function at 25 s). */
  readonly timeBudgetMs?: number;
}

/** Well under Forge's 25 s limit for synchronous functions (FORGE_NOTES §11), leaving time to answer. */
export const VALIDATOR_TIME_BUDGET_MS = 20_000;

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

export const OUT_OF_TIME_MESSAGE =
  'The security exception policy could not be checked in time (Jira was too slow to answer), so the transition is refused. Try again in a minute; if it keeps happening, ask a Jira admin to look at the app.';

// Names the configuration member, never its value: the configuration is text an admin (or a payload) supplied.
export const unknownTransitionMessage = (configured: unknown): string =>
  `This validator is not configured with a transition the Security Exceptions app knows (its "transition" is ${configured === undefined ? 'missing' : 'not one of them'}), so the transition is refused. A Jira admin can fix it by running the app's setup again, or by setting the validator's configuration to {"transition": "…"} with one of: ${TRANSITION_NAMES.join(', ')}.`;

const refuse = (errorMessage: string | readonly string[]): ValidatorAnswer => ({
  result: false,
  errorMessage: boundLines(typeof errorMessage === 'string' ? [errorMessage] : errorMessage),
});

class OutOfTimeError extends Error {
  override readonly name = 'OutOfTimeError';
}

/** The check, or OutOfTimeError once the budget is spent (the check itself cannot be cancelled; its answer is dropped). */
const withinBudget = async <T>(work: Promise<T>, budgetMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new OutOfTimeError());
    }, budgetMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Auto-approve is the app's, on its own say-so (auto-approve-intent.ts), not on who Forge names: honoured once
 * when triage recorded the intent and no person is named as the actor; a person, or no intent, is refused by the
 * auto-approve-not-by-app rule (which passes only the app).
 */
const autoApproveActor = async (
  actor: Actor,
  issueId: string,
  deps: TransitionDependencies,
): Promise<Actor> => {
  const intended = await consumeAutoApproveIntent(deps.store, issueId, deps.clock.now());
  if (actor?.kind === 'user') return actor;
  return intended ? { kind: 'app' } : null;
};

/** The transition the rule's configuration names, whether Forge delivered it as an object or as JSON text. */
const configuredTransition = (configuration: unknown): unknown =>
  readRuleConfiguration(configuration).configured;

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
  // The import replaying a register's decision as the app (import-intent.ts): honoured once, never for a person.
  if (await honourImportIntent(issue.id, name, request.actorClaim, deps)) return { result: true };
  const after = toExceptionRecord(issue, config, { overlay: request.modifiedFields });
  if (!after.ok) return refuse(after.problems);
  // The stored issue may lack a type the screen is setting now; `before` is read for people and history only.
  const before = toExceptionRecord(issue, config, { typeWhenMissing: after.record.type });
  if (!before.ok) return refuse(before.problems);

  const appAccount = await appAccountId(deps);
  const [policy, resolved, owner] = await Promise.all([
    policyInForce(deps.store),
    resolveActor(request.actorClaim, deps),
    withRiskOwnerStatus(after.record, deps.jiraAsApp, appAccount),
  ]);
  const actor = name === 'auto-approve' ? await autoApproveActor(resolved, issue.id, deps) : resolved;
  const transition = {
    name,
    comment: transitionReason(request.modifiedFields, config.fields.decisionReason),
  };
  const evaluation = evaluateTransition(
    transition,
    before.record,
    owner.record,
    actor,
    policy,
    deps.clock.now(),
    owner.access,
  );
  return evaluation.ok
    ? { result: true }
    : refuse(evaluation.violations.map((violation) => violation.message));
};

export const validateTransition = async (
  request: ValidateTransitionRequest,
  deps: TransitionDependencies,
  options: ValidateTransitionOptions = {},
): Promise<ValidationOutcome> => {
  const configured = configuredTransition(request.configuration);
  if (!isTransitionName(configured)) return { answer: refuse(unknownTransitionMessage(configured)) };
  try {
    const budget = options.timeBudgetMs ?? VALIDATOR_TIME_BUDGET_MS;
    return { answer: await withinBudget(evaluate(configured, request, deps), budget) };
  } catch (error) {
    return {
      answer: refuse(error instanceof OutOfTimeError ? OUT_OF_TIME_MESSAGE : CHECK_FAILED_MESSAGE),
      failure: error instanceof Error ? error.name : 'unknown error',
    };
  }
};
