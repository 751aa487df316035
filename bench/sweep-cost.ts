/**
 * The lifecycle sweep's cost (ISSUE 7 closing note; ISSUE 9 "Sweep"): a site seeded from a register of N in-force
 * exceptions (simulator/seed), 2 % of them due (the 75 % point of a 90-day period: a reminder comment and the move
 * to Recertification, two actions each), swept once by the real use case (runSweep, then each fanned-out queue
 * event through workQueueEvent, one worker at a time) with the real JiraRestClient over the simulator.
 *
 * Per run: REST calls by endpoint template (the simulator's counter: every HTTP request, 429s included), reads
 * and writes, due actions carried out, the lower bound and the ratio, wall time, the peak of requests in flight,
 * and the duplicates found on the resulting site. Runs: no faults; 10 % 429 (Retry-After 1 s, obeyed as waited
 * time but slept as 1 ms so the run stays short: `retryWaitMs` says what a real run would have waited); and a
 * fixed per-request latency (`--latency`, 100 ms by default) at the smallest size. The app's validators and post
 * functions are stand-ins (they run in invocations of their own, whose calls are not the sweep's).
 *
 * The lower bound, as ISSUE 7 defines it: the pages of the due-issue query at the page size the sweep uses, plus
 * one write per action. One write = one request that changes Jira: a comment (POST …/comment), a transition
 * (POST …/transitions; its comment travels in the same request) or a property write (PUT …/properties/…). A
 * non-transition action also needs its record in the lifecycle property: `writesPerAction` shows it.
 *
 * `npx tsx bench/sweep-cost.ts [--quick] [--latency MS]` → bench/results/sweep-cost.json and a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, formatISO, subDays } from 'date-fns';
import { IDEMPOTENCY_PROPERTY_KEY, JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import { emptyJiraClientStats } from '../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy, type RetryPolicy } from '../src/adapters/jira/send-with-retries';
import type { LifecycleEvent } from '../src/application/lifecycle/lifecycle-events';
import { DUE_PAGE_SIZE, runSweep, type SweepDependencies } from '../src/application/lifecycle/run-sweep';
import { workQueueEvent } from '../src/application/lifecycle/work-queue-event';
import type { ExceptionRecord, Register } from '../src/domain/register-schema';
import { createJiraSimulator, type JiraSimulator } from '../simulator';
import { seedSiteFromRegister, type SeededSite } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';
import { generateException, REQUESTER, RISK_OWNER } from '../test/builders/exception-record';

const NOW = '2026-11-21T09:00:00Z';
const DUE_SHARE = 0.02;
const REVIEWER = 'acc-reviewer-cy';

interface Args {
  readonly quick: boolean;
  readonly latencyMs: number;
}

const parseArgs = (argv: readonly string[]): Args => {
  const at = argv.indexOf('--latency');
  const latency = at >= 0 ? Number(argv[at + 1]) : 100;
  if (!Number.isFinite(latency) || latency < 0) throw new Error('--latency takes a number of milliseconds');
  return { quick: argv.includes('--quick'), latencyMs: latency };
};

const day = (instant: string, offset: number): string =>
  formatISO(addDays(Date.parse(instant), offset), { representation: 'date' });

/** An Approved exception whose 90-day period started `daysAgo` days before NOW. */
const approved = (index: number, daysAgo: number): ExceptionRecord => {
  const start = subDays(Date.parse(NOW), daysAgo).toISOString();
  const periodStart = start.slice(0, 10);
  const periodEnd = day(start, 89);
  return generateException({
    id: String(20_000 + index),
    key: `SEC-${index + 1}`,
    status: 'Approved',
    expirationDate: periodEnd,
    createdAt: subDays(Date.parse(start), 2).toISOString(),
    history: [
      { at: subDays(Date.parse(start), 2).toISOString(), action: 'submitted', by: REQUESTER.accountId },
      { at: subDays(Date.parse(start), 2).toISOString(), action: 'triaged', by: null },
      { at: start, action: 'approved', by: REVIEWER, periodStart, periodEnd, policyVersion: 1 },
    ],
    riskOwner: { ...RISK_OWNER },
  });
};

/** N exceptions, every 50th (2 %) at day 70 of 90 (the 75 % reminder and recertification due), the rest at day 10. */
export const sweepRegister = (size: number): Register => ({
  version: 1,
  exceptions: Array.from({ length: size }, (_, index) =>
    approved(index, (index + 1) % Math.round(1 / DUE_SHARE) === 0 ? 70 : 10),
  ),
});

interface RunSettings {
  readonly name: string;
  readonly rate429: number;
  readonly latencyMs: number;
}

export interface SweepCostRun {
  readonly exceptions: number;
  readonly run: string;
  readonly due: number;
  readonly pageSize: number;
  readonly restCalls: number;
  readonly rateLimited: number;
  readonly reads: number;
  readonly writes: number;
  readonly callsByEndpoint: Record<string, number>;
  readonly actionsDone: number;
  readonly lowerBound: { readonly duePages: number; readonly writes: number; readonly total: number };
  /** REST calls (429s excluded) over the lower bound. */
  readonly ratio: number;
  readonly readsOverDuePages: number;
  readonly writesPerAction: number;
  readonly callsPerDueIssue: number;
  readonly wallMs: number;
  readonly retryWaitMs: number;
  readonly peakInFlight: number;
  readonly failed: number;
  readonly duplicates: { readonly comments: number; readonly transitions: number };
  readonly queueEvents: number;
}


const isWrite = (callKey: string): boolean =>
  callKey.startsWith('POST /rest/api/3/issue/') ||
  callKey === 'POST /rest/api/3/issue' ||
  callKey === 'POST /rest/api/3/issueLink' ||
  callKey.startsWith('PUT ') ||
  callKey.startsWith('DELETE ');

/** Production retry rules; waits are counted in the client's stats but slept as 1 ms. */
const benchRetryPolicy = (): RetryPolicy => ({
  ...defaultRetryPolicy(),
  sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
});

/** Comments per idempotency marker and status changes per issue, counted on the resulting site. */
const duplicatesOn = (sim: JiraSimulator, keys: readonly string[]) => {
  let comments = 0;
  let transitions = 0;
  for (const key of keys) {
    const issue = sim.state.issue(key);
    if (issue === undefined) continue;
    const markers = new Map<string, number>();
    for (const comment of issue.comments) {
      const marker = (
        comment.properties?.get(IDEMPOTENCY_PROPERTY_KEY) as { idempotencyKey?: string } | undefined
      )?.idempotencyKey;
      if (marker !== undefined) markers.set(marker, (markers.get(marker) ?? 0) + 1);
    }
    for (const count of markers.values()) comments += count - 1;
    const moves = new Map<string, number>();
    for (const history of issue.changelog) {
      for (const item of history.items) {
        if (item.fieldId !== 'status') continue;
        const move = `${item.from ?? ''}→${item.to ?? ''}`;
        moves.set(move, (moves.get(move) ?? 0) + 1);
      }
    }
    for (const count of moves.values()) transitions += count - 1;
  }
  return { comments, transitions };
};

const runOnce = async (size: number, settings: RunSettings): Promise<SweepCostRun> => {
  const sim = await createJiraSimulator({ now: () => new Date(NOW) });
  try {
    const register = sweepRegister(size);
    // The app's validators and post functions run in their own invocations, not the sweep's: stand-ins that
    // accept every transition and record nothing, so the counter holds the sweep's calls only.
    const site: SeededSite = await seedSiteFromRegister(sim, register, {
      hooks: { validate: () => Promise.resolve({ result: true }), postFunction: () => Promise.resolve(null) },
    });
    const dueKeys = register.exceptions
      .filter((_, index) => (index + 1) % Math.round(1 / DUE_SHARE) === 0)
      .map((record) => record.key);
    const stats = emptyJiraClientStats();
    const jira = new JiraRestClient(simulatorFetcher(sim), benchRetryPolicy(), stats);
    const queued: LifecycleEvent[] = [];
    const deps: SweepDependencies = {
      jiraAsApp: jira,
      jiraAsUser: jira,
      store: site.store,
      clock: { now: () => NOW },
      queue: {
        push: (events) => {
          queued.push(...events);
          return Promise.resolve();
        },
      },
      budget: { remainingMs: () => Number.POSITIVE_INFINITY },
    };
    sim.calls.reset();
    sim.faults.set({
      ...(settings.rate429 > 0 ? { rate429: settings.rate429, retryAfterSeconds: 1 } : {}),
      ...(settings.latencyMs > 0 ? { latencyMs: [settings.latencyMs, settings.latencyMs] as const } : {}),
      seed: 20261129,
    });
    const started = performance.now();
    const outcome = await runSweep(deps);
    if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
    let failed = outcome.failed.length;
    if (process.env.BENCH_DEBUG) console.error(outcome.failed.slice(0, 2));
    let actionsDone = outcome.swept.reduce((sum, issue) => sum + issue.done.length, 0);
    let events = 0;
    // One queue worker at a time: the figures are per sweep, not per platform parallelism.
    while (queued.length > 0) {
      const event = queued.shift();
      if (event === undefined) break;
      events += 1;
      const work = await workQueueEvent(event, deps);
      if (work.outcome !== 'swept') throw new Error(`the worker answered ${work.outcome}`);
      failed += work.failed.length;
      actionsDone += work.swept.reduce((sum, issue) => sum + issue.done.length, 0);
    }
    const wallMs = Math.round(performance.now() - started);
    await sim.idle();
    const rateLimited = sim.faults.stats.rateLimited;
    sim.faults.set({});

    const callsByEndpoint = sim.calls.snapshot();
    const restCalls = sim.calls.total;
    const answered = restCalls - rateLimited;
    let writes = 0;
    for (const [key, count] of Object.entries(callsByEndpoint)) if (isWrite(key)) writes += count;
    // 429s are spread over reads and writes alike; the split counts answered requests only when none were injected.
    const reads = restCalls - writes;
    const pageSize = DUE_PAGE_SIZE;
    const duePages = Math.max(1, Math.ceil(dueKeys.length / Math.max(1, pageSize)));
    const lowerWrites = actionsDone;
    return {
      exceptions: size,
      run: settings.name,
      due: dueKeys.length,
      pageSize,
      restCalls,
      rateLimited,
      reads,
      writes,
      callsByEndpoint,
      actionsDone,
      lowerBound: { duePages, writes: lowerWrites, total: duePages + lowerWrites },
      ratio: Number((answered / (duePages + lowerWrites)).toFixed(2)),
      readsOverDuePages: Number((reads / duePages).toFixed(1)),
      writesPerAction: Number((writes / Math.max(1, actionsDone)).toFixed(2)),
      callsPerDueIssue: Number((answered / Math.max(1, dueKeys.length)).toFixed(2)),
      wallMs,
      retryWaitMs: stats.waitedMs,
      peakInFlight: sim.calls.peakInFlight,
      failed,
      duplicates: duplicatesOn(sim, dueKeys),
      queueEvents: events,
    };
  } finally {
    await sim.close();
  }
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const sizes = args.quick ? [250] : [1_000, 10_000];
  const runs: SweepCostRun[] = [];
  for (const size of sizes) {
    runs.push(await runOnce(size, { name: 'no faults', rate429: 0, latencyMs: 0 }));
    runs.push(await runOnce(size, { name: '10% 429', rate429: 0.1, latencyMs: 0 }));
  }
  if (args.latencyMs > 0)
    runs.push(
      await runOnce(sizes[0] ?? 250, {
        name: `${args.latencyMs} ms latency`,
        rate429: 0,
        latencyMs: args.latencyMs,
      }),
    );
  const file = path.join(__dirname, 'results', 'sweep-cost.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        command: `npx tsx bench/sweep-cost.ts ${process.argv.slice(2).join(' ')}`.trim(),
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
      run: run.run,
      due: run.due,
      actions: run.actionsDone,
      calls: run.restCalls,
      '429': run.rateLimited,
      reads: run.reads,
      writes: run.writes,
      bound: run.lowerBound.total,
      ratio: run.ratio,
      'calls/due': run.callsPerDueIssue,
      'writes/action': run.writesPerAction,
      'wall ms': run.wallMs,
      peak: run.peakInFlight,
      dup: run.duplicates.comments + run.duplicates.transitions,
      failed: run.failed,
    })),
  );
  for (const run of runs.filter((candidate) => candidate.run === 'no faults'))
    console.log(`${run.exceptions} exceptions, calls by endpoint:`, run.callsByEndpoint);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  const clean = runs.every(
    (run) => run.failed === 0 && run.duplicates.comments + run.duplicates.transitions === 0,
  );
  process.exitCode = clean ? 0 : 1;
};

void main();
