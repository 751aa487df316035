/**
 * How much of the current invocation is left (Forge: `getAppContext().invocationRemainingTimeInMillis()`), so a
 * long-running use case stops in time and leaves a cursor instead of being killed mid-action.
 */
export interface InvocationBudget {
  remainingMs(): number;
}
