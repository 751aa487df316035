/** getPolicy: the policy in force, for the admin page to show and edit. */
import type { GetPolicyResponse } from '../../contracts/admin-policy';
import type { Answered } from '../../contracts/refusal';
import { defaultPolicy } from '../../domain/policy-schema';
import { adminUseCase } from '../use-case';
import type { PolicyDependencies } from './policy-dependencies';
import { readCurrentPolicy } from './policy-store';
import { notAdminMessage } from './require-jira-admin';

export const getPolicy = adminUseCase(
  notAdminMessage('read the security exception policy here'),
  async (_request: unknown, deps: Pick<PolicyDependencies, 'jiraAsUser' | 'store'>) => {
    const stored = await readCurrentPolicy(deps.store);
    return {
      ok: true,
      policy: stored ?? defaultPolicy(),
      stored: stored !== undefined,
    } satisfies Answered<GetPolicyResponse>;
  },
);
