/** listPolicyVersions: who changed the policy when, newest first (DESIGN.md §4: every change is kept). */
import type { ListPolicyVersionsResponse } from '../../contracts/admin-policy';
import type { Answered } from '../../contracts/refusal';
import { StoredPolicySchema } from '../../domain/stored-policy';
import type { PolicyDependencies } from './policy-dependencies';
import { CURRENT_POLICY_KEY, CurrentPolicyPointerSchema, POLICY_VERSION_PREFIX } from './policy-store';
import { adminUseCase } from '../use-case';
import { notAdminMessage } from './require-jira-admin';

/** More versions than an admin page lists; a site that changes its policy weekly reaches it in ten years. */
export const MAX_LISTED_VERSIONS = 500;

export const listPolicyVersions = adminUseCase(
  notAdminMessage('see the versions of the security exception policy'),
  async (
    _request: unknown,
    deps: Pick<PolicyDependencies, 'jiraAsUser' | 'store'>,
  ): Promise<Answered<ListPolicyVersionsResponse>> => {
    const [pointer, entries] = await Promise.all([
      deps.store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema),
      deps.store.listByPrefix(POLICY_VERSION_PREFIX, StoredPolicySchema, MAX_LISTED_VERSIONS),
    ]);
    const versions = entries
      .map(({ value: { policy: value } }) => ({
        version: value.version,
        updatedAt: value.updatedAt,
        updatedBy: value.updatedBy,
        current: value.version === pointer?.version,
      }))
      // A version written by a save that crashed before moving the pointer was never in force.
      .filter((summary) => pointer !== undefined && summary.version <= pointer.version)
      .sort((a, b) => b.version - a.version);
    return { ok: true, versions };
  },
);
