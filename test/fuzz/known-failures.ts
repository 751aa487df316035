/**
 * The fuzz run's two allow-lists.
 *
 * NOT_IMPLEMENTED: handlers and resolvers whose use cases belong to later issues, rejecting with a
 * NotImplementedError on every input by design (not a crash). None are left; the list stays for the next one.
 *
 * KNOWN_FAILURES: properties the fuzz run found broken in code owned by other work items of ISSUE 6, each with
 * the item that fixes it. The small run (`npm test`) tolerates them so the suite stays green until they are
 * fixed; the full run (`npm run fuzz`) prints each with its smallest counterexample. Remove an entry once its fix
 * is merged: the run then fails if the property breaks again.
 */

export const VIOLATIONS = [
  /** The handler threw (or rejected) instead of answering a refusal. */
  'throws',
  /** Jira or the app's store was written although the input was refused. */
  'write-on-refusal',
  /** A validator wrote to Jira (validators only read). */
  'validator-wrote',
  /** A caller who is not a Jira admin got a successful answer from an admin resolver. */
  'non-admin-success',
  /** A non-admin was answered something other than `not-admin`: the payload was examined before the admin check. */
  'payload-before-admin-check',
  /** A message (errorMessage, error.message, problems[].message) is longer than MESSAGE_CAP. */
  'message-over-cap',
  /** The answer is not of the shape the caller expects (Jira's validator answer, the resolver contract). */
  'malformed-answer',
] as const;
export type Violation = (typeof VIOLATIONS)[number];

/** Targets (see fuzz-targets.ts) that reject with NotImplementedError by design. */
export const NOT_IMPLEMENTED = new Set<string>();

export interface KnownFailure {
  readonly target: string;
  readonly violation: Violation;
  /** What is wrong and which item of ISSUE 6 fixes it. */
  readonly why: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];

export const isKnown = (target: string, violation: Violation): boolean =>
  KNOWN_FAILURES.some((known) => known.target === target && known.violation === violation);
