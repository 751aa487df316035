import { z } from 'zod';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';

const ValueSchema = z.object({ n: z.number() });

describe('MemoryStore', () => {
  it('keeps a value written without a TTL, and forgets one written with a TTL once it runs out', async () => {
    let now = Date.parse('2026-11-21T09:00:00Z');
    const store = new MemoryStore(() => now);
    await store.set('kept', { n: 1 });
    await store.set('job:1', { n: 2 }, { ttlSeconds: 60 });
    now += 59_999;
    await expect(store.get('job:1', ValueSchema)).resolves.toEqual({ n: 2 });
    now += 1;
    await expect(store.get('job:1', ValueSchema)).resolves.toBeUndefined();
    await expect(store.get('kept', ValueSchema)).resolves.toEqual({ n: 1 });
  });
});
