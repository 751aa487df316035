/**
 * Where the versioned policy lives in the app's store (DESIGN.md §4): every version under `policy:v<6 digits>`
 * (zero-padded so the store's key order is version order) and a `policy:current` pointer to the one in force.
 * Versions are never deleted: exceptions record the version they were approved under.
 */
import { z } from 'zod';
import { defaultPolicy, type Policy } from '../../domain/policy-schema';
import { StoredPolicySchema } from '../../domain/stored-policy';
import type { StorePort } from '../ports/store-port';

export const CURRENT_POLICY_KEY = 'policy:current';
export const POLICY_VERSION_PREFIX = 'policy:v';
/** Held while a save checks the current version and writes the next, so two saves cannot both win. */
export const POLICY_SAVE_LOCK_KEY = 'policy:save-lock';

export const CurrentPolicyPointerSchema = z.strictObject({ version: z.number().int().positive() });
export type CurrentPolicyPointer = z.infer<typeof CurrentPolicyPointerSchema>;

export const policyVersionKey = (version: number): string =>
  `${POLICY_VERSION_PREFIX}${String(version).padStart(6, '0')}`;

/** A pointer without its version document is a store that lost data: say so instead of guessing a policy. */
export class MissingPolicyVersionError extends Error {
  constructor(readonly version: number) {
    super(`The current policy points at version ${version}, which is not in the store.`);
    this.name = 'MissingPolicyVersionError';
  }
}

export type PolicyWarn = (message: string) => void;

/** Names the fields only: policy values are the tenant's. */
const warnClamped = (version: number, clamped: readonly string[], warn: PolicyWarn): void => {
  if (clamped.length > 0)
    warn(
      `Policy version ${version} has values outside today's bounds, used at the nearest bound until an admin saves the policy again: ${clamped.join(', ')}.`,
    );
};

/**
 * The policy in force, or undefined when none has been stored yet. A stored value out of today's bounds is clamped
 * to the bound with a warning (stored-policy.ts), so no validator, trigger or KPI fails on an older policy.
 */
export const readCurrentPolicy = async (
  store: StorePort,
  warn: PolicyWarn = console.warn,
): Promise<Policy | undefined> => {
  const pointer = await store.get(CURRENT_POLICY_KEY, CurrentPolicyPointerSchema);
  if (pointer === undefined) return undefined;
  const stored = await store.get(policyVersionKey(pointer.version), StoredPolicySchema);
  if (stored === undefined) throw new MissingPolicyVersionError(pointer.version);
  warnClamped(pointer.version, stored.clamped, warn);
  return stored.policy;
};

/**
 * The policy the rules enforce. Before the install trigger has stored version 1 (or if it failed), the
 * default policy applies: it is exactly what version 1 will be.
 */
export const policyInForce = async (store: StorePort, warn: PolicyWarn = console.warn): Promise<Policy> =>
  (await readCurrentPolicy(store, warn)) ?? defaultPolicy();
