/**
 * The Risk Owner as Jira knows them now: a deleted account is gone (inactive), a deactivated one is inactive.
 * The issue (and a validator's `modifiedFields`, which has `{accountId}` only) cannot be trusted for that. Also
 * whether they are a person who can see the issue (ISSUE 6 B1): not the app's account (nor any app's), and
 * someone Jira lets browse the issue (GET /user/viewissue/search).
 */
import type { ExceptionRecord } from '../../domain/register-schema';
import type { RiskOwnerAccess } from '../../domain/rules/rule';
import type { DirectoryPort } from '../ports/jira-port';

export interface RiskOwnerStatus {
  readonly record: ExceptionRecord;
  /** Undefined when there is no Risk Owner. */
  readonly access: RiskOwnerAccess | undefined;
}

export const withRiskOwnerStatus = async (
  record: ExceptionRecord,
  directory: DirectoryPort,
  appAccount: string,
): Promise<RiskOwnerStatus> => {
  if (record.riskOwner === null) return { record, access: undefined };
  const { accountId } = record.riskOwner;
  const [user, canBrowse] = await Promise.all([
    directory.getUser(accountId),
    directory.canBrowseIssue(accountId, record.key),
  ]);
  return {
    record: {
      ...record,
      riskOwner: {
        accountId,
        displayName: user?.displayName ?? record.riskOwner.displayName,
        active: user?.active ?? false,
      },
    },
    access: { isPerson: accountId !== appAccount && user?.accountType !== 'app', canBrowse },
  };
};
