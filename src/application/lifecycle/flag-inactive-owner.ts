/**
 * An exception in force whose risk owner's account is inactive (or deleted) answers to nobody: the sweep flags it
 * for re-assignment with a comment to the requester naming the security groups (ISSUE 7 item 1). Once per owner:
 * the comment is write-once under a key naming the issue and that owner, so a new owner who leaves is flagged anew.
 * Checked when the sweep visits the exception for a due action, which every exception in force has before expiry.
 */
import { allApproverGroups } from '../../domain/rules/actor';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord } from '../../domain/register-schema';
import { isInForce } from '../../domain/vocabulary';
import type { DirectoryPort, IssuesPort } from '../ports/jira-port';
import { inactiveOwnerComment } from './lifecycle-comments';

export const inactiveOwnerKey = (record: ExceptionRecord, ownerAccountId: string): string =>
  `${record.id ?? record.key}:owner-inactive:${ownerAccountId}`;

/**
 * True when the owner is inactive (and the comment is there, now or from before). `shownActive`: the Risk Owner
 * field as just read from Jira carried `active: true` (a REST read gives the user's details as they are now), so
 * the owner is not looked up again; a field without it (the record then defaults to active) is looked up.
 */
export const flagInactiveOwner = async (
  jira: IssuesPort & DirectoryPort,
  record: ExceptionRecord,
  policy: Policy,
  shownActive = false,
): Promise<boolean> => {
  const owner = record.riskOwner;
  if (owner === null || !isInForce(record.status) || shownActive) return false;
  const user = await jira.getUser(owner.accountId);
  if (user !== null && user.active) return false;
  await jira.addComment(record.key, inactiveOwnerComment(record, allApproverGroups(policy)), {
    idempotencyKey: inactiveOwnerKey(record, owner.accountId),
  });
  return true;
};
