import type { RetryPolicy } from '../../src/adapters/jira/send-with-retries';

/** The production retry rules with millisecond waits, so tests that meet faults stay fast. Retry-After is still obeyed. */
export const fastRetryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 8,
  budgetMs: 60_000,
  baseDelayMs: 5,
  maxDelayMs: 50,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  ...overrides,
});
