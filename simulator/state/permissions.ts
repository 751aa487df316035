import type { SimGroup, SimProject, SimSecurityLevel, SimUser } from './model';

/** Who is acting: a user (possibly impersonated by the app) or the app itself (asApp). */
export interface Principal {
  readonly user: SimUser;
  readonly isApp: boolean;
}

export const groupsOf = (groups: Iterable<SimGroup>, accountId: string): SimGroup[] =>
  [...groups].filter((group) => group.members.has(accountId));

const inAnyGroup = (groups: Iterable<SimGroup>, accountId: string, names: readonly string[]): boolean =>
  groupsOf(groups, accountId).some((group) => names.includes(group.name));

/** The app (asApp) holds the admin scopes of its manifest; site admins hold ADMINISTER. */
export const isAdmin = (principal: Principal): boolean => principal.isApp || principal.user.siteAdmin;

export const canBrowse = (groups: Iterable<SimGroup>, principal: Principal, project: SimProject): boolean => {
  if (principal.isApp || (principal.user.siteAdmin && principal.user.browsesEveryProject !== false))
    return true;
  if (!principal.user.active) return false;
  return project.browse === 'everyone' || inAnyGroup(groups, principal.user.accountId, project.browse);
};

export const canAdministerProject = (
  groups: Iterable<SimGroup>,
  principal: Principal,
  project: SimProject,
): boolean => isAdmin(principal) || inAnyGroup(groups, principal.user.accountId, project.administerGroups);

/** Issue security (SimSecurityLevel): the app sees every level; a person only the levels of their groups. */
export const canSeeLevel = (
  groups: Iterable<SimGroup>,
  principal: Principal,
  level: SimSecurityLevel | undefined,
): boolean =>
  level === undefined || principal.isApp || inAnyGroup(groups, principal.user.accountId, level.groups);
