/**
 * The people and projects a register (DESIGN.md §7) implies, for seeding a simulated site: every requester, risk
 * owner and history actor becomes a user; whoever decided as an approver joins an approver group of the policy's
 * authority tier for that exception, so Jira's approver-group restriction and the app's rules let them decide again; the
 * projects are the issue keys' prefixes. Pure: the seed applies the result to the simulator.
 */
import type { Policy } from '../../src/domain/policy-schema';
import type { ExceptionRecord, Register } from '../../src/domain/register-schema';
import { authorityApproverGroups } from '../../src/domain/rules/actor';
import type { HistoryAction } from '../../src/domain/vocabulary';

/** Holds Browse projects (and so create, comment, transition) on every seeded project. */
export const PARTICIPANTS_GROUP = 'security-exceptions-participants';

export interface SeedPerson {
  readonly accountId: string;
  /** The register's display name; the account id when the register names the person only in history. */
  readonly displayName: string;
  /** False when any record names them as an inactive risk owner. */
  readonly active: boolean;
  /** Group names, sorted: the participants group and the approver groups they decided in. */
  readonly groups: readonly string[];
}

/** Actions only an approver of the tier takes (a recertification by someone other than the risk owner too). */
const APPROVER_ACTIONS: readonly HistoryAction[] = ['approved', 'rejected', 'info-requested'];

const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

/** The distinct project keys of the register, sorted. */
export const registerProjects = (register: Register): string[] =>
  [...new Set(register.exceptions.map((exception) => projectKeyOf(exception.key)))].sort();

const approversOf = (exception: ExceptionRecord): string[] =>
  exception.history.flatMap(({ action, by }) =>
    by !== null &&
    (APPROVER_ACTIONS.includes(action) || (action === 'recertified' && by !== exception.riskOwner?.accountId))
      ? [by]
      : [],
  );

/** Every person of the register, sorted by account id. */
export const registerPeople = (register: Register, policy: Policy): SeedPerson[] => {
  const people = new Map<string, { displayName: string; active: boolean; groups: Set<string> }>();
  const person = (accountId: string, displayName = '') => {
    let found = people.get(accountId);
    if (found === undefined) {
      found = { displayName, active: true, groups: new Set([PARTICIPANTS_GROUP]) };
      people.set(accountId, found);
    } else if (found.displayName === '') found.displayName = displayName;
    return found;
  };
  for (const exception of register.exceptions) {
    person(exception.requester.accountId, exception.requester.displayName);
    const owner = exception.riskOwner;
    if (owner !== null && !owner.active) person(owner.accountId, owner.displayName).active = false;
    else if (owner !== null) person(owner.accountId, owner.displayName);
    for (const entry of exception.history) if (entry.by !== null) person(entry.by);
    // The rules ask for a group of the authority rating (the higher of the provisional and the Risk Rating,
    // domain/tier.ts); any one of its groups suffices, so the first named in the policy is joined.
    const group = authorityApproverGroups(exception, exception, policy)[0];
    if (group !== undefined)
      for (const approver of approversOf(exception)) person(approver).groups.add(group);
  }
  return [...people.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountId, { displayName, active, groups }]) => ({
      accountId,
      displayName: displayName === '' ? accountId : displayName,
      active,
      groups: [...groups].sort(),
    }));
};
