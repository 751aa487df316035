/**
 * StorePort over Forge's Key-Value Store (`@forge/kvs`). Every value read is parsed with the caller's schema.
 * KVS deletes expired keys lazily ("deletion may take up to 48 hours; read operations may still return expired
 * results"), so reads ask for EXPIRE_TIME and treat an expired value as absent, and a lock whose holder expired
 * is taken over instead of blocking the sweep for two days.
 * https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/
 */
import {
  ForgeKvsAPIError,
  kvs,
  MetadataField,
  WhereConditions,
  type BeginsWithClause,
  type GetResult,
  type ListResult,
  type PolicySetOptions,
  type QueryOptions,
} from '@forge/kvs';
import type { z } from 'zod';
import type { StoreEntry, StorePort } from '../../application/ports/store-port';

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
  set(key: string, value: unknown, options?: PolicySetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  query(options?: QueryOptions): KvsQuery;
}

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

export class KvsStore implements StorePort {
  constructor(
    private readonly client: KvsClient = kvs,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  private expired(expireTime: string | undefined): boolean {
    return expireTime !== undefined && Date.parse(expireTime) <= this.nowMs();
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const entry = await this.client.get<unknown>(key, WITH_EXPIRY);
    if (entry === undefined || this.expired(entry.expireTime)) return undefined;
    return schema.parse(entry.value);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.client.set(key, value);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const options: PolicySetOptions = {
      keyPolicy: 'FAIL_IF_EXISTS',
      ttl: { value: ttlSeconds, unit: 'SECONDS' },
    };
    if (await this.setUnlessPresent(key, value, options)) return true;
    const holder = await this.client.get<unknown>(key, WITH_EXPIRY);
    if (holder !== undefined && !this.expired(holder.expireTime)) return false;
    // The holder expired but KVS has not deleted it yet. Taking over is not atomic: two takers that both saw the
    // expired holder can both succeed (the second deletes the first's fresh key). The sweep's actions are
    // idempotent by key, so the lock saves work; it is not what keeps an action from happening twice.
    await this.client.delete(key);
    return this.setUnlessPresent(key, value, options);
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
