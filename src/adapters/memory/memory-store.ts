/**
 * StorePort in memory: for use-case tests and the local sandbox. Values are stored as JSON text, like KVS, so a
 * value that would not survive serialisation fails here too; TTLs expire against an injected clock.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  LockValueSchema,
  type LockLease,
  type StoreEntry,
  type StorePort,
} from '../../application/ports/store-port';
import type { SecretStorePort } from '../../application/ports/secret-store-port';

export class MemoryStore implements StorePort, SecretStorePort {
  private readonly entries = new Map<string, { json: string; expiresAt: number | null }>();
  /** Secrets apart from the plain keys, as KVS keeps them: no prefix listing ever returns one. */
  private readonly secrets = new Map<string, string>();

  getSecret<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const json = this.secrets.get(key);
    return Promise.resolve(json === undefined ? undefined : schema.parse(JSON.parse(json)));
  }

  setSecret(key: string, value: unknown): Promise<void> {
    this.secrets.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  deleteSecret(key: string): Promise<void> {
    this.secrets.delete(key);
    return Promise.resolve();
  }

  constructor(private readonly nowMs: () => number = () => Date.now()) {}

  private live(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.json;
  }

  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const json = this.live(key);
    return Promise.resolve(json === undefined ? undefined : schema.parse(JSON.parse(json)));
  }

  async getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (const key of new Set(keys)) {
      const value = await this.get(key, schema);
      if (value !== undefined) found.set(key, value);
    }
    return found;
  }

  set(key: string, value: unknown, options: { readonly ttlSeconds?: number } = {}): Promise<void> {
    const { ttlSeconds } = options;
    this.entries.set(key, {
      json: JSON.stringify(value),
      expiresAt: ttlSeconds === undefined ? null : this.nowMs() + ttlSeconds * 1000,
    });
    return Promise.resolve();
  }

  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    if (this.live(key) !== undefined) return Promise.resolve(false);
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.nowMs() + ttlSeconds * 1000 });
    return Promise.resolve(true);
  }

  /** Atomic here by construction: JavaScript runs this check and write without interleaving another caller. */
  async acquireLock(key: string, owner: string, ttlSeconds: number): Promise<LockLease | null> {
    const token = randomUUID();
    return (await this.setIfAbsent(key, { owner, token }, ttlSeconds)) ? { key, owner, token } : null;
  }

  releaseLock(lease: LockLease): Promise<void> {
    const json = this.live(lease.key);
    const lock = json === undefined ? undefined : LockValueSchema.safeParse(JSON.parse(json));
    if (lock?.success === true && lock.data.token === lease.token) this.entries.delete(lease.key);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]> {
    const keys = [...this.entries.keys()].filter((key) => key.startsWith(prefix)).sort();
    const result: StoreEntry<T>[] = [];
    for (const key of keys) {
      const json = this.live(key);
      if (json !== undefined) result.push({ key, value: schema.parse(JSON.parse(json)) });
      if (result.length >= limit) break;
    }
    return Promise.resolve(result);
  }

  /** Every live key, for assertions. */
  keys(): string[] {
    return [...this.entries.keys()].filter((key) => this.live(key) !== undefined).sort();
  }
}
