/**
 * KvsStore.getMany over kvs.batchGet (at most 25 keys a batch, no key twice): a missing key is absent whether KVS
 * leaves it out of the answer or lists it in `failedKeys` (the docs say neither), a failed key that exists is read
 * again on its own, an expired key is absent.
 */
import { z } from 'zod';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import type { FakeKvs } from '../../support/fake-kvs';
import type { ForgeOnSimulator } from '../../support/forge-on-simulator';

jest.mock('@forge/kvs', () =>
  jest.requireActual<ForgeOnSimulator>('../../support/forge-on-simulator').forgeKvsInMemory(),
);

const kvs = (): FakeKvs => jest.requireMock<{ kvs: FakeKvs }>('@forge/kvs').kvs;
const CountSchema = z.object({ n: z.number() });

describe('KvsStore.getMany', () => {
  beforeEach(() => {
    kvs().clear();
    kvs().missingKeysFail = false;
    kvs().batchGets = 0;
  });

  it.each([
    ['left out of the answer', false],
    ['listed in failedKeys', true],
  ])('reads 60 keys in 3 batches; a missing key %s is absent', async (_variant, missingKeysFail) => {
    const store = new KvsStore();
    for (let n = 0; n < 50; n += 1) await store.set(`k:${String(n)}`, { n });
    kvs().missingKeysFail = missingKeysFail;
    const keys = Array.from({ length: 60 }, (_, n) => `k:${String(n)}`);

    const found = await store.getMany([...keys, 'k:3'], CountSchema);

    expect(kvs().batchGets).toBe(3);
    expect([...found.keys()]).toEqual(keys.slice(0, 50));
    expect(found.get('k:49')).toEqual({ n: 49 });
  });

  it('reads a key the batch failed on its own, and parses every value with the schema', async () => {
    const store = new KvsStore();
    await store.set('a', { n: 1 });
    await store.set('b', { n: 'two' });
    const batchGet = kvs().batchGet.bind(kvs());
    jest.spyOn(kvs(), 'batchGet').mockImplementationOnce(async (items) => {
      const answer = await batchGet<unknown>(items);
      return {
        successfulKeys: answer.successfulKeys.filter((entry) => entry.key !== 'a'),
        failedKeys: [{ key: 'a', error: { code: 'INTERNAL', message: 'best effort' } }],
      };
    });
    await expect(store.getMany(['a'], CountSchema)).resolves.toEqual(new Map([['a', { n: 1 }]]));
    await expect(store.getMany(['b'], CountSchema)).rejects.toThrow(z.ZodError);
  });

  it('treats an expired key KVS still returns as absent', async () => {
    await kvs().set('lease', { n: 1 }, { ttl: { value: 1, unit: 'SECONDS' } });
    const store = new KvsStore(kvs(), () => Date.now() + 5_000);
    await expect(store.getMany(['lease'], CountSchema)).resolves.toEqual(new Map());
  });
});
