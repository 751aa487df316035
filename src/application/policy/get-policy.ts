/** getPolicy: the policy in force, for the admin page to show and edit. */
import type { GetPolicyResponse } from '../../contracts/admin-policy';
import { defaultPolicy } from '../../domain/policy-schema';
import type { PolicyDependencies } from './policy-dependencies';
import { readCurrentPolicy } from './policy-store';
import { refuseUnlessJiraAdmin } from './require-jira-admin';

export const getPolicy = async (deps: PolicyDependencies): Promise<GetPolicyResponse> => {
  const refusal = await refuseUnlessJiraAdmin(deps.jiraAsUser, 'read the security exception policy here');
  if (refusal !== null) return refusal;
  const stored = await readCurrentPolicy(deps.store);
  return { ok: true, policy: stored ?? defaultPolicy(), stored: stored !== undefined };
};
