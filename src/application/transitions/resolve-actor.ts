/**
 * Who is making a transition (DESIGN.md §3): the invocation context's `principal.accountId`; failing that, the
 * user `GET /myself` answers under asUser (validators run as the transitioning user). The app's own account is
 * the app; anyone else is a user with their groups. When neither source names someone the actor is null, and
 * every rule about the actor fails closed.
 */
import type { Actor } from '../../domain/rules/rule';
import { appAccountId } from './app-account';
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

export const resolveActor = async (
  principalAccountId: string | undefined,
  deps: TransitionDependencies,
): Promise<Actor> => {
  const appAccount = await appAccountId(deps);
  const accountId = principalAccountId ?? (await accountFromUserSession(deps, appAccount));
  if (accountId === null || accountId === '') return null;
  if (accountId === appAccount) return { kind: 'app' };
  return { kind: 'user', accountId, groups: await deps.jiraAsApp.groupsOf(accountId) };
};
