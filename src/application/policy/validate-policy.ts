/** validatePolicy: every problem of a draft policy, so the admin page can show them before saving. */
import type { ValidatePolicyRequest, ValidatePolicyResponse } from '../../contracts/admin-policy';
import { checkPolicy } from './policy-problems';
import type { PolicyDependencies } from './policy-dependencies';
import { refuseUnlessJiraAdmin } from './require-jira-admin';

export const validatePolicy = async (
  request: ValidatePolicyRequest,
  deps: Pick<PolicyDependencies, 'jiraAsUser'>,
): Promise<ValidatePolicyResponse> => {
  const refusal = await refuseUnlessJiraAdmin(deps.jiraAsUser, 'check a security exception policy');
  if (refusal !== null) return refusal;
  // The stamp is the server's on save; any valid one will do to check the rest of the document.
  const check = checkPolicy(request.policy, { version: 1, updatedAt: null, updatedBy: null });
  return { ok: true, valid: check.ok, problems: check.ok ? [] : check.problems };
};
