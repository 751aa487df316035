/**
 * A short lock in the app's store around a read-modify-write that Jira cannot make atomic (an issue property has
 * no compare-and-set). Taken with `setIfAbsent` (KVS `FAIL_IF_EXISTS`) under a TTL, so a holder that crashed
 * frees it by itself; a waiter retries a bounded number of times and then gives up with LockBusyError, which a
 * post function turns into a platform retry rather than a lost write.
 * Takeover of an expired lock is the store's business (KvsStore.setIfAbsent).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StorePort } from '../ports/store-port';

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

const HolderSchema = z.object({ holder: z.string() });

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const withLock = async <T>(
  store: StorePort,
  lockKey: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<T> => {
  const sleep = options.sleep ?? realSleep;
  const holder = randomUUID();
  let delay = options.delayMs;
  for (let attempt = 1; ; attempt += 1) {
    if (await store.setIfAbsent(lockKey, { holder }, options.ttlSeconds)) break;
    if (attempt >= options.attempts) throw new LockBusyError(lockKey);
    // Jitter, so two waiters that met once do not meet again at every attempt.
    await sleep(Math.floor(delay / 2 + Math.random() * (delay / 2)));
    delay = Math.min(delay * 2, options.maxDelayMs);
  }
  try {
    return await work();
  } finally {
    // Released only while it is still ours: past its TTL another writer may hold it now.
    const current = await store.get(lockKey, HolderSchema).catch(() => undefined);
    if (current?.holder === holder) await store.delete(lockKey);
  }
};
