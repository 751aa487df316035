/**
 * Asking the platform to deliver a product event again (post functions, triggers): a handler that RETURNS an
 * `InvocationError` is retried after `retryAfter` seconds, at most four times; a thrown error is not retried
 * (FORGE_NOTES §2, §16; https://developer.atlassian.com/platform/forge/events-reference/product_events/).
 * `retryAfter` may not exceed 900 s, and `retryData` must be an object (ECO-734) of at most 4 KB.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { LockBusyError } from '../../application/locks/with-lock';
import { JiraHttpError, JiraUnavailableError } from '../jira/jira-errors';
import { isNetworkFailure } from '../jira/send-with-retries';

/** What a handler returns to ask the platform for another delivery (entries name it without importing @forge). */
export type RetryRequest = InvocationError;

export const MAX_RETRY_AFTER_SECONDS = 900;
export const MAX_RETRY_DATA_BYTES = 4 * 1024;
/** The first retry waits a minute; each later one twice as long (60, 120, 240, 480 s), capped at 900 s. */
const FIRST_RETRY_AFTER_SECONDS = 60;

export type RetryCause = 'rate-limited' | 'unavailable' | 'busy';

/** What makes a failure worth delivering the event again: Jira's rate limit, its 5xx, the network, a held lock. */
export const retryCauseOf = (error: unknown): RetryCause | undefined => {
  if (error instanceof JiraUnavailableError) return error.lastStatus === 429 ? 'rate-limited' : 'unavailable';
  if (error instanceof JiraHttpError) {
    if (error.status === 429) return 'rate-limited';
    if (error.status >= 500) return 'unavailable';
    return undefined;
  }
  if (error instanceof LockBusyError) return 'busy';
  return isNetworkFailure(error) ? 'unavailable' : undefined;
};

export const retryAfterSeconds = (retryCount: number): number =>
  Math.min(MAX_RETRY_AFTER_SECONDS, FIRST_RETRY_AFTER_SECONDS * 2 ** Math.max(0, Math.min(retryCount, 10)));

/** retryData within the platform's limits: an object, ≤ 4 KB of JSON (a bigger one is replaced by its cause). */
const boundedRetryData = (cause: RetryCause, data: Readonly<Record<string, string | number>>) => {
  const full = { cause, ...data };
  return JSON.stringify(full).length <= MAX_RETRY_DATA_BYTES ? full : { cause };
};

/** The InvocationError that asks for the event again, after a backoff that grows with the retries so far. */
export const retryLater = (
  cause: RetryCause,
  retryCount: number,
  data: Readonly<Record<string, string | number>> = {},
): InvocationError =>
  new InvocationError({
    retryAfter: retryAfterSeconds(retryCount),
    retryReason:
      cause === 'rate-limited'
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    retryData: boundedRetryData(cause, { attempt: retryCount + 1, ...data }),
  });
