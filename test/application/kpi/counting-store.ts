/**
 * A StorePort that counts the requests KVS would serve: a get, a batch get per 25 keys, a set, a delete; lock
 * acquisition and release are counted apart (they are the lock's, not the read model's).
 */
import type { z } from 'zod';
import type { LockLease, StoreEntry, StorePort } from '../../../src/application/ports/store-port';

export interface StoreCounts {
  reads: number;
  writes: number;
  locks: number;
}

export class CountingStore implements StorePort {
  readonly counts: StoreCounts = { reads: 0, writes: 0, locks: 0 };

  constructor(private readonly inner: StorePort) {}

  reset(): void {
    this.counts.reads = 0;
    this.counts.writes = 0;
    this.counts.locks = 0;
  }

  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    this.counts.reads += 1;
    return this.inner.get(key, schema);
  }

  getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>> {
    this.counts.reads += Math.ceil(new Set(keys).size / 25);
    return this.inner.getMany(keys, schema);
  }

  set(key: string, value: unknown): Promise<void> {
    this.counts.writes += 1;
    return this.inner.set(key, value);
  }

  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    this.counts.writes += 1;
    return this.inner.setIfAbsent(key, value, ttlSeconds);
  }

  acquireLock(key: string, owner: string, ttlSeconds: number): Promise<LockLease | null> {
    this.counts.locks += 1;
    return this.inner.acquireLock(key, owner, ttlSeconds);
  }

  releaseLock(lease: LockLease): Promise<void> {
    this.counts.locks += 1;
    return this.inner.releaseLock(lease);
  }

  delete(key: string): Promise<void> {
    this.counts.writes += 1;
    return this.inner.delete(key);
  }

  listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]> {
    this.counts.reads += Math.max(1, Math.ceil(limit / 100));
    return this.inner.listByPrefix(prefix, schema, limit);
  }
}
