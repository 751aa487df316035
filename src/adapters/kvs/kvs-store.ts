/**
 * StorePort over Forge's Key-Value Store (`@forge/kvs`). Every value read is parsed with the caller's schema.
 * KVS deletes expired keys lazily ("deletion may take up to 48 hours; read operations may still return expired
 * results"), so reads ask for EXPIRE_TIME and treat an expired value as absent, and a lock whose holder expired
 * is taken over instead of blocking the sweep for two days.
 * https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/
 *
 * The takeover is atomic although plain KVS keys have no conditional writes (transaction conditions exist only for
 * custom entities): it swaps its own value in with `keyPolicy: OVERRIDE, returnValue: PREVIOUS`, a single write
 * that answers what it replaced. Only the caller that replaced an expired (or absent) value has the lock; a caller
 * that replaced a live holder puts that holder back. See `takeOver`.
 */
import { randomUUID } from 'node:crypto';
import {
  ForgeKvsAPIError,
  kvs,
  MetadataField,
  WhereConditions,
  type BatchGetResult,
  type BeginsWithClause,
  type GetResult,
  type ListResult,
  type OverrideAndReturnSetOptions,
  type PolicySetOptions,
  type QueryOptions,
  type SetResult,
} from '@forge/kvs';
import type { z } from 'zod';
import {
  LockValueSchema,
  type LockLease,
  type StoreEntry,
  type StorePort,
} from '../../application/ports/store-port';
import type { SecretStorePort } from '../../application/ports/secret-store-port';

/** A KVS query, as far as the store uses it (the package does not export its QueryBuilder type). */
export interface KvsQuery {
  where(property: 'key', condition: BeginsWithClause): KvsQuery;
  cursor(cursor: string): KvsQuery;
  limit(limit: number): KvsQuery;
  getMany<T>(): Promise<ListResult<T>>;
}

/** The part of the `kvs` client the store calls; `kvs` itself in production. */
export interface KvsClient {
  get<T>(key: string, options: { metadataFields?: MetadataField[] }): Promise<GetResult<T> | undefined>;
  batchGet<T>(
    items: { key: string; options?: { metadataFields?: MetadataField[] } }[],
  ): Promise<BatchGetResult<T>>;
  set(key: string, value: unknown, options?: PolicySetOptions): Promise<void>;
  set<U>(
    key: string,
    value: unknown,
    options: OverrideAndReturnSetOptions,
  ): Promise<SetResult<U> | undefined>;
  delete(key: string): Promise<void>;
  query(options?: QueryOptions): KvsQuery;
  getSecret<T>(key: string): Promise<T | undefined>;
  setSecret(key: string, value: unknown): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

/** "Each batch operation can contain a maximum of 25 keys" (storage-reference/kvs-batch). */
export const KVS_BATCH_LIMIT = 25;

/** KVS answers at most 100 entries a query page (LIST_QUERY_LIMIT_EXCEEDED beyond). */
export const KVS_PAGE_LIMIT = 100;

/**
 * A FAIL_IF_EXISTS write refused because the key is there. The KVS error docs do not list this case; the
 * service answers HTTP 409 (`KEY_CONFLICT`). Anything else is rethrown, so a changed answer makes the lock fail
 * loudly rather than letting two holders in.
 */
const isKeyConflict = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError &&
  (error.responseDetails.status === 409 || error.code === 'KEY_CONFLICT');

const WITH_EXPIRY = { metadataFields: [MetadataField.EXPIRE_TIME] };

export class KvsStore implements StorePort, SecretStorePort {
  constructor(
    private readonly client: KvsClient = kvs,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  /** KVS secret storage (`kvs.getSecret`, @forge/kvs out/kvs.d.ts): encrypted, and outside every query. */
  async getSecret<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const value = await this.client.getSecret<unknown>(key);
    return value === undefined ? undefined : schema.parse(value);
  }

  setSecret(key: string, value: unknown): Promise<void> {
    return this.client.setSecret(key, value);
  }

  deleteSecret(key: string): Promise<void> {
    return this.client.deleteSecret(key);
  }

  private expired(expireTime: string | undefined): boolean {
    return expireTime !== undefined && Date.parse(expireTime) <= this.nowMs();
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const entry = await this.client.get<unknown>(key, WITH_EXPIRY);
    if (entry === undefined || this.expired(entry.expireTime)) return undefined;
    return schema.parse(entry.value);
  }

  /**
   * Batches of at most 25 distinct keys (a repeated key fails the whole batch). The docs do not say how a missing
   * key is answered: it may be left out of both lists, or listed in `failedKeys`; batches are "best effort", so a
   * failed key may also be a real failure. Either way a failed key is read again on its own, so absence is only
   * ever concluded from a plain `get`.
   */
  async getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>> {
    const unique = [...new Set(keys)];
    const found = new Map<string, T>();
    for (let start = 0; start < unique.length; start += KVS_BATCH_LIMIT) {
      const batch = unique.slice(start, start + KVS_BATCH_LIMIT);
      const result = await this.client.batchGet<unknown>(batch.map((key) => ({ key, options: WITH_EXPIRY })));
      for (const entry of result.successfulKeys) {
        if (batch.includes(entry.key) && !this.expired(entry.expireTime))
          found.set(entry.key, schema.parse(entry.value));
      }
      for (const failed of result.failedKeys) {
        if (!batch.includes(failed.key) || found.has(failed.key)) continue;
        const value = await this.get(failed.key, schema);
        if (value !== undefined) found.set(failed.key, value);
      }
    }
    return found;
  }

  async set(key: string, value: unknown, options: { readonly ttlSeconds?: number } = {}): Promise<void> {
    if (options.ttlSeconds === undefined) await this.client.set(key, value);
    else
      await this.client.set(key, value, {
        keyPolicy: 'OVERRIDE',
        ttl: { value: options.ttlSeconds, unit: 'SECONDS' },
      });
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const options: PolicySetOptions = {
      keyPolicy: 'FAIL_IF_EXISTS',
      ttl: { value: ttlSeconds, unit: 'SECONDS' },
    };
    if (await this.setUnlessPresent(key, value, options)) return true;
    const holder = await this.client.get<unknown>(key, WITH_EXPIRY);
    if (holder !== undefined && !this.expired(holder.expireTime)) return false;
    return this.takeOver(key, value, ttlSeconds);
  }

  /**
   * The holder expired but KVS has not deleted it yet (or just did). Swap our value in and look at what it
   * replaced: the swap is one write, so of several takers exactly one replaces the expired holder (or nothing,
   * once KVS purged it); every later one replaces that winner's live value, and puts it back with what was left of
   * its TTL. A taker that lost can thus leave its own value in place of the winner's for a moment, or, when two
   * losers interleave, one loser's value behind for at most one TTL: the lock then stays taken a little longer than
   * needed, never held twice. Release compares tokens, so such a leftover is never freed by the wrong holder.
   */
  private async takeOver(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const replaced = await this.client.set<unknown>(key, value, {
      keyPolicy: 'OVERRIDE',
      ttl: { value: ttlSeconds, unit: 'SECONDS' },
      returnValue: 'PREVIOUS',
      returnMetadataFields: [MetadataField.EXPIRE_TIME],
    });
    if (replaced?.value === undefined || this.expired(replaced.expireTime)) return true;
    await this.putBack(key, replaced.value, replaced.expireTime);
    return false;
  }

  private async putBack(key: string, value: unknown, expireTime: string | undefined): Promise<void> {
    if (expireTime === undefined) {
      await this.client.set(key, value);
      return;
    }
    // At least a second: the holder's lease ran out while we swapped, and a TTL must be positive.
    const seconds = Math.max(1, Math.ceil((Date.parse(expireTime) - this.nowMs()) / 1000));
    await this.client.set(key, value, { keyPolicy: 'OVERRIDE', ttl: { value: seconds, unit: 'SECONDS' } });
  }

  async acquireLock(key: string, owner: string, ttlSeconds: number): Promise<LockLease | null> {
    const token = randomUUID();
    return (await this.setIfAbsent(key, { owner, token }, ttlSeconds)) ? { key, owner, token } : null;
  }

  /**
   * Deletes the lock when it still holds this lease's token. Reading then deleting is two steps: a holder that
   * overran its own TTL could, in the moment between them, delete a lock just taken over. Holders release well
   * within their TTL (callers choose it many times longer than their work), so that moment does not arise.
   */
  async releaseLock(lease: LockLease): Promise<void> {
    const holder = await this.client.get<unknown>(lease.key, WITH_EXPIRY);
    if (holder === undefined || this.expired(holder.expireTime)) return;
    const lock = LockValueSchema.safeParse(holder.value);
    if (lock.success && lock.data.token === lease.token) await this.client.delete(lease.key);
  }

  private async setUnlessPresent(key: string, value: unknown, options: PolicySetOptions): Promise<boolean> {
    try {
      await this.client.set(key, value, options);
      return true;
    } catch (error) {
      if (isKeyConflict(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.delete(key);
  }

  async listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]> {
    const entries: StoreEntry<T>[] = [];
    let cursor: string | undefined;
    while (entries.length < limit) {
      let query = this.client
        .query(WITH_EXPIRY)
        .where('key', WhereConditions.beginsWith(prefix))
        .limit(Math.min(KVS_PAGE_LIMIT, limit - entries.length));
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const result of page.results) {
        if (entries.length < limit && !this.expired(result.expireTime)) {
          entries.push({ key: result.key, value: schema.parse(result.value) });
        }
      }
      cursor = page.nextCursor;
      if (cursor === undefined) break;
    }
    return entries;
  }
}
