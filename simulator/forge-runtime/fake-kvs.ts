/**
 * An in-memory stand-in for `@forge/kvs`'s `kvs` client with the service's documented behaviour: JSON values,
 * the key pattern, `FAIL_IF_EXISTS` refused with HTTP 409 `KEY_CONFLICT`, TTLs, query pages of at most 100 in key
 * order with an opaque cursor, and (the part that bites) expired keys that linger until KVS gets round to deleting
 * them: reads still return them, with their `expireTime` when asked, a `FAIL_IF_EXISTS` write is refused by them,
 * and an `OVERRIDE` write with `returnValue: 'PREVIOUS'` returns them. `purgeExpired()` is that deletion.
 * Each call takes effect at once, as one request to the service would: concurrent callers interleave between calls.
 * https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/
 */
// Deep imports: these test doubles stand in for the package's index, which tests replace with jest.mock.
import { ForgeKvsAPIError } from '@forge/kvs/out/errors';
import {
  MetadataField,
  type BatchGetResult,
  type BeginsWithClause,
  type GetResult,
  type ListResult,
  type OverrideAndReturnSetOptions,
  type PolicySetOptions,
  type QueryOptions,
  type Result,
  type SetOptions,
  type SetResult,
  type TtlUnit,
} from '@forge/kvs/out/interfaces/types';
import type { KvsClient, KvsQuery } from '../../src/adapters/kvs/kvs-store';

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const MAX_KEY_LENGTH = 500;
const DEFAULT_QUERY_LIMIT = 10;
const MAX_QUERY_LIMIT = 100;
const UNIT_MS: Readonly<Record<TtlUnit, number>> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

interface StoredEntry {
  readonly json: string;
  readonly expiresAt: number | null;
}

const kvsError = (status: number, code: string, message: string): ForgeKvsAPIError =>
  new ForgeKvsAPIError(
    {
      status,
      statusText: status === 409 ? 'Conflict' : 'Bad Request',
      httpMethod: 'POST',
      httpPath: '/api/v1/set',
    },
    { code, message },
  );

const checkKey = (key: string): void => {
  if (key.length > MAX_KEY_LENGTH)
    throw kvsError(400, 'KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters.');
  if (!KEY_PATTERN.test(key))
    throw kvsError(400, 'INVALID_KEY', 'The provided key does not match the regex.');
};

export class FakeKvs implements KvsClient {
  private readonly entries = new Map<string, StoredEntry>();
  /** Secret storage (`kvs.getSecret`/`setSecret`/`deleteSecret`): its own keys, never returned by a query. */
  private readonly secrets = new Map<string, string>();

  getSecret<T>(key: string): Promise<T | undefined> {
    return this.afterRoundTrip(() => {
      checkKey(key);
      const json = this.secrets.get(key);
      return Promise.resolve(json === undefined ? undefined : (JSON.parse(json) as T));
    });
  }

  setSecret(key: string, value: unknown): Promise<void> {
    return this.afterRoundTrip(() => {
      checkKey(key);
      this.secrets.set(key, JSON.stringify(value));
      return Promise.resolve();
    });
  }

  deleteSecret(key: string): Promise<void> {
    return this.afterRoundTrip(() => {
      checkKey(key);
      this.secrets.delete(key);
      return Promise.resolve();
    });
  }

  /**
   * Awaited before each get, set and delete takes effect: none by default; a test of concurrent callers sets one
   * (for example a macrotask) so that their requests interleave as they would over the network.
   */
  roundTrip: () => Promise<void> = () => Promise.resolve();

  constructor(private readonly nowMs: () => number = () => Date.now()) {}

  private afterRoundTrip<R>(request: () => Promise<R>): Promise<R> {
    return this.roundTrip().then(request);
  }

  get<T>(key: string, options: { metadataFields?: MetadataField[] }): Promise<GetResult<T> | undefined>;
  get<T>(key: string): Promise<T | undefined>;
  get<T>(key: string, options?: { metadataFields?: MetadataField[] }): Promise<GetResult<T> | T | undefined> {
    return this.afterRoundTrip(() => this.getNow<T>(key, options));
  }

  private getNow<T>(
    key: string,
    options?: { metadataFields?: MetadataField[] },
  ): Promise<GetResult<T> | T | undefined> {
    checkKey(key);
    const entry = this.entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    const value = JSON.parse(entry.json) as T;
    if (options?.metadataFields === undefined) return Promise.resolve(value);
    return Promise.resolve({ key, value, ...this.expiry(entry, options.metadataFields) });
  }

  /**
   * `batchGet` as documented: at most 25 keys, no key twice (either fails the whole batch); found keys in
   * `successfulKeys`. A missing key is listed in `failedKeys` when `missingKeysFail` is set, left out otherwise: the
   * docs say neither, so tests run both.
   */
  missingKeysFail = false;

  batchGet<T>(
    items: { key: string; options?: { metadataFields?: MetadataField[] } }[],
  ): Promise<BatchGetResult<T>> {
    return this.afterRoundTrip(() => {
      const keys = items.map((item) => item.key);
      if (keys.length === 0 || keys.length > 25 || new Set(keys).size !== keys.length)
        return Promise.reject(kvsError(400, 'INVALID_BATCH', 'A batch holds 1 to 25 distinct keys.'));
      const result: BatchGetResult<T> = { successfulKeys: [], failedKeys: [] };
      for (const item of items) {
        checkKey(item.key);
        const entry = this.entries.get(item.key);
        if (entry === undefined) {
          if (this.missingKeysFail)
            result.failedKeys.push({
              key: item.key,
              error: { code: 'KEY_NOT_FOUND', message: 'Not found.' },
            });
          continue;
        }
        result.successfulKeys.push({
          key: item.key,
          value: JSON.parse(entry.json) as T,
          ...this.expiry(entry, item.options?.metadataFields ?? []),
        });
      }
      this.batchGets += 1;
      return Promise.resolve(result);
    });
  }

  /** batchGet requests served, for cost assertions. */
  batchGets = 0;

  set(key: string, value: unknown, options?: PolicySetOptions | SetOptions): Promise<void>;
  set<U>(
    key: string,
    value: unknown,
    options: OverrideAndReturnSetOptions,
  ): Promise<SetResult<U> | undefined>;
  set<U>(
    key: string,
    value: unknown,
    options?: PolicySetOptions | SetOptions | OverrideAndReturnSetOptions,
  ): Promise<unknown> {
    return this.afterRoundTrip(() => this.setNow<U>(key, value, options));
  }

  private setNow<U>(
    key: string,
    value: unknown,
    options?: PolicySetOptions | SetOptions | OverrideAndReturnSetOptions,
  ): Promise<SetResult<U> | undefined> {
    checkKey(key);
    if (value === undefined) return Promise.reject(kvsError(400, 'INVALID_VALUE', 'A value is required.'));
    const keyPolicy = options !== undefined && 'keyPolicy' in options ? options.keyPolicy : 'OVERRIDE';
    const previous = this.entries.get(key);
    if (keyPolicy === 'FAIL_IF_EXISTS' && previous !== undefined) {
      return Promise.reject(kvsError(409, 'KEY_CONFLICT', 'The key already exists.'));
    }
    const ttl = options?.ttl;
    const written: StoredEntry = {
      json: JSON.stringify(value),
      expiresAt: ttl === undefined ? null : this.nowMs() + ttl.value * UNIT_MS[ttl.unit],
    };
    this.entries.set(key, written);
    if (options === undefined || !('returnValue' in options)) return Promise.resolve(undefined);
    const returned = options.returnValue === 'PREVIOUS' ? previous : written;
    if (returned === undefined) return Promise.resolve(undefined);
    return Promise.resolve({
      key,
      value: JSON.parse(returned.json) as U,
      ...this.expiry(returned, options.returnMetadataFields ?? []),
    });
  }

  delete(key: string): Promise<void> {
    return this.afterRoundTrip(() => {
      checkKey(key);
      this.entries.delete(key);
      return Promise.resolve();
    });
  }

  query(options: QueryOptions = {}): KvsQuery {
    const state: { prefix: string; limit: number; after: string | undefined } = {
      prefix: '',
      limit: DEFAULT_QUERY_LIMIT,
      after: undefined,
    };
    const builder: KvsQuery = {
      where: (_property: 'key', condition: BeginsWithClause) => {
        state.prefix = String(condition.values[0]);
        return builder;
      },
      cursor: (cursor: string) => {
        state.after = Buffer.from(cursor, 'base64url').toString('utf8');
        return builder;
      },
      limit: (limit: number) => {
        state.limit = limit;
        return builder;
      },
      getMany: <T>(): Promise<ListResult<T>> => {
        if (state.limit < 1 || state.limit > MAX_QUERY_LIMIT) {
          return Promise.reject(
            kvsError(400, 'LIST_QUERY_LIMIT_EXCEEDED', 'Limit for list query should be below 100.'),
          );
        }
        const keys = [...this.entries.keys()]
          .filter((key) => key.startsWith(state.prefix) && (state.after === undefined || key > state.after))
          .sort();
        const page = keys.slice(0, state.limit);
        const results = page.flatMap((key): Result<T>[] => {
          const entry = this.entries.get(key);
          if (entry === undefined) return [];
          return [
            {
              key,
              value: JSON.parse(entry.json) as T,
              ...this.expiry(entry, options.metadataFields ?? []),
            },
          ];
        });
        const last = page.at(-1);
        return Promise.resolve(
          keys.length > page.length && last !== undefined
            ? { results, nextCursor: Buffer.from(last).toString('base64url') }
            : { results },
        );
      },
    };
    return builder;
  }

  /** What KVS does eventually (within 48 h): removes expired keys. */
  purgeExpired(): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= this.nowMs()) this.entries.delete(key);
    }
  }

  /** Every stored key, expired ones included (as KVS holds them), in key order. */
  keys(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** The TTL of a key in seconds from now, or null without one; for assertions. */
  ttlSecondsOf(key: string): number | null {
    const entry = this.entries.get(key);
    if (entry === undefined) throw new Error(`no key ${key}`);
    return entry.expiresAt === null ? null : (entry.expiresAt - this.nowMs()) / 1000;
  }

  clear(): void {
    this.entries.clear();
  }

  private expiry(entry: StoredEntry, fields: readonly MetadataField[]): { expireTime?: string } {
    return fields.includes(MetadataField.EXPIRE_TIME) && entry.expiresAt !== null
      ? { expireTime: new Date(entry.expiresAt).toISOString() }
      : {};
  }
}
