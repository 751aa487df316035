/**
 * The one way a Custom UI app calls its resolver: `invoke(name, payload)` through @forge/bridge, the answer parsed
 * with the contract's schema from src/contracts (never cast). A refusal (`{ ok: false, error }`) is an answer the
 * page shows; a failed call, or an answer that is not the contract's shape, is a ResolverCallError the page shows
 * too. Nothing is swallowed.
 */
import { invoke } from '@forge/bridge';
import type { z } from 'zod';

export class ResolverCallError extends Error {
  override readonly name = 'ResolverCallError';
}

type InvokePayload = Parameters<typeof invoke>[1];

export const callResolver = async <Schema extends z.ZodType>(
  name: string,
  payload: InvokePayload,
  schema: Schema,
): Promise<z.infer<Schema>> => {
  let answer: unknown;
  try {
    answer = await invoke(name, payload);
  } catch {
    throw new ResolverCallError(
      `The app could not reach its server (${name}). Reload the page; if it keeps failing, ask a Jira admin to look at the app.`,
    );
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success)
    throw new ResolverCallError(
      `The app's server answered ${name} in a shape this page does not know. Reload the page: the app may just have been updated.`,
    );
  return parsed.data;
};
