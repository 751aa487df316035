/**
 * A StorePort that counts what Forge KVS would bill and wait for (FORGE_NOTES §10): requests (a batch get of k keys
 * is ⌈k / 25⌉ requests), bytes read and written, and capacity units (one unit per request per started 10 KB of
 * its value), with an optional fixed latency per request, for the benchmarks and the read-model tests.
 */
import type { z } from 'zod';
import type { LockLease, StoreEntry, StorePort } from '../../src/application/ports/store-port';

/** Keys per KVS batch request. */
const BATCH = 25;
const UNIT_BYTES = 10 * 1024;

export interface StoreCounts {
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
  readUnits: number;
  writeUnits: number;
}

const units = (bytes: number): number => Math.max(1, Math.ceil(bytes / UNIT_BYTES));
const sizeOf = (value: unknown): number =>
  value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));

export class CountingStore implements StorePort {
  readonly counts: StoreCounts = {
    reads: 0,
    writes: 0,
    bytesRead: 0,
    bytesWritten: 0,
    readUnits: 0,
    writeUnits: 0,
  };

  /** Writes (sets and deletes) per key, for tests of what is written how often. */
  readonly writesByKey = new Map<string, number>();

  constructor(
    private readonly inner: StorePort,
    private readonly latencyMs = 0,
  ) {}

  reset(): void {
    this.writesByKey.clear();
    Object.assign(this.counts, {
      reads: 0,
      writes: 0,
      bytesRead: 0,
      bytesWritten: 0,
      readUnits: 0,
      writeUnits: 0,
    });
  }

  private async wait(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  private read(requests: number, bytes: number): void {
    this.counts.reads += requests;
    this.counts.bytesRead += bytes;
    this.counts.readUnits += Math.max(requests, units(bytes));
  }

  private wroteKey(key: string): void {
    this.writesByKey.set(key, (this.writesByKey.get(key) ?? 0) + 1);
  }

  private wrote(bytes: number): void {
    this.counts.writes += 1;
    this.counts.bytesWritten += bytes;
    this.counts.writeUnits += units(bytes);
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    await this.wait();
    const value = await this.inner.get(key, schema);
    this.read(1, sizeOf(value));
    return value;
  }

  async getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>> {
    const requests = Math.ceil(keys.length / BATCH);
    for (let request = 0; request < requests; request += 1) await this.wait();
    const values = await this.inner.getMany(keys, schema);
    this.read(
      requests,
      [...values.values()].reduce((total: number, value) => total + sizeOf(value), 0),
    );
    return values;
  }

  async set(key: string, value: unknown, options: { readonly ttlSeconds?: number } = {}): Promise<void> {
    await this.wait();
    this.wrote(sizeOf(value));
    this.wroteKey(key);
    await this.inner.set(key, value, options);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    await this.wait();
    this.wrote(sizeOf(value));
    return this.inner.setIfAbsent(key, value, ttlSeconds);
  }

  async acquireLock(key: string, owner: string, ttlSeconds: number): Promise<LockLease | null> {
    await this.wait();
    this.wrote(sizeOf({ owner }));
    return this.inner.acquireLock(key, owner, ttlSeconds);
  }

  async releaseLock(lease: LockLease): Promise<void> {
    await this.wait();
    this.wrote(0);
    await this.inner.releaseLock(lease);
  }

  async delete(key: string): Promise<void> {
    await this.wait();
    this.wrote(0);
    this.wroteKey(key);
    await this.inner.delete(key);
  }

  async listByPrefix<T>(prefix: string, schema: z.ZodType<T>, limit: number): Promise<StoreEntry<T>[]> {
    await this.wait();
    const entries = await this.inner.listByPrefix(prefix, schema, limit);
    this.read(
      Math.max(1, Math.ceil(entries.length / 100)),
      entries.reduce((total, entry) => total + sizeOf(entry.value), 0),
    );
    return entries;
  }
}
