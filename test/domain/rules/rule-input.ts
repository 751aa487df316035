/** Builds a RuleInput for one rule's tests: the default record as stored and as edited, an approver, 2026-11-21. */
import { defaultPolicy, type Policy } from '../../../src/domain/policy-schema';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import type { Actor, RuleInput, RuleResult, TransitionInput } from '../../../src/domain/rules/rule';
import { BUILDER_NOW, generateException } from '../../builders/exception-record';

export const NOW = BUILDER_NOW;

export const REVIEWER: Actor = { kind: 'user', accountId: 'acc-reviewer-cy', groups: ['security-reviewers'] };
export const EXECUTIVE: Actor = { kind: 'user', accountId: 'acc-ceo-dee', groups: ['c-level', 'jira-users'] };
export const OUTSIDER: Actor = { kind: 'user', accountId: 'acc-dev-eve', groups: ['jira-users'] };
export const APP: Actor = { kind: 'app' };
export const user = (accountId: string, groups: readonly string[] = []): Actor => ({
  kind: 'user',
  accountId,
  groups,
});

export interface Scenario {
  /** Overrides applied to both the stored record and the edited one. */
  readonly record?: Partial<ExceptionRecordInput>;
  /** Overrides applied on top, to the edited record only (the transition screen's edits). */
  readonly edits?: Partial<ExceptionRecordInput>;
  readonly actor?: Actor;
  readonly policy?: Partial<Policy>;
  readonly transition?: Partial<TransitionInput>;
  readonly now?: string;
}

export const ruleInput = (scenario: Scenario = {}): RuleInput => ({
  transition: { name: 'approve', comment: '', ...scenario.transition },
  before: generateException(scenario.record),
  after: generateException({ ...scenario.record, ...scenario.edits }),
  actor: scenario.actor === undefined ? REVIEWER : scenario.actor,
  policy: { ...defaultPolicy(), ...scenario.policy },
  now: scenario.now ?? NOW,
});

export const PASSES: RuleResult = { ok: true };
export const fails = (code: string, message: string): RuleResult => ({ ok: false, code, message });
export const UNKNOWN_ACTOR = fails(
  'actor-unknown',
  "Could not establish who is making this transition, so it is refused. Try again; if it persists, ask a Jira admin to check the app's permissions.",
);
