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
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../src/adapters/memory/memory-store';
import { getKpis } from '../src/application/kpi/get-kpis';
import { applyKpiChange, rebuildKpiProject } from '../src/application/kpi/kpi-read-model';
import { KPI_REBUILD_PAGE_SIZE } from '../src/application/kpi/rebuild-kpi-project';
import { computeKpis } from '../src/domain/kpi';
import { defaultPolicy } from '../src/domain/policy-schema';
import { createJiraSimulator } from '../simulator';
import { realisticRegister } from '../simulator/seed/realistic-register';
import { seedSiteFromRegister } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';
import { CountingStore, type StoreCounts } from '../test/support/counting-store';

const NOW = '2026-11-29T09:00:00Z';
const PROJECTS = ['SEC', 'OPS', 'PAY'];
const clock = { now: () => NOW };
const unlimited = { remainingMs: () => Number.POSITIVE_INFINITY };

interface Args {
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

const parseArgs = (argv: readonly string[]): Args => ({
  quick: argv.includes('--quick'),
  latencyMs: numberAfter(argv, '--latency', 100),
  kvsLatencyMs: numberAfter(argv, '--kvs-latency', 20),
});

const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );

export interface KpiCostRun {
  readonly exceptions: number;
  readonly cold: {
    readonly restCalls: number;
    readonly lowerBound: number;
    readonly ratio: number;
    readonly wallMs: number;
    readonly kvs: StoreCounts;
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
  readonly heapUsedMb: number;
}

const snapshot = (counts: StoreCounts): StoreCounts => ({ ...counts });

const measure = async (size: number, args: Args): Promise<KpiCostRun> => {
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
    const cold = {
      restCalls: sim.calls.total,
      lowerBound,
      ratio: Number((sim.calls.total / lowerBound).toFixed(3)),
      wallMs: Math.round(coldWall),
      kvs: snapshot(store.counts),
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
    return {
      exceptions: size,
      cold,
      warm,
      perChange: snapshot(store.counts),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
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
  const file = path.join(__dirname, 'results', 'kpi-cost.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        command: `npx tsx bench/kpi-cost.ts ${process.argv.slice(2).join(' ')}`.trim(),
        latencyMs: args.latencyMs,
        kvsLatencyMs: args.kvsLatencyMs,
        node: process.version,
        cores: os.cpus().length,
        memoryBytes: os.totalmem(),
        runs,
      },
      null,
      2,
    )}\n`,
  );
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
    })),
  );
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  process.exitCode = runs.every((run) => run.warm.matchesKpiCommand && run.cold.ratio <= 1.1) ? 0 : 1;
};

void main();
