/**
 * The app's own storage (Forge KVS in production, memory in tests and the sandbox). Values are JSON documents and
 * are parsed with a zod schema on every read (DESIGN.md §10: every stored document is parsed).
 */
import { z } from 'zod';

export interface StoreEntry<T> {
  readonly key: string;
  readonly value: T;
}

/**
 * A held lock: `token` is unique to this acquisition, so releasing never frees a lock someone else took over after
 * this lease expired.
 */
export interface LockLease {
  readonly key: string;
  readonly owner: string;
  readonly token: string;
}

/** What a lock key holds: who took it (for people reading the store) and the lease's token. */
export const LockValueSchema = z.object({ owner: z.string(), token: z.string().min(1) });
export type LockValue = z.infer<typeof LockValueSchema>;

export interface StorePort {
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /**
   * Several keys at once (KVS `batchGet`, at most 25 keys a request): the values found, by key; absent keys are
   * left out. Each value is parsed with `schema`.
   */
  getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes only when the key is absent or its TTL has run out (Forge KVS `keyPolicy: FAIL_IF_EXISTS`, plus an
   * atomic takeover of an expired key KVS has not deleted yet); true when written. Of concurrent callers, at most
   * one gets true.
   */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /**
   * A lock for `ttlSeconds`: taken when `key` is free, or held by a lease that expired (a crashed holder), however
   * long the expired key lingers in the store. Of concurrent callers exactly one gets a lease; the others null.
   */
  acquireLock(key: string, owner: string, ttlSeconds: number): Promise<LockLease | null>;
  /** Frees the lock if `lease` still holds it; a lock taken over after the lease expired is left alone. */
  releaseLock(lease: LockLease): Promise<void>;
  delete(key: string): Promise<void>;
  /** Entries whose key begins with `prefix`, in key order, at most `limit` (KVS pages at 100). */
  listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]>;
}
