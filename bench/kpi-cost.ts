/**
 * What the KPI gadget costs (ISSUE 7 closing note; ISSUE 9 "KPI data"): a site seeded with N exceptions in 3
 * projects (simulator/seed/realistic-register.ts), the read model rebuilt cold by the real rebuild, then the real
 * getKpis use case answered warm, with a fixed latency on every Jira request (100 ms by default) and on every KVS
 * request (20 ms by default). For each size: REST calls against the lower bound (pages of 100, the most the search
 * gives with fields), KVS requests, bytes and capacity units, wall time, heap; the KVS cost of one change
 * (applyKpiChange); and a check that the warm answer equals `computeKpis` over the register (the `kpi` command).
 *
 * `npx tsx bench/kpi-cost.ts [--quick] [--latency MS] [--kvs-latency MS]` → bench/results/kpi-cost.json and a table.
 */
import path from 'node:path';
import { route } from '@forge/api';
import { z } from 'zod';
import { JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../src/adapters/memory/memory-store';
import { getKpis } from '../src/application/kpi/get-kpis';
import { applyKpiChange, rebuildKpiProject } from '../src/application/kpi/kpi-read-model';
import { inParallel } from '../src/application/kpi/kpi-store-layout';
import {
  KPI_REBUILD_PAGE_SIZE,
  kpiFieldIds,
  kpiRebuildJql,
} from '../src/application/kpi/rebuild-kpi-project';
import { computeKpis } from '../src/domain/kpi';
import { defaultPolicy } from '../src/domain/policy-schema';
import { createJiraSimulator } from '../simulator';
import { realisticRegister } from '../simulator/seed/realistic-register';
import { seedSiteFromRegister } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';
import { sortedJson } from '../test/support/sorted-json';
import { CountingStore, type StoreCounts } from '../test/support/counting-store';
import { machine, writeResults } from './bench-results';

const NOW = '2026-11-29T09:00:00Z';
const PROJECTS = ['SEC', 'OPS', 'PAY'];
const clock = { now: () => NOW };
const unlimited = { remainingMs: () => Number.POSITIVE_INFINITY };

/** How stale the warm answer may be (the read model's update paths, kpi-read-model.ts and refresh-kpi-issue.ts). */
export const STALENESS_BOUND =
  '0 s for a change the app makes (its use case applies it before returning); field edits outside transitions do not count until the next decision (DESIGN.md §3, the governing record); security levels are asked of Jira on every view; deletions are applied by the issue-deleted trigger; a refresh that failed is caught up by the daily rebuild (≤ 24 h)';

/** Requests in flight at once in the naive way (what a typical app's Promise.all over batches amounts to). */
export const NAIVE_CONCURRENCY = 10;
/** The naive way runs up to this size: beyond it, it is ~1 call per issue by construction and takes many minutes. */
export const NAIVE_MAX_SIZE = 10_000;

export interface Args {
  readonly quick: boolean;
  readonly latencyMs: number;
  readonly kvsLatencyMs: number;
}

const numberAfter = (argv: readonly string[], flag: string, fallback: number): number => {
  const at = argv.indexOf(flag);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} takes a number of milliseconds`);
  return value;
};

export const parseArgs = (argv: readonly string[]): Args => ({
  quick: argv.includes('--quick'),
  latencyMs: numberAfter(argv, '--latency', 100),
  kvsLatencyMs: numberAfter(argv, '--kvs-latency', 20),
});

export interface KpiCostRun {
  readonly exceptions: number;
  readonly cold: {
    readonly restCalls: number;
    readonly lowerBound: number;
    readonly ratio: number;
    readonly wallMs: number;
    readonly kvs: StoreCounts;
    /** Bytes the read model holds once built (every `kpi:` key): the rebuild should write about this much. */
    readonly storedBytes: number;
    readonly bytesWrittenOverStored: number;
  };
  readonly warm: {
    readonly restCalls: number;
    readonly callsByEndpoint: Record<string, number>;
    readonly wallMs: number;
    readonly kvs: StoreCounts;
    readonly answerBytes: number;
    readonly matchesKpiCommand: boolean;
  };
  readonly perChange: StoreCounts;
  /** Search the issues, then one changelog request per issue: what a typical app does. Null beyond NAIVE_MAX_SIZE. */
  readonly naive: {
    readonly restCalls: number;
    readonly wallMs: number;
    readonly ratioToCold: number;
  } | null;
  readonly heapUsedMb: number;
  /** Peak resident memory of the process so far (MB). */
  readonly peakRssMb: number;
  /** Bound on how stale the warm answer may be after a change: applied synchronously by the use case that made it. */
  readonly stalenessBound: string;
}

const snapshot = (counts: StoreCounts): StoreCounts => ({ ...counts });

export const measure = async (size: number, args: Args): Promise<KpiCostRun> => {
  const policy = defaultPolicy();
  // Contract checks recorded, not enforced: at 50,000 issues the check would dominate the run; violations are counted.
  const sim = await createJiraSimulator({ now: () => new Date(NOW), contract: 'record' });
  try {
    const register = realisticRegister({ count: size, projects: PROJECTS, now: NOW, policy });
    const memory = new MemoryStore(() => Date.parse(NOW));
    const site = await seedSiteFromRegister(sim, register, { store: memory, adminToken: 'bench' });
    const store = new CountingStore(memory, args.kvsLatencyMs);
    const asApp = new JiraRestClient(simulatorFetcher(sim), defaultRetryPolicy());
    const asAdmin = new JiraRestClient(simulatorFetcher(sim, site.admin.accountId), defaultRetryPolicy());
    sim.faults.set({ latencyMs: [args.latencyMs, args.latencyMs] });

    sim.calls.reset();
    let started = performance.now();
    for (const project of site.config.projects) {
      let cursor: string | undefined;
      for (;;) {
        const result = await rebuildKpiProject(
          { jiraAsApp: asApp, store, clock, budget: unlimited },
          project.id,
          cursor,
        );
        if (result.done) break;
        cursor = result.cursor;
      }
    }
    const coldWall = performance.now() - started;
    const lowerBound = PROJECTS.reduce(
      (pages, key) =>
        pages +
        Math.ceil(
          register.exceptions.filter((e) => e.key.startsWith(`${key}-`)).length / KPI_REBUILD_PAGE_SIZE,
        ),
      0,
    );
    const storedBytes = (await memory.listByPrefix('kpi:', z.unknown(), Number.MAX_SAFE_INTEGER)).reduce(
      (sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry.value)),
      0,
    );
    const cold = {
      restCalls: sim.calls.total,
      lowerBound,
      ratio: Number((sim.calls.total / lowerBound).toFixed(3)),
      wallMs: Math.round(coldWall),
      kvs: snapshot(store.counts),
      storedBytes,
      bytesWrittenOverStored: Number((store.counts.bytesWritten / storedBytes).toFixed(2)),
    };

    sim.calls.reset();
    store.reset();
    started = performance.now();
    const answer = await getKpis.run(
      {},
      { jiraAsUser: asAdmin, jiraAsApp: asApp, store, clock, queue: { push: () => Promise.resolve() } },
    );
    const warm = {
      restCalls: sim.calls.total,
      callsByEndpoint: sim.calls.snapshot(),
      wallMs: Math.round(performance.now() - started),
      kvs: snapshot(store.counts),
      answerBytes: Buffer.byteLength(JSON.stringify(answer)),
      matchesKpiCommand:
        sortedJson(answer.report) === sortedJson(computeKpis(register.exceptions, policy, NOW)),
    };

    // One change: the first in-force exception's assets edited, as the post function or the edit trigger applies it.
    const changed = register.exceptions.find((e) => e.status === 'Approved') ?? register.exceptions[0]!;
    const issue = sim.state.issue(changed.key)!;
    store.reset();
    await applyKpiChange(
      { store, clock },
      {
        projectId: issue.projectId,
        issueId: issue.id,
        record: { ...changed, affectedAssets: ['bench-asset'] },
        secured: false,
      },
    );
    const perChange = snapshot(store.counts);

    let naive: KpiCostRun['naive'] = null;
    if (size <= NAIVE_MAX_SIZE) {
      const fetcher = simulatorFetcher(sim);
      sim.calls.reset();
      started = performance.now();
      for (const project of site.config.projects) {
        const ids: string[] = [];
        let token: string | undefined;
        for (;;) {
          const page = await asApp.search(kpiRebuildJql(site.config, project.id), {
            fields: kpiFieldIds(site.config),
            properties: [],
            maxResults: KPI_REBUILD_PAGE_SIZE,
            ...(token === undefined ? {} : { nextPageToken: token }),
          });
          ids.push(...page.issues.map((issue) => issue.id));
          if (page.isLast || page.nextPageToken === null) break;
          token = page.nextPageToken;
        }
        await inParallel(ids, NAIVE_CONCURRENCY, async (id) => {
          const response = await fetcher.requestJira(route`/rest/api/3/issue/${id}?expand=changelog`);
          if (response.status !== 200) throw new Error(`changelog of ${id}: HTTP ${String(response.status)}`);
          await response.text();
        });
      }
      naive = {
        restCalls: sim.calls.total,
        wallMs: Math.round(performance.now() - started),
        ratioToCold: Number((sim.calls.total / cold.restCalls).toFixed(1)),
      };
    }
    return {
      exceptions: size,
      cold,
      warm,
      perChange,
      naive,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      stalenessBound: STALENESS_BOUND,
    };
  } finally {
    await sim.close();
  }
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const sizes = args.quick ? [1_000] : [1_000, 10_000, 50_000];
  const runs: KpiCostRun[] = [];
  for (const size of sizes) {
    runs.push(await measure(size, args));
    console.log(`measured ${String(size)} exceptions`);
  }
  const file = writeResults('kpi-cost.json', {
    measuredAt: new Date().toISOString(),
    command: `npx tsx bench/kpi-cost.ts ${process.argv.slice(2).join(' ')}`.trim(),
    latencyMs: args.latencyMs,
    kvsLatencyMs: args.kvsLatencyMs,
    ...machine(),
    runs,
  });
  console.table(
    runs.map((run) => ({
      exceptions: run.exceptions,
      'cold calls': run.cold.restCalls,
      bound: run.cold.lowerBound,
      ratio: run.cold.ratio,
      'cold ms': run.cold.wallMs,
      'cold kvs w': run.cold.kvs.writes,
      'warm calls': run.warm.restCalls,
      'warm kvs r': run.warm.kvs.reads,
      'warm units': run.warm.kvs.readUnits,
      'warm ms': run.warm.wallMs,
      '= kpi': run.warm.matchesKpiCommand,
      'change r/w': `${String(run.perChange.reads)}/${String(run.perChange.writes)}`,
      'heap MB': run.heapUsedMb,
      'naive calls': run.naive?.restCalls ?? '-',
      'naive/ours': run.naive?.ratioToCold ?? '-',
    })),
  );
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  process.exitCode = runs.every((run) => run.warm.matchesKpiCommand && run.cold.ratio <= 1.1) ? 0 : 1;
};

if (require.main === module) void main();
