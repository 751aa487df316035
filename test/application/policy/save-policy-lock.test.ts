/**
 * ISSUE6 B8: a policy save after a crashed save. The crashed save's lock expired, but KVS keeps expired keys for up
 * to 48 hours, so the next saves find it still there; taking it over must let exactly one of two concurrent saves in.
 */
import { answerOf } from '../answer-of';
import { z } from 'zod';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { savePolicy } from '../../../src/application/policy/save-policy';
import { POLICY_SAVE_LOCK_KEY } from '../../../src/application/policy/policy-store';
import { storeDefaultPolicy } from '../../../src/application/policy/store-default-policy';
import type { PolicyDependencies } from '../../../src/application/policy/policy-dependencies';
import { defaultPolicy, PolicySchema } from '../../../src/domain/policy-schema';
import { FakeKvs } from '../../support/fake-kvs';
import { FakeDirectory } from '../transitions/fake-jira';

const START = Date.parse('2026-11-21T09:00:00Z');

const site = () => {
  let now = START;
  const kvs = new FakeKvs(() => now);
  const store = new KvsStore(kvs, () => now);
  const directory = new FakeDirectory(null)
    .addUser({ accountId: 'cy', displayName: 'Cy', active: true, groups: ['jira-admins'] })
    .addUser({ accountId: 'dee', displayName: 'Dee', active: true, groups: ['jira-admins'] });
  const as = (accountId: string): PolicyDependencies => ({
    jiraAsUser: directory.as(accountId, true),
    store,
    clock: { now: () => new Date(now).toISOString() },
  });
  return { kvs, store, cy: as('cy'), dee: as('dee'), advance: (ms: number) => (now += ms) };
};

/** 0 to 3 turns of the event loop per KVS request, from a seeded generator (mulberry32): a repeatable schedule. */
const randomLatency = (seed: number): (() => Promise<void>) => {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return async () => {
    for (let hops = Math.floor(next() * 4); hops > 0; hops -= 1)
      await new Promise((resolve) => setImmediate(resolve));
  };
};

describe('savePolicy after a crashed save (expired lock still in KVS)', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))(
    'lets exactly one of two concurrent saves write version 2 (schedule %i)',
    async (seed) => {
      const { kvs, store, cy, dee, advance } = site();
      await storeDefaultPolicy({ store });
      // The crashed save: it took the lock and never released it.
      expect(await store.acquireLock(POLICY_SAVE_LOCK_KEY, 'crashed', 30)).not.toBeNull();
      advance(31_000);
      expect(kvs.keys()).toContain(POLICY_SAVE_LOCK_KEY);
      // Each KVS request takes a few turns of the event loop, so the two saves' requests interleave.
      kvs.roundTrip = randomLatency(seed);

      const outcomes = await Promise.all([
        answerOf(
          savePolicy({ policy: { ...defaultPolicy(), justificationMinLength: 60 }, baseVersion: 1 }, cy),
        ),
        answerOf(
          savePolicy({ policy: { ...defaultPolicy(), justificationMinLength: 80 }, baseVersion: 1 }, dee),
        ),
      ]);

      const won = outcomes.filter((outcome) => outcome.ok);
      expect(won).toHaveLength(1);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([
        {
          ok: false,
          error: {
            code: 'version-conflict',
            message:
              'Another policy change is being saved at this moment. Nothing was saved; reload the policy and try again.',
          },
        },
      ]);
      const stored = await store.listByPrefix('policy:v', PolicySchema, 10);
      expect(stored.map(({ key }) => key)).toEqual(['policy:v000001', 'policy:v000002']);
      expect(stored[1]?.value).toEqual(won[0]?.ok === true ? won[0].policy : undefined);
      expect(await store.get('policy:current', z.unknown())).toEqual({ version: 2 });
    },
  );

  it('saves once the crashed lock expired, even before KVS deletes it, and frees the lock after', async () => {
    const { kvs, store, cy, advance } = site();
    await storeDefaultPolicy({ store });
    await store.acquireLock(POLICY_SAVE_LOCK_KEY, 'crashed', 30);
    advance(29_000);
    expect(await answerOf(savePolicy({ policy: defaultPolicy(), baseVersion: 1 }, cy))).toMatchObject({
      ok: false,
    });
    advance(2_000);
    expect(await answerOf(savePolicy({ policy: defaultPolicy(), baseVersion: 1 }, cy))).toMatchObject({
      ok: true,
      policy: { version: 2, updatedBy: 'cy' },
    });
    expect(kvs.keys()).toEqual(['policy:current', 'policy:v000001', 'policy:v000002']);
  });
});
