/**
 * The invocation's remaining time from the Forge runtime (`getAppContext().invocationRemainingTimeInMillis()`,
 * @forge/api). Outside a Forge invocation (the sandbox, the command line) the runtime has no context: the budget
 * then counts down from `fallbackMs` given at construction.
 */
import { getAppContext } from '@forge/api';
import type { InvocationBudget } from '../../application/ports/invocation-budget';

/** A scheduled trigger's or queue consumer's default time limit (55 s; FORGE_NOTES §11). */
export const DEFAULT_INVOCATION_MS = 55_000;

export const forgeInvocationBudget = (
  fallbackMs: number = DEFAULT_INVOCATION_MS,
  nowMs: () => number = Date.now,
): InvocationBudget => {
  const deadline = nowMs() + fallbackMs;
  return {
    remainingMs: () => {
      try {
        const remaining = getAppContext().invocationRemainingTimeInMillis();
        if (Number.isFinite(remaining)) return remaining;
      } catch {
        // No Forge invocation context: fall through to the local deadline.
      }
      return deadline - nowMs();
    },
  };
};
