import { z } from 'zod';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { StorePort } from '../../../src/application/ports/store-port';
import { recordPayloadShape } from '../../../src/application/self-check/record-payload-shape';
import { MAX_LOG_CHARS, shapeLogKey } from '../../../src/application/self-check/shape-log';

const NOW = '2026-11-21T09:00:00.000Z';
const clock = { now: () => NOW };

/** A store that counts writes, and can be made to fail. */
class CountingStore extends MemoryStore {
  writes = 0;
  failing = false;
  override get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return this.failing ? Promise.reject(new Error('KVS down')) : super.get(key, schema);
  }
  override set(key: string, value: unknown): Promise<void> {
    this.writes += 1;
    return this.failing ? Promise.reject(new Error('KVS down')) : super.set(key, value);
  }
}

const payload = { issue: { key: 'SEC-1' }, configuration: { transition: 'approve' } };

describe('recordPayloadShape', () => {
  it('writes the shape of a new payload and context, and nothing for the same shape again', async () => {
    const store = new CountingStore();
    const deps = { store, clock };
    const input = { payload, context: { principal: { accountId: 'ana' } } };
    expect(await recordPayloadShape('validate-transition', input, deps)).toBe(true);
    expect(await recordPayloadShape('validate-transition', input, deps)).toBe(false);
    expect(store.writes).toBe(1);
    expect(await store.get(shapeLogKey('validate-transition'), z.unknown())).toEqual({
      version: 1,
      first: {
        shape: {
          payload: {
            $: 'object',
            configuration: 'object',
            'configuration.transition': 'string',
            issue: 'object',
            'issue.key': 'string',
          },
          context: { $: 'object', principal: 'object', 'principal.accountId': 'string' },
          truncated: false,
        },
        firstSeenAt: NOW,
        lastSeenAt: NOW,
        count: 1,
      },
      latest: [],
    });
  });

  it('never throws when the store fails', async () => {
    const store = new CountingStore();
    store.failing = true;
    await expect(recordPayloadShape('record-transition', { payload }, { store, clock })).resolves.toBe(false);
  });

  it('never throws on a payload that cannot be walked', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    const store = new CountingStore();
    await expect(
      recordPayloadShape('triage-on-create', { payload: hostile }, { store, clock }),
    ).resolves.toBe(false);
    expect(store.writes).toBe(0);
  });

  it('replaces a stored log that no longer parses', async () => {
    const store: StorePort = new MemoryStore();
    await store.set(shapeLogKey('triage-on-create'), { version: 99 });
    expect(await recordPayloadShape('triage-on-create', { payload }, { store, clock })).toBe(true);
    expect(
      await store.get(shapeLogKey('triage-on-create'), z.object({ version: z.literal(1) })),
    ).toMatchObject({
      version: 1,
    });
  });

  it('keeps a huge, deep payload to a few KB', async () => {
    const store = new CountingStore();
    let deep: unknown = 'x'.repeat(100_000);
    for (let i = 0; i < 50; i += 1)
      deep = { [`level${i}`]: deep, list: Array.from({ length: 500 }, (_, j) => ({ [`k${j}`]: j })) };
    await recordPayloadShape('record-transition', { payload: deep, context: deep }, { store, clock });
    const stored = await store.get(shapeLogKey('record-transition'), z.unknown());
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(JSON.stringify(stored)).not.toContain('xxxx');
  });
});
