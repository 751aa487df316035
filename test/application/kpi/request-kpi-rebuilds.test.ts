/**
 * The hourly sweep asks for KPI rebuilds: of each set-up project whose model is missing or a day old, not of one
 * fresh or being rebuilt; and the queue worker runs a `rebuild-kpis` event, pushing its continuation with the
 * cursor while the rebuild is not done.
 */
import { z } from 'zod';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { kpiKeys, type KpiManifest } from '../../../src/application/kpi/kpi-store-layout';
import { requestKpiRebuilds } from '../../../src/application/kpi/request-kpi-rebuilds';
import {
  LifecycleEventSchema,
  type LifecycleEvent,
} from '../../../src/application/lifecycle/lifecycle-events';
import { workQueueEvent } from '../../../src/application/lifecycle/work-queue-event';
import type { IssuesPort, SearchPage } from '../../../src/application/ports/jira-port';
import { SITE_CONFIG_KEY, type SiteConfig } from '../../../src/application/site-config';
import { SITE_CONFIG } from '../transitions/exception-site';

const NOW = '2026-11-21T09:00:00Z';
const CONFIG: SiteConfig = {
  ...SITE_CONFIG,
  projects: [
    { id: '10000', key: 'SEC' },
    { id: '10001', key: 'OPS' },
    { id: '10002', key: 'NET' },
    { id: '10003', key: 'LAB' },
  ],
};

const manifest = (projectId: string, rebuiltAt: string | null): KpiManifest => ({
  version: 1,
  projectId,
  asOf: NOW,
  rebuiltAt,
  summaryChunks: 1,
  bucketCount: 256,
  secured: 0,
  generation: 1,
  chunks: [{ id: 0, units: [['state', 120]] }],
  nextChunk: 1,
});

const recordingQueue = () => {
  const pushed: LifecycleEvent[] = [];
  return {
    pushed,
    queue: {
      push: (events: readonly LifecycleEvent[]) => {
        pushed.push(...events);
        return Promise.resolve();
      },
    },
  };
};

describe('requestKpiRebuilds', () => {
  it('queues the projects without a model or with one a day old, not a fresh one or one being rebuilt', async () => {
    const store = new MemoryStore(() => Date.parse(NOW));
    await store.set(SITE_CONFIG_KEY, CONFIG);
    await store.set(kpiKeys.manifest('10001'), manifest('10001', '2026-11-20T09:00:00Z'));
    await store.set(kpiKeys.manifest('10002'), manifest('10002', '2026-11-21T08:00:00Z'));
    await store.set(kpiKeys.rebuild('10003'), { generation: 1, startedAt: '2026-11-21T08:30:00Z' });
    const { pushed, queue } = recordingQueue();

    expect(await requestKpiRebuilds({ store, queue, clock: { now: () => NOW } })).toEqual(['10000', '10001']);
    expect(pushed).toEqual([
      { kind: 'rebuild-kpis', projectId: '10000' },
      { kind: 'rebuild-kpis', projectId: '10001' },
    ]);
  });

  it('queues at once a fresh model written by the earlier layout (no chunk layout), which reads as none', async () => {
    const store = new MemoryStore(() => Date.parse(NOW));
    await store.set(SITE_CONFIG_KEY, { ...CONFIG, projects: CONFIG.projects.slice(0, 2) });
    const legacy: Partial<KpiManifest> = manifest('10000', '2026-11-21T08:00:00Z');
    delete legacy.chunks;
    delete legacy.nextChunk;
    await store.set(kpiKeys.manifest('10000'), legacy);
    await store.set(kpiKeys.manifest('10001'), manifest('10001', '2026-11-21T08:00:00Z'));
    const { queue } = recordingQueue();

    expect(await requestKpiRebuilds({ store, queue, clock: { now: () => NOW } })).toEqual(['10000']);
  });

  it('queues nothing on a site not set up', async () => {
    const { pushed, queue } = recordingQueue();
    const store = new MemoryStore(() => Date.parse(NOW));
    expect(await requestKpiRebuilds({ store, queue, clock: { now: () => NOW } })).toEqual([]);
    expect(pushed).toEqual([]);
  });
});

describe('the rebuild-kpis queue event', () => {
  it('refuses a project id that is not a Jira id, and a cursor beyond its bound', () => {
    expect(LifecycleEventSchema.safeParse({ kind: 'rebuild-kpis', projectId: '../x' }).success).toBe(false);
    expect(
      LifecycleEventSchema.safeParse({ kind: 'rebuild-kpis', projectId: '1', cursor: 'x'.repeat(4_001) })
        .success,
    ).toBe(false);
  });

  it('pushes its continuation with the cursor while the rebuild is not done, then stops', async () => {
    const store = new MemoryStore(() => Date.parse(NOW));
    await store.set(SITE_CONFIG_KEY, CONFIG);
    const page = (token: string | null): SearchPage => ({
      issues: [],
      nextPageToken: token,
      isLast: token === null,
    });
    const tokens = ['page-2', null];
    const jira = { search: () => Promise.resolve(page(tokens.shift() ?? null)) } as unknown as IssuesPort;
    let remaining: number[] = [Number.POSITIVE_INFINITY, 0];
    const budget = { remainingMs: () => remaining.shift() ?? Number.POSITIVE_INFINITY };
    const { pushed, queue } = recordingQueue();
    const deps = {
      jiraAsApp: jira,
      jiraAsUser: jira,
      store,
      queue,
      clock: { now: () => NOW },
      budget,
    } as unknown as Parameters<typeof workQueueEvent>[1];

    expect(await workQueueEvent({ kind: 'rebuild-kpis', projectId: '10000' }, deps)).toEqual({
      outcome: 'kpis-rebuilt',
      projectId: '10000',
      done: false,
    });
    expect(pushed).toEqual([{ kind: 'rebuild-kpis', projectId: '10000', cursor: '1:page-2' }]);

    remaining = [];
    expect(await workQueueEvent(pushed[0], deps)).toEqual({
      outcome: 'kpis-rebuilt',
      projectId: '10000',
      done: true,
    });
    expect(pushed).toHaveLength(1);
    expect(await store.get(kpiKeys.manifest('10000'), z.unknown())).toMatchObject({
      generation: 1,
      rebuiltAt: NOW,
    });
  });
});
