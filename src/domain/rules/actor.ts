/**
 * Who the actor is, as the rules need it. Every rule about the actor fails closed with UNKNOWN_ACTOR when the
 * actor could not be established (DESIGN.md §3); evaluateTransition shows that message once.
 */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord, UserRef } from '../register-schema';
import { authorityRating, tierOf } from '../tier';
import { RISK_RATINGS } from '../vocabulary';
import { fail, type Actor, type RuleResult } from './rule';

export const UNKNOWN_ACTOR_CODE = 'actor-unknown';
export const UNKNOWN_ACTOR_MESSAGE =
  "Could not establish who is making this transition, so it is refused. Try again; if it persists, ask a Jira admin to check the app's permissions.";

/** Runs `check` on a known actor; an unknown actor fails closed. */
export const withKnownActor = (actor: Actor, check: (known: NonNullable<Actor>) => RuleResult): RuleResult =>
  actor === null ? fail(UNKNOWN_ACTOR_CODE, UNKNOWN_ACTOR_MESSAGE) : check(actor);

export const isMemberOfAny = (actor: NonNullable<Actor>, groups: readonly string[]): boolean =>
  actor.kind === 'user' && actor.groups.some((group) => groups.includes(group));

/** Whether the actor is this person. The app is never a person. */
export const isPerson = (actor: NonNullable<Actor>, person: UserRef | null): boolean =>
  actor.kind === 'user' && person !== null && actor.accountId === person.accountId;

/** The groups that may decide at the exception's tier (as one record: routing and auto-approve messages). */
export const tierApproverGroups = (exception: ExceptionRecord, policy: Policy): readonly string[] =>
  policy.tiers[tierOf(exception, policy)].approverGroups;

/** The groups that may decide on a transition from `before` to `after`: those of the authority rating. */
export const authorityApproverGroups = (
  before: ExceptionRecord,
  after: ExceptionRecord,
  policy: Policy,
): readonly string[] => policy.tiers[authorityRating(before, after, policy)].approverGroups;

/** Every approver group of every tier, once each, lowest tier first: the reviewers. */
export const allApproverGroups = (policy: Policy): readonly string[] => [
  ...new Set(RISK_RATINGS.flatMap((rating) => policy.tiers[rating].approverGroups)),
];
