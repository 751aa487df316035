/**
 * The app's own storage (Forge KVS in production, memory in tests and the sandbox). Values are JSON documents and
 * are parsed with a zod schema on every read (DESIGN.md §10: every stored document is parsed).
 */
import type { z } from 'zod';

export interface StoreEntry<T> {
  readonly key: string;
  readonly value: T;
}

export interface StorePort {
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Writes only when the key is absent (Forge KVS `keyPolicy: FAIL_IF_EXISTS`); true when written. For locks. */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Entries whose key begins with `prefix`, in key order, at most `limit` (KVS pages at 100). */
  listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]>;
}
