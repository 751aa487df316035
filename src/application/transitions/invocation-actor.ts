/**
 * Who a validator invocation says is acting (ISSUE 6 A2). Nothing validator-specific is documented: the shared
 * context type makes `principal` optional (FORGE_NOTES §16), so every place the account id is documented or
 * reported to arrive is read:
 * - `context.principal.accountId`: the documented context of every Forge function (function-reference/arguments;
 *   product-event handlers get `(event, context{principal, …})`, FORGE_NOTES §6);
 * - `context.principal` as a plain string: a variant seen in third-party handlers that log the context;
 * - `context.accountId`: the name the Custom UI context gives the viewer (FullContext, FORGE_NOTES §8), which a
 *   runtime may flatten into a function's context;
 * - `payload.user.accountId`: the expression validator's `user` variable (jira-workflow-validator, "Context
 *   variables"), should a function validator receive it too;
 * - `payload.atlassianId`: the actor's name in the post-function event (FORGE_NOTES §2), should a validator
 *   receive it too.
 * All the ids present must agree: two different people named as the actor is a payload nobody can trust, and
 * the actor is then unknown (every rule about the actor fails closed). None present: unknown too, and the use
 * case may still ask Jira who the user session is.
 */
import { z } from 'zod';

export type ActorClaim =
  | { readonly kind: 'named'; readonly accountId: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'conflicting' };

const AccountId = z.string().trim().min(1).max(128);

const SOURCES: readonly ((payload: unknown, context: unknown) => unknown)[] = [
  (_payload, context) =>
    z.object({ principal: z.object({ accountId: AccountId }) }).safeParse(context).data?.principal.accountId,
  (_payload, context) => z.object({ principal: AccountId }).safeParse(context).data?.principal,
  (_payload, context) => z.object({ accountId: AccountId }).safeParse(context).data?.accountId,
  (payload) => z.object({ user: z.object({ accountId: AccountId }) }).safeParse(payload).data?.user.accountId,
  (payload) => z.object({ atlassianId: AccountId }).safeParse(payload).data?.atlassianId,
];

/** The actor the invocation names, read from every known place; conflicting names count as none to trust. */
export const claimedActor = (payload: unknown, context: unknown): ActorClaim => {
  const named = new Set(
    SOURCES.map((source) => source(payload, context)).filter((id): id is string => typeof id === 'string'),
  );
  const [only] = named;
  if (named.size > 1) return { kind: 'conflicting' };
  return only === undefined ? { kind: 'none' } : { kind: 'named', accountId: only };
};
