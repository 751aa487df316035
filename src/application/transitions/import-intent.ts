/**
 * The import's own say-so for the moves that bring an imported exception to its register status (ISSUE 7 item 4).
 * An imported row already carries its history (who approved, when, for which period) in the lifecycle property the
 * issue was created with; the app then walks the issue through the workflow as the app. Those moves are the app
 * replaying a decision already made, not a new one, so:
 * - the validator lets the move through when the import recorded an intent for exactly this issue and transition
 *   less than a minute ago, the actor is not a person, and this validation is the one that claims the intent's
 *   nonce (FAIL_IF_EXISTS): once per intent, like the auto-approve intent (auto-approve-intent.ts);
 * - the post function of that move records nothing (the history is already there), once per intent, for the one
 *   event that claims it (a redelivery of the same event is recognised by its execution or changelog id).
 * Why a user cannot use it: the intent is in the app's storage, which only the app writes, and only the admin-only
 * import writes it, for an issue it created itself; a person's transition is never honoured by it (the validator
 * checks the actor is not a user, the post function that the actor is the app or unnamed), and an intent is
 * honoured once and only within its minute.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TransitionName } from '../../domain/rules/rule';
import type { StorePort } from '../ports/store-port';
import { appAccountId } from './app-account';
import type { ActorClaim } from './invocation-actor';
import { resolveActor } from './resolve-actor';
import type { TransitionDependencies } from './transition-dependencies';

/** How long after the import records it the validator honours an intent. */
export const IMPORT_INTENT_SECONDS = 60;
/** How long the claims are kept: longer than the platform retries a post function event (a day). */
const CLAIM_SECONDS = 7 * 24 * 60 * 60;

const IntentSchema = z.strictObject({ nonce: z.uuid(), at: z.iso.datetime({ offset: true }) });
const RecordedSchema = z.strictObject({ event: z.string() });

const intentKey = (issueId: string, transition: TransitionName): string =>
  `import-intent:${issueId}:${transition}`;
const honouredKey = (nonce: string): string => `import-intent-honoured:${nonce}`;
const recordedKey = (nonce: string): string => `import-intent-recorded:${nonce}`;

/** Records (or replaces) the intent for the move the import is about to make. */
export const recordImportIntent = (
  store: StorePort,
  issueId: string,
  transition: TransitionName,
  now: string,
): Promise<void> => store.set(intentKey(issueId, transition), { nonce: randomUUID(), at: now });

/** Validator side: whether this validation is the import's own move, honoured now (and never again). */
export const honourImportIntent = async (
  issueId: string,
  transition: TransitionName,
  actorClaim: ActorClaim,
  deps: TransitionDependencies,
): Promise<boolean> => {
  const intent = await deps.store.get(intentKey(issueId, transition), IntentSchema);
  if (intent === undefined) return false;
  const now = deps.clock.now();
  const ageMs = Date.parse(now) - Date.parse(intent.at);
  if (!(ageMs >= 0 && ageMs <= IMPORT_INTENT_SECONDS * 1000)) return false;
  const actor = await resolveActor(actorClaim, deps);
  if (actor?.kind === 'user') return false;
  return deps.store.setIfAbsent(honouredKey(intent.nonce), { at: now }, CLAIM_SECONDS);
};

/**
 * Post function side: whether the event is the import's honoured move (so its history is already recorded).
 * `eventId` is the event's execution id, else its changelog id.
 */
export const isImportedMove = async (
  issueId: string,
  transition: TransitionName,
  actorAccountId: string | undefined,
  eventId: string,
  deps: TransitionDependencies,
): Promise<boolean> => {
  const intent = await deps.store.get(intentKey(issueId, transition), IntentSchema);
  if (intent === undefined) return false;
  if ((await deps.store.get(honouredKey(intent.nonce), z.unknown())) === undefined) return false;
  if (actorAccountId !== undefined && actorAccountId !== (await appAccountId(deps))) return false;
  if (await deps.store.setIfAbsent(recordedKey(intent.nonce), { event: eventId }, CLAIM_SECONDS)) return true;
  const recorded = await deps.store.get(recordedKey(intent.nonce), RecordedSchema);
  return recorded?.event === eventId;
};
