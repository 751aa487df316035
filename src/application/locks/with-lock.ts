/**
 * A short lock in the app's store around a read-modify-write that Jira cannot make atomic (an issue property has
 * no compare-and-set). Taken with the store's one lock primitive (`acquireLock`: a lease under a TTL, an expired
 * holder taken over atomically), so a holder that crashed frees it by itself; a waiter retries a bounded number of
 * times and then gives up with LockBusyError, which a post function turns into a platform retry rather than a lost
 * write. `releaseLock` frees it only while the lease still holds it.
 */
import type { LockLease, StorePort } from '../ports/store-port';

export interface LockOptions {
  /** Long enough for the work inside, short enough that a crashed holder does not block for long. */
  readonly ttlSeconds: number;
  /** Attempts to take the lock before giving up. */
  readonly attempts: number;
  /** Wait between attempts (milliseconds), doubled each time up to maxDelayMs. */
  readonly delayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Another writer held the lock for as long as this one could wait. */
export class LockBusyError extends Error {
  constructor(readonly lockKey: string) {
    super(`The lock ${lockKey} stayed taken; try again later.`);
    this.name = 'LockBusyError';
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const withLock = async <T>(
  store: StorePort,
  lockKey: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<T> => {
  const sleep = options.sleep ?? realSleep;
  let delay = options.delayMs;
  const acquire = async (): Promise<LockLease> => {
    for (let attempt = 1; ; attempt += 1) {
      const lease = await store.acquireLock(lockKey, 'with-lock', options.ttlSeconds);
      if (lease !== null) return lease;
      if (attempt >= options.attempts) throw new LockBusyError(lockKey);
      // Jitter, so two waiters that met once do not meet again at every attempt.
      await sleep(Math.floor(delay / 2 + Math.random() * (delay / 2)));
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  };
  const held = await acquire();
  try {
    return await work();
  } finally {
    // Past its TTL another writer may hold it now: releaseLock leaves a lock taken over alone.
    await store.releaseLock(held).catch(() => undefined);
  }
};
