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

    it('writes a value that expires after its TTL, over an older one, and reads it as absent once expired', async () => {
      await store.set('job:1', { position: 1 });
      await store.set('job:1', { position: 2 }, { ttlSeconds: 60 });

      expect(kvs().ttlSecondsOf('job:1')).toBe(60);
      await expect(store.get('job:1', CursorSchema)).resolves.toEqual({ position: 2 });
      now += 60_000;
      await expect(store.get('job:1', CursorSchema)).resolves.toBeUndefined();
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

  describe('acquireLock / releaseLock', () => {
    const OwnedLockSchema = z.object({ owner: z.string(), token: z.string() });
    const interleave = () => {
      kvs().roundTrip = () => new Promise((resolve) => setImmediate(resolve));
    };
    afterEach(() => {
      kvs().roundTrip = () => Promise.resolve();
    });

    it('gives a lease with a fresh token, refuses a second taker while held, and frees on release', async () => {
      const lease = await store.acquireLock('lock:policy', 'cy', 30);

      expect(lease).toEqual({ key: 'lock:policy', owner: 'cy', token: expect.any(String) as string });
      await expect(store.acquireLock('lock:policy', 'dee', 30)).resolves.toBeNull();
      expect(kvs().ttlSecondsOf('lock:policy')).toBe(30);
      await store.releaseLock(lease!);
      expect(kvs().keys()).toEqual([]);
      await expect(store.acquireLock('lock:policy', 'dee', 30)).resolves.toMatchObject({ owner: 'dee' });
    });

    it.each([
      ['one after the other', false],
      ['with their requests interleaved', true],
    ])(
      'gives exactly one of two takers an expired lock KVS still keeps (%s), and keeps the winner in place',
      async (_case, concurrent) => {
        await store.acquireLock('lock:policy', 'crashed', 30);
        now += 30_000;
        if (concurrent) interleave();

        const leases = await Promise.all([
          store.acquireLock('lock:policy', 'cy', 30),
          store.acquireLock('lock:policy', 'dee', 30),
        ]);

        const winners = leases.filter((lease) => lease !== null);
        expect(winners).toHaveLength(1);
        await expect(store.get('lock:policy', OwnedLockSchema)).resolves.toEqual({
          owner: winners[0]!.owner,
          token: winners[0]!.token,
        });
        expect(kvs().ttlSecondsOf('lock:policy')).toBe(30);
      },
    );

    const START_OF_TAKEOVER = NOW + 30_000;

    it('puts back the live winner it swapped out, with what was left of the winner’s TTL', async () => {
      await store.acquireLock('lock:policy', 'crashed', 30);
      now += 30_000;
      // Every request takes a second and a turn of the event loop: cy swaps first, dee swaps out cy's live lease.
      kvs().roundTrip = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        now += 1_000;
      };
      const [cy, dee] = await Promise.all([
        store.acquireLock('lock:policy', 'cy', 30),
        store.acquireLock('lock:policy', 'dee', 30),
      ]);

      expect(dee).toBeNull();
      await expect(store.get('lock:policy', OwnedLockSchema)).resolves.toEqual({
        owner: 'cy',
        token: cy!.token,
      });
      // cy's swap landed at +5 s (after both FAIL_IF_EXISTS and both reads), so its lease ends at +35 s. dee
      // computed what was left at +6 s and its put-back landed at +7 s: cy's lease now ends at +36 s, one round trip
      // later (never earlier), not dee's full 30 s from +7 s. The read above was at +8 s.
      expect(now).toBe(START_OF_TAKEOVER + 8_000);
      expect(kvs().ttlSecondsOf('lock:policy')).toBe(28);
    });

    it('takes the lock when KVS deletes the expired holder between the read and the swap', async () => {
      await store.acquireLock('lock:policy', 'crashed', 30);
      now += 30_000;
      // Requests: FAIL_IF_EXISTS (refused), the read (expired holder), then KVS deletes it just before the swap.
      let requests = 0;
      kvs().roundTrip = () => {
        requests += 1;
        if (requests === 3) kvs().purgeExpired();
        return Promise.resolve();
      };

      await expect(store.acquireLock('lock:policy', 'cy', 30)).resolves.toMatchObject({ owner: 'cy' });
      expect(kvs().keys()).toEqual(['lock:policy']);
    });

    it('leaves alone a lock taken over after its own lease expired', async () => {
      const slow = await store.acquireLock('lock:policy', 'slow', 30);
      now += 31_000;
      const next = await store.acquireLock('lock:policy', 'next', 30);

      await store.releaseLock(slow!);

      await expect(store.get('lock:policy', OwnedLockSchema)).resolves.toEqual({
        owner: 'next',
        token: next!.token,
      });
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
