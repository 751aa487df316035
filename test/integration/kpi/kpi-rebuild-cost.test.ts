/**
 * ISSUE 9 item 2, the read model's KVS cost against a seeded site (one project of 600 exceptions): the rebuild
 * sizes its buckets to the project and writes each once per invocation (about the bytes it leaves stored, not a
 * rewrite of every bucket per page); resumed from its cursor it writes each at most once per invocation and gives
 * the same model; one change rewrites its bucket and the chunks of the sections it touches, within 10 write units.
 */
import { z } from 'zod';
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import {
  applyKpiChange,
  readKpiFacts,
  readKpiProjects,
  rebuildKpiProject,
  type RebuildKpiDependencies,
} from '../../../src/application/kpi/kpi-read-model';
import { bucketCountFor, KpiManifestSchema, kpiKeys } from '../../../src/application/kpi/kpi-store-layout';
import type { InvocationBudget } from '../../../src/application/ports/invocation-budget';
import type { StorePort } from '../../../src/application/ports/store-port';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { readSiteRegister } from '../../../src/application/register/read-site-register';
import { createJiraSimulator, type JiraSimulator } from '../../../simulator';
import { seedSiteFromRegister, type SeededSite } from '../../../simulator/seed/seed-site';
import { simulatorFetcher } from '../../../simulator/seed/simulator-fetcher';
import { CountingStore } from '../../support/counting-store';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { kpiRegister } from './kpi-register';

jest.setTimeout(300_000);

const NOW = '2026-11-21T09:00:00Z';
const ISSUES = 600;
const UNLIMITED: InvocationBudget = { remainingMs: () => Number.POSITIVE_INFINITY };
const pagesOnly = (pages: number): InvocationBudget => {
  let asked = 0;
  return { remainingMs: () => ((asked += 1) <= pages ? Number.POSITIVE_INFINITY : 0) };
};

let sim: JiraSimulator;
let site: SeededSite;
let jira: JiraRestClient;

const projectId = (): string => site.config.projects[0]?.id ?? '';
const depsWith = (store: StorePort, budget = UNLIMITED): RebuildKpiDependencies => ({
  jiraAsApp: jira,
  store,
  clock: { now: () => sim.state.nowIso() },
  budget,
});
const freshStore = async (): Promise<MemoryStore> => {
  const store = new MemoryStore(() => Date.parse(sim.state.nowIso()));
  await store.set(SITE_CONFIG_KEY, site.config);
  return store;
};
const storedBytes = async (store: StorePort): Promise<number> =>
  (await store.listByPrefix('kpi:', z.unknown(), Number.MAX_SAFE_INTEGER)).reduce(
    (sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry.value)),
    0,
  );
const bucketWrites = (store: CountingStore): number[] =>
  [...store.writesByKey].filter(([key]) => key.includes(':facts:')).map(([, count]) => count);

beforeAll(async () => {
  sim = await createJiraSimulator({ now: () => new Date(NOW) });
  site = await seedSiteFromRegister(sim, kpiRegister(['KRC'], ISSUES), { adminToken: 'admin-token' });
  jira = new JiraRestClient(simulatorFetcher(sim), fastRetryPolicy());
});
afterAll(() => sim.close());

describe('what the KPI read model writes', () => {
  it('rebuilds writing each bucket once, buckets sized to the project, about the bytes it leaves stored', async () => {
    const memory = await freshStore();
    const store = new CountingStore(memory);
    expect(await rebuildKpiProject(depsWith(store), projectId())).toEqual({ done: true });
    const manifest = await memory.get(kpiKeys.manifest(projectId()), KpiManifestSchema);
    expect(manifest?.bucketCount).toBe(bucketCountFor(ISSUES));
    expect(manifest?.issues).toBe(ISSUES);
    const writes = bucketWrites(store);
    expect(writes).toHaveLength(bucketCountFor(ISSUES));
    expect(writes.every((count) => count === 1)).toBe(true);
    expect(store.counts.bytesWritten).toBeLessThanOrEqual(1.2 * (await storedBytes(memory)));
  });

  it('resumed from its cursor, writes each bucket at most once per invocation, to the same model', async () => {
    const whole = await freshStore();
    await rebuildKpiProject(depsWith(whole), projectId());
    const memory = await freshStore();
    const store = new CountingStore(memory);
    let result = await rebuildKpiProject(depsWith(store, pagesOnly(2)), projectId());
    let invocations = 1;
    while (!result.done) {
      result = await rebuildKpiProject(depsWith(store, pagesOnly(2)), projectId(), result.cursor);
      invocations += 1;
    }
    expect(invocations).toBe(3);
    expect(Math.max(...bucketWrites(store))).toBeLessThanOrEqual(invocations);
    const [stepped, reference] = [memory, whole].map(async (s) =>
      (await readKpiProjects(s, [projectId()])).get(projectId()),
    );
    expect(JSON.stringify((await stepped)?.summary)).toBe(JSON.stringify((await reference)?.summary));
    expect([...(await readKpiFacts(memory, projectId()))].sort()).toEqual(
      [...(await readKpiFacts(whole, projectId()))].sort(),
    );
  });

  it('applies one change within 10 KVS write units: its bucket, the chunks it touches, the manifest', async () => {
    const memory = await freshStore();
    await rebuildKpiProject(depsWith(memory), projectId());
    const { exceptions } = await readSiteRegister(jira, site.config);
    const record = exceptions.find((candidate) => candidate.status === 'Approved');
    if (record?.id === undefined) throw new Error('no Approved exception');
    const store = new CountingStore(memory);
    const change = {
      projectId: projectId(),
      issueId: record.id,
      record: { ...record, affectedAssets: ['x-1'] },
      secured: false,
    };
    expect(await applyKpiChange({ store, clock: { now: () => NOW } }, change)).toBe('applied');
    expect(store.counts.writeUnits).toBeLessThanOrEqual(10);
    const chunkWrites = [...store.writesByKey.keys()].filter((key) => key.includes(':summary:'));
    // Written under new ids, then the old ids deleted: 2 × the chunks rewritten, of the project's chunks.
    expect(chunkWrites.length).toBeLessThanOrEqual(2 * 2);
    expect(bucketWrites(store)).toEqual([1]);
  });

  it('keeps changes applied between the invocations of a rebuild, a removal included, over what it read before', async () => {
    const memory = await freshStore();
    const { exceptions } = await readSiteRegister(jira, site.config);
    const [first, second] = [...exceptions].sort((a, b) => Number(a.id) - Number(b.id));
    if (first?.id === undefined || second?.id === undefined) throw new Error('no exceptions');
    const [firstId, secondId] = [first.id, second.id];
    let result = await rebuildKpiProject(depsWith(memory, pagesOnly(2)), projectId());
    expect(result.done).toBe(false);
    // Both were read (and flushed) by the first invocation; now the first changes and the second leaves.
    const deps = { store: memory, clock: { now: () => NOW } };
    const changedRecord = { ...first, affectedAssets: ['moved-1'] };
    expect(
      await applyKpiChange(deps, {
        projectId: projectId(),
        issueId: firstId,
        record: changedRecord,
        secured: false,
      }),
    ).toBe('applied');
    expect(
      await applyKpiChange(deps, {
        projectId: projectId(),
        issueId: secondId,
        record: null,
        secured: false,
      }),
    ).toBe('applied');
    while (!result.done)
      result = await rebuildKpiProject(depsWith(memory, pagesOnly(2)), projectId(), result.cursor);

    const facts = await readKpiFacts(memory, projectId());
    expect(facts.has(secondId)).toBe(false);
    expect(facts.get(firstId)?.facts.assets).toEqual(['moved-1']);
    expect(facts.size).toBe(ISSUES - 1);
    // No pin is left behind.
    expect(await memory.listByPrefix(`kpi:${projectId()}:`, z.unknown(), 10_000)).not.toContainEqual(
      expect.objectContaining({ key: expect.stringContaining(':pin:') as unknown }),
    );
  });
});
