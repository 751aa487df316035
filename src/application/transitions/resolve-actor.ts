/**
 * Who is making a transition (DESIGN.md §3): the account the invocation names (invocation-actor.ts); failing
 * that, the user `GET /myself` answers under asUser (validators run as the transitioning user; the manifest
 * declares `allowImpersonation` on read:jira-user for it). The app's own account is the app; anyone else is a user
 * with their groups. When no source names someone, or two name different people, the actor is null and every
 * rule about the actor fails closed.
 */
import type { Actor } from '../../domain/rules/rule';
import { appAccountId } from './app-account';
import type { ActorClaim } from './invocation-actor';
import type { TransitionDependencies } from './transition-dependencies';

/** The acting user's account from asUser, or null when there is no user to ask. */
const accountFromUserSession = async (
  deps: TransitionDependencies,
  appAccount: string,
): Promise<string | null> => {
  try {
    const { accountId } = await deps.jiraAsUser.myself();
    // An asUser call that fell back to the app's identity says nothing about who is transitioning.
    return accountId === appAccount ? null : accountId;
  } catch {
    // No user context (or no consent): the actor stays unknown and the rules fail closed.
    return null;
  }
};

export const resolveActor = async (claim: ActorClaim, deps: TransitionDependencies): Promise<Actor> => {
  if (claim.kind === 'conflicting') return null;
  const appAccount = await appAccountId(deps);
  const accountId = claim.kind === 'named' ? claim.accountId : await accountFromUserSession(deps, appAccount);
  if (accountId === null || accountId === '') return null;
  if (accountId === appAccount) return { kind: 'app' };
  return { kind: 'user', accountId, groups: await deps.jiraAsApp.groupsOf(accountId) };
};
