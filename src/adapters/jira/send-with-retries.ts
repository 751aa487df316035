/**
 * Retries for Jira calls. Jira's rate limits answer 429 with `Retry-After` (seconds) and the call had no effect,
 * so a 429 is always retried after the time Jira asks for. 5xx and network failures are retried with full-jitter
 * exponential backoff only for calls that are safe to repeat (reads, PUTs, and writes made idempotent by the
 * caller): a POST that failed with 500 may have been applied, and repeating it would duplicate a comment or an
 * issue. Every retry is bounded by an attempt count and a time budget so a handler stays inside Forge's limits.
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 */
import { JiraHttpError, JiraUnavailableError } from './jira-errors';
import type { JiraResponse } from './jira-fetcher';

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Total time the retries may wait, in milliseconds. */
  readonly budgetMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1); injected so tests are deterministic. */
  readonly random: () => number;
}

export const defaultRetryPolicy = (): RetryPolicy => ({
  maxAttempts: 6,
  budgetMs: 20_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

/** `safe`: repeating the call cannot duplicate an effect. `once`: only retried when Jira says it did nothing (429). */
export type Repeatability = 'safe' | 'once';

export interface RetryStats {
  attempts: number;
  retries: number;
  waitedMs: number;
}

const retryAfterMs = (response: JiraResponse): number | null => {
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
};

/**
 * Failures of the connection itself: undici's `TypeError: fetch failed`, a timeout or abort, or @forge/api's
 * FetchError. Anything else (a programming error, `asUser()` without a user) is not made better by waiting.
 * Told by name, not `instanceof`: fetch's errors come from Node's own realm, which is not the test's under jest.
 */
export const isNetworkFailure = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ['TypeError', 'AbortError', 'TimeoutError', 'FetchError'].includes(
    String((error as { name?: unknown }).name),
  );

/** Full-jitter exponential backoff: a random wait up to base × 2^(attempt−1), capped. */
export const backoffMs = (policy: RetryPolicy, attempt: number): number =>
  Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));

/**
 * Sends `attempt` until it yields a response that is neither 429 nor (for safe calls) 5xx, within the policy.
 * Returns that response; non-retryable statuses (4xx) are returned as they are for the caller to map.
 */
export const sendWithRetries = async (
  endpoint: string,
  repeatability: Repeatability,
  attempt: () => Promise<JiraResponse>,
  policy: RetryPolicy,
  stats?: RetryStats,
): Promise<JiraResponse> => {
  let waited = 0;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    if (stats !== undefined) stats.attempts += 1;
    let delay: number;
    /** The status that made this attempt fail; null for a network failure. */
    let lastStatus: number | null = null;
    try {
      const response = await attempt();
      lastStatus = response.status;
      if (response.status === 429) delay = retryAfterMs(response) ?? backoffMs(policy, attemptNumber);
      else if (response.status >= 500 && repeatability === 'safe') delay = backoffMs(policy, attemptNumber);
      else if (response.status >= 500) throw new JiraHttpError(endpoint, response.status);
      else return response;
    } catch (error) {
      if (!isNetworkFailure(error) || repeatability !== 'safe') throw error;
      // A network failure: the request may or may not have reached Jira; only safe calls are repeated.
      delay = backoffMs(policy, attemptNumber);
    }
    if (attemptNumber >= policy.maxAttempts || waited + delay > policy.budgetMs) {
      throw new JiraUnavailableError(endpoint, attemptNumber, lastStatus);
    }
    waited += delay;
    if (stats !== undefined) {
      stats.retries += 1;
      stats.waitedMs += delay;
    }
    await policy.sleep(delay);
  }
};
