/**
 * The Risk Owner as Jira knows them now: a deleted account is gone (inactive), a deactivated one is inactive.
 * The issue (and a validator's `modifiedFields`, which has `{accountId}` only) cannot be trusted for that.
 */
import type { ExceptionRecord } from '../../domain/register-schema';
import type { DirectoryPort } from '../ports/jira-port';

export const withRiskOwnerStatus = async (
  record: ExceptionRecord,
  directory: DirectoryPort,
): Promise<ExceptionRecord> => {
  if (record.riskOwner === null) return record;
  const user = await directory.getUser(record.riskOwner.accountId);
  return {
    ...record,
    riskOwner: {
      accountId: record.riskOwner.accountId,
      displayName: user?.displayName ?? record.riskOwner.displayName,
      active: user?.active ?? false,
    },
  };
};
