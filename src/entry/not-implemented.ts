import Resolver from '@forge/resolver';

/**
 * Thrown by a handler whose use case has not been built yet. Failing loudly is the point: a placeholder that
 * answered a fake success would let a transition through, or show made-up numbers, without anyone noticing.
 */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError';

  /** @param what the handler or resolver, as the manifest or the front end names it
   *  @param issue the Jira issue that completes it */
  constructor(what: string, issue: string) {
    super(`${what} is not implemented yet (the Jira issue: ${issue})`);
  }
}

/** A handler that always rejects with a NotImplementedError naming the manifest function key. */
export const notImplementedHandler =
  (functionKey: string, issue: string) =>
  (..._event: unknown[]): Promise<never> =>
    Promise.reject(new NotImplementedError(functionKey, issue));

/**
 * A `@forge/resolver` definitions handler in which every resolver the front end may call is defined and
 * rejects with a NotImplementedError naming the resolver and its function key.
 *
 * @param issueOf the Jira issue that completes each resolver
 */
export const notImplementedResolver = <Name extends string>(
  functionKey: string,
  issueOf: Readonly<Record<Name, string>>,
): ReturnType<Resolver['getDefinitions']> => {
  const resolver = new Resolver();
  for (const [name, issue] of Object.entries<string>(issueOf)) {
    resolver.define(name, () => Promise.reject(new NotImplementedError(`${name} (${functionKey})`, issue)));
  }
  return resolver.getDefinitions();
};
