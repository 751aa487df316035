/**
 * The app's own say-so for Auto-approve (ISSUE 6 A2), so that the validator does not depend on Forge naming the
 * app as the principal: triage records an intent for the issue just before it makes the transition, and the
 * validator honours it once. The intent lives a minute (KVS TTL, and its own `at`, because expired KVS data can
 * linger for up to 48 h, FORGE_NOTES §10); consuming it claims its nonce with FAIL_IF_EXISTS, so of two
 * validations racing on one intent exactly one is honoured.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StorePort } from '../ports/store-port';

export const AUTO_APPROVE_INTENT_TTL_SECONDS = 60;

const IntentSchema = z.strictObject({ nonce: z.uuid(), at: z.iso.datetime({ offset: true }) });

const intentKey = (issueId: string): string => `auto-approve-intent:${issueId}`;
const consumedKey = (nonce: string): string => `auto-approve-intent-used:${nonce}`;

/** Records the intent for the issue, replacing an earlier one (a crashed triage's) if any. */
export const recordAutoApproveIntent = async (
  store: StorePort,
  issueId: string,
  now: string,
): Promise<void> => {
  const intent = { nonce: randomUUID(), at: now };
  if (await store.setIfAbsent(intentKey(issueId), intent, AUTO_APPROVE_INTENT_TTL_SECONDS)) return;
  await store.delete(intentKey(issueId));
  if (!(await store.setIfAbsent(intentKey(issueId), intent, AUTO_APPROVE_INTENT_TTL_SECONDS)))
    throw new Error('another triage of the same issue is recording an auto-approve intent');
};

/** Withdraws the intent (the transition did not happen, so it must not be honoured later). */
export const withdrawAutoApproveIntent = (store: StorePort, issueId: string): Promise<void> =>
  store.delete(intentKey(issueId));

/** Whether a fresh intent was there and this call is the one that consumed it. */
export const consumeAutoApproveIntent = async (
  store: StorePort,
  issueId: string,
  now: string,
): Promise<boolean> => {
  const intent = await store.get(intentKey(issueId), IntentSchema);
  if (intent === undefined) return false;
  const ageMs = Date.parse(now) - Date.parse(intent.at);
  if (!(ageMs >= 0 && ageMs <= AUTO_APPROVE_INTENT_TTL_SECONDS * 1000)) return false;
  const claimed = await store.setIfAbsent(
    consumedKey(intent.nonce),
    { at: now },
    AUTO_APPROVE_INTENT_TTL_SECONDS,
  );
  if (claimed) await store.delete(intentKey(issueId));
  return claimed;
};
