/**
 * savePolicy: a new policy version (DESIGN.md §4). The new version is the current one + 1, stamped with who saved
 * it and when; earlier versions stay in the store. Optimistic concurrency: the admin says which version they
 * edited, and a save based on an outdated one is refused. A short lock makes "check the version, write the next"
 * one step, so two admins saving at once cannot both get the same number.
 */
import type { SavePolicyRequest, SavePolicyResponse } from '../../contracts/admin-policy';
import type { Answered } from '../../contracts/refusal';
import type { Policy } from '../../domain/policy-schema';
import { RefusalError } from '../refusal-error';
import { adminUseCase } from '../use-case';
import { checkPolicy } from './policy-problems';
import type { PolicyDependencies } from './policy-dependencies';
import {
  CURRENT_POLICY_KEY,
  CurrentPolicyPointerSchema,
  POLICY_SAVE_LOCK_KEY,
  policyVersionKey,
} from './policy-store';
import { notAdminMessage } from './require-jira-admin';

/** Long enough for two store writes; short enough that a crashed save does not block the next one for long. */
const SAVE_LOCK_SECONDS = 30;

type Saved = Answered<SavePolicyResponse>;

const conflict = (message: string): RefusalError => new RefusalError('version-conflict', message);

const versionWords = (version: number | null): string =>
  version === null ? 'the default policy' : `version ${version}`;

const saveLocked = async (
  request: SavePolicyRequest,
  deps: PolicyDependencies,
  updatedBy: string,
): Promise<Saved> => {
  const current = (await deps.store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema))?.version ?? null;
  if (current !== request.baseVersion)
    throw conflict(
      `The policy has changed since you opened it: you edited ${versionWords(request.baseVersion)}, and ${versionWords(current)} is now in force. Nothing was saved; reload the policy, make your changes again and save.`,
    );
  const stamp = { version: (current ?? 0) + 1, updatedAt: deps.clock.now(), updatedBy };
  const check = checkPolicy(request.policy, stamp);
  if (!check.ok)
    throw new RefusalError(
      'invalid-policy',
      'The policy was not saved: fix the problems listed and save again.',
      { problems: check.problems },
    );
  const policy: Policy = check.policy;
  // The version first, then the pointer: a crash between leaves an unreferenced version the next save overwrites.
  await deps.store.set(policyVersionKey(policy.version), policy);
  await deps.store.set(CURRENT_POLICY_KEY, { version: policy.version });
  return { ok: true, policy };
};

export const savePolicy = adminUseCase(
  notAdminMessage('change the security exception policy'),
  async (request: SavePolicyRequest, deps: PolicyDependencies): Promise<Saved> => {
    const { accountId } = await deps.jiraAsUser.myself();
    // A save that crashed leaves its lock behind until the TTL runs out; acquireLock then takes it over atomically.
    const lease = await deps.store.acquireLock(POLICY_SAVE_LOCK_KEY, accountId, SAVE_LOCK_SECONDS);
    if (lease === null)
      throw conflict(
        'Another policy change is being saved at this moment. Nothing was saved; reload the policy and try again.',
      );
    try {
      return await saveLocked(request, deps, accountId);
    } finally {
      await deps.store.releaseLock(lease);
    }
  },
);
