import { ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import type { FakeKvs } from '../../support/fake-kvs';
import type { ForgeOnSimulator } from '../../support/forge-on-simulator';

jest.mock('@forge/kvs', () =>
  jest.requireActual<ForgeOnSimulator>('../../support/forge-on-simulator').forgeKvsInMemory(),
);

const kvs = (): FakeKvs => jest.requireMock<{ kvs: FakeKvs }>('@forge/kvs').kvs;

const LockSchema = z.object({ holder: z.string() });
const CursorSchema = z.object({ position: z.number() });
const NOW = Date.parse('2026-11-21T09:00:00Z');

describe('KvsStore over @forge/kvs', () => {
  let now: number;
  let store: KvsStore;

  beforeEach(() => {
    kvs().clear();
    now = NOW;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    store = new KvsStore();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('values', () => {
    it('stores JSON and parses it with the caller’s schema on the way back', async () => {
      await store.set('sweep-cursor', { position: 40 });

      await expect(store.get('sweep-cursor', CursorSchema)).resolves.toEqual({ position: 40 });
      await expect(store.get('absent', CursorSchema)).resolves.toBeUndefined();
    });

    it('refuses a stored value that does not match the schema', async () => {
      await store.set('sweep-cursor', { position: 'forty' });

      await expect(store.get('sweep-cursor', CursorSchema)).rejects.toThrow(z.ZodError);
    });

    it('deletes', async () => {
      await store.set('sweep-cursor', { position: 1 });
      await store.delete('sweep-cursor');

      expect(kvs().keys()).toEqual([]);
    });
  });

  describe('locks (setIfAbsent)', () => {
    it('takes a free lock with the TTL in seconds, and refuses it while held', async () => {
      await expect(store.setIfAbsent('lock:sweep', { holder: 'first' }, 900)).resolves.toBe(true);
      await expect(store.setIfAbsent('lock:sweep', { holder: 'second' }, 900)).resolves.toBe(false);

      expect(kvs().ttlSecondsOf('lock:sweep')).toBe(900);
      await expect(store.get('lock:sweep', LockSchema)).resolves.toEqual({ holder: 'first' });
    });

    it('is free again once released', async () => {
      await store.setIfAbsent('lock:sweep', { holder: 'first' }, 900);
      await store.delete('lock:sweep');

      await expect(store.setIfAbsent('lock:sweep', { holder: 'second' }, 900)).resolves.toBe(true);
      await expect(store.get('lock:sweep', LockSchema)).resolves.toEqual({ holder: 'second' });
    });

    it('takes over a lock whose holder expired though KVS still keeps the key', async () => {
      await store.setIfAbsent('lock:sweep', { holder: 'crashed' }, 900);
      now += 900_000;

      expect(kvs().keys()).toEqual(['lock:sweep']);
      await expect(store.get('lock:sweep', LockSchema)).resolves.toBeUndefined();
      await expect(store.setIfAbsent('lock:sweep', { holder: 'next' }, 900)).resolves.toBe(true);
      await expect(store.get('lock:sweep', LockSchema)).resolves.toEqual({ holder: 'next' });
      expect(kvs().ttlSecondsOf('lock:sweep')).toBe(900);
    });

    it('does not take a lock one second before it expires', async () => {
      await store.setIfAbsent('lock:sweep', { holder: 'slow' }, 900);
      now += 899_000;

      await expect(store.setIfAbsent('lock:sweep', { holder: 'eager' }, 900)).resolves.toBe(false);
      await expect(store.get('lock:sweep', LockSchema)).resolves.toEqual({ holder: 'slow' });
    });

    it('lets KVS errors other than "the key exists" through', async () => {
      const error = await store
        .setIfAbsent('lock/with/slashes', { holder: 'x' }, 900)
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ForgeKvsAPIError);
      expect(error).toMatchObject({ code: 'INVALID_KEY' });
    });
  });

  describe('listByPrefix', () => {
    const seed = async (prefix: string, count: number) => {
      for (let position = 0; position < count; position += 1) {
        await store.set(`${prefix}${String(position).padStart(3, '0')}`, { position });
      }
    };

    it.each([
      ['less than a page', 30, 30],
      ['exactly a page', 100, 100],
      ['across pages, cut at the limit', 230, 230],
      ['everything there is when the limit is higher', 1000, 250],
      ['nothing for a zero limit', 0, 0],
    ])('%s: limit %i → %i entries in key order', async (_case, limit, expected) => {
      await seed('policy-version:', 250);
      await seed('other:', 5);

      const entries = await store.listByPrefix('policy-version:', CursorSchema, limit);

      expect(entries).toHaveLength(expected);
      expect(entries.map((entry) => entry.value.position)).toEqual(
        Array.from({ length: expected }, (_, position) => position),
      );
      expect(entries.every((entry) => entry.key.startsWith('policy-version:'))).toBe(true);
    });

    it('leaves out entries that expired but are still stored', async () => {
      await store.set('run:a', { position: 1 });
      await store.setIfAbsent('run:b', { position: 2 }, 60);
      await store.set('run:c', { position: 3 });
      now += 60_000;

      const entries = await store.listByPrefix('run:', CursorSchema, 10);

      expect(entries).toEqual([
        { key: 'run:a', value: { position: 1 } },
        { key: 'run:c', value: { position: 3 } },
      ]);
    });
  });
});
