/**
 * On install and upgrade: store the default policy as version 1, only when the site has no policy yet (an
 * upgrade must never reset an admin's policy). The save lock is taken so a concurrent first save by an admin and
 * this cannot both write version 1; if the lock is held, that save is creating the policy, and this does nothing.
 */
import { defaultPolicy } from '../../domain/policy-schema';
import type { StorePort } from '../ports/store-port';
import {
  CURRENT_POLICY_KEY,
  CurrentPolicyPointerSchema,
  POLICY_SAVE_LOCK_KEY,
  policyVersionKey,
} from './policy-store';

export type StoreDefaultPolicyOutcome = 'stored' | 'policy-exists' | 'save-in-progress';

const LOCK_SECONDS = 30;

export const storeDefaultPolicy = async (deps: {
  readonly store: StorePort;
}): Promise<StoreDefaultPolicyOutcome> => {
  const { store } = deps;
  if ((await store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema)) !== undefined) return 'policy-exists';
  const lease = await store.acquireLock(POLICY_SAVE_LOCK_KEY, 'install', LOCK_SECONDS);
  if (lease === null) return 'save-in-progress';
  try {
    if ((await store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema)) !== undefined)
      return 'policy-exists';
    const policy = defaultPolicy();
    await store.set(policyVersionKey(policy.version), policy);
    await store.set(CURRENT_POLICY_KEY, { version: policy.version });
    return 'stored';
  } finally {
    await store.releaseLock(lease);
  }
};
