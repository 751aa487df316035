/**
 * Writes that must happen once (a comment, an issue, a transition) over a network that can lose answers. A 429 is
 * retried inside sendWithRetries (Jira did nothing); a 5xx or a lost connection is *ambiguous*: the write may have
 * been applied. Instead of guessing, the caller's `recover` looks at Jira's state and says whether the write is
 * there (then its result is returned), certainly not there (then it is sent again), or unknowable (then the
 * original failure is thrown rather than risking a duplicate).
 */
import { JiraHttpError, JiraResponseShapeError, JiraUnavailableError } from './jira-errors';
import { backoffMs, type RetryPolicy } from './send-with-retries';

export type Recovery<T> =
  | { readonly outcome: 'applied'; readonly value: T }
  | { readonly outcome: 'not-applied' }
  | { readonly outcome: 'unknown' };

export interface WriteOnceStats {
  /** Writes whose answer was lost or a 5xx. */
  ambiguousFailures: number;
  /** Of those, found applied on inspection (a blind retry would have duplicated them). */
  foundApplied: number;
  /** Of those, found not applied and sent again. */
  resent: number;
}

export const emptyWriteOnceStats = (): WriteOnceStats => ({
  ambiguousFailures: 0,
  foundApplied: 0,
  resent: 0,
});

/**
 * A 5xx answer, or no answer at all (connection dropped, timeout, body cut off). 4xx answers, exhausted 429
 * retries and unreadable 2xx bodies are not ambiguous: Jira either refused the write or did it.
 */
export const isAmbiguousFailure = (error: unknown): boolean => {
  if (error instanceof JiraHttpError) return error.status >= 500;
  return !(error instanceof JiraUnavailableError || error instanceof JiraResponseShapeError);
};

export const writeOnce = async <T>(
  send: () => Promise<T>,
  recover: () => Promise<Recovery<T>>,
  policy: RetryPolicy,
  stats?: WriteOnceStats,
): Promise<T> => {
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      return await send();
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      failure = error;
    }
    if (stats !== undefined) stats.ambiguousFailures += 1;
    const delay = backoffMs(policy, attempt);
    if (attempt >= policy.maxAttempts || waited + delay > policy.budgetMs) throw failure;
    // The wait also gives Jira's search index time to show a just-created issue to the recovery search.
    waited += delay;
    await policy.sleep(delay);
    const recovery = await recover();
    if (recovery.outcome === 'applied') {
      if (stats !== undefined) stats.foundApplied += 1;
      return recovery.value;
    }
    if (recovery.outcome === 'unknown') throw failure;
    if (stats !== undefined) stats.resent += 1;
  }
};
