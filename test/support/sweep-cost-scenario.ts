/**
 * One sweep's cost on a seeded site (bench/sweep-cost.ts; test/integration/lifecycle/sweep-cost.test.ts): a
 * register of N in-force exceptions (simulator/seed), 2 % of them due (the 75 % point of a 90-day period: a
 * reminder comment, then recertification opened with its comment and transition — two actions each), swept once by
 * the real use case (runSweep, then each fanned-out queue event through workQueueEvent, one worker at a time) with
 * the real JiraRestClient over the simulator. The app's validators and post functions are stand-ins that accept
 * and record nothing: they run in invocations of their own, whose calls are not the sweep's.
 *
 * Measured: REST calls by endpoint template (the simulator's counter: every HTTP request, 429s included), reads
 * and writes, due actions carried out, the lower bound and the ratio, wall time, the peak of requests in flight,
 * and duplicates found on the resulting site (comments per idempotency marker, repeated status changes per issue).
 *
 * The lower bound, as ISSUE 7 defines it: the pages of the due-issue query at the page size the sweep uses, plus
 * one write per action. One write = one request that changes Jira: a comment (POST …/comment), a transition
 * (POST …/transitions; its comment travels in the same request), an issue, a link, or a property write (PUT
 * …/properties/…).
 */
import { performance } from 'node:perf_hooks';
import { addDays, formatISO, subDays } from 'date-fns';
import { JiraRestClient } from '../../src/adapters/jira/jira-rest-client';
import { emptyJiraClientStats } from '../../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/adapters/jira/send-with-retries';
import type { LifecycleEvent } from '../../src/application/lifecycle/lifecycle-events';
import {
  DEFAULT_SWEEP_OPTIONS,
  DUE_PAGE_SIZE,
  runSweep,
  type SweepDependencies,
  type SweepOptions,
} from '../../src/application/lifecycle/run-sweep';
import { workQueueEvent } from '../../src/application/lifecycle/work-queue-event';
import type { ExceptionRecord, Register } from '../../src/domain/register-schema';
import { createJiraSimulator, type JiraSimulator } from '../../simulator';
import { seedSiteFromRegister, type SeededSite } from '../../simulator/seed/seed-site';
import { simulatorFetcher } from '../../simulator/seed/simulator-fetcher';
import { generateException, REQUESTER, RISK_OWNER } from '../builders/exception-record';

export const SWEEP_NOW = '2026-11-21T09:00:00Z';
/** Every 50th exception is due (2 %), unless a run says otherwise. */
const DUE_EVERY = 50;
const REVIEWER = 'acc-reviewer-cy';

const day = (instant: string, offset: number): string =>
  formatISO(addDays(Date.parse(instant), offset), { representation: 'date' });

/** An Approved exception whose 90-day period started `daysAgo` days before NOW. */
const approved = (index: number, daysAgo: number): ExceptionRecord => {
  const start = subDays(Date.parse(SWEEP_NOW), daysAgo).toISOString();
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

/** N exceptions, every `dueEvery`-th (50: 2 %) at day 70 of 90 (the 75 % reminder and recertification due), the rest at day 10. */
export const sweepRegister = (size: number, dueEvery: number = DUE_EVERY): Register => ({
  version: 1,
  exceptions: Array.from({ length: size }, (_, index) =>
    approved(index, (index + 1) % dueEvery === 0 ? 70 : 10),
  ),
});

export interface SweepRunSettings {
  readonly name: string;
  readonly rate429: number;
  readonly latencyMs: number;
  /** The sweep's options (DEFAULT_SWEEP_OPTIONS unless given). */
  readonly options?: SweepOptions;
  /** Every how many-th exception is due (50 unless given: 2 %). */
  readonly dueEvery?: number;
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

/** POSTs that only read: the bulk fetch of issues (the search and the changelog bulk read are not under /issue/). */
const READ_BY_POST = 'POST /rest/api/3/issue/bulkfetch';

const isWrite = (callKey: string): boolean =>
  (callKey.startsWith('POST /rest/api/3/issue/') && callKey !== READ_BY_POST) ||
  callKey === 'POST /rest/api/3/issue' ||
  callKey === 'POST /rest/api/3/issueLink' ||
  callKey.startsWith('PUT ') ||
  callKey.startsWith('DELETE ');

/** Production retry rules; waits are counted in the client's stats but slept as 1 ms. */
const benchRetryPolicy = (): RetryPolicy => ({
  ...defaultRetryPolicy(),
  sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
});

/**
 * Repeated comments (the same body twice on one issue: each action's comment says something of its own, and
 * a comment sent with its record carries no marker) and repeated status changes per issue, on the resulting site.
 */
const duplicatesOn = (sim: JiraSimulator, keys: readonly string[]) => {
  let comments = 0;
  let transitions = 0;
  for (const key of keys) {
    const issue = sim.state.issue(key);
    if (issue === undefined) continue;
    const bodies = new Map<string, number>();
    for (const comment of issue.comments) {
      const body = JSON.stringify(comment.body);
      bodies.set(body, (bodies.get(body) ?? 0) + 1);
    }
    for (const count of bodies.values()) comments += count - 1;
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

export const measureSweep = async (size: number, settings: SweepRunSettings): Promise<SweepCostRun> => {
  const sim = await createJiraSimulator({ now: () => new Date(SWEEP_NOW) });
  try {
    const dueEvery = settings.dueEvery ?? DUE_EVERY;
    const register = sweepRegister(size, dueEvery);
    // The app's validators and post functions run in their own invocations, not the sweep's: stand-ins that
    // accept every transition and record nothing, so the counter holds the sweep's calls only.
    const site: SeededSite = await seedSiteFromRegister(sim, register, {
      hooks: { validate: () => Promise.resolve({ result: true }), postFunction: () => Promise.resolve(null) },
    });
    const dueKeys = register.exceptions
      .filter((_, index) => (index + 1) % dueEvery === 0)
      .map((record) => record.key);
    const stats = emptyJiraClientStats();
    const jira = new JiraRestClient(simulatorFetcher(sim), benchRetryPolicy(), stats);
    const queued: LifecycleEvent[] = [];
    const deps: SweepDependencies = {
      jiraAsApp: jira,
      jiraAsUser: jira,
      store: site.store,
      clock: { now: () => SWEEP_NOW },
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
    const options = settings.options ?? DEFAULT_SWEEP_OPTIONS;
    const outcome = await runSweep(deps, options);
    if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
    let failed = outcome.failed.length;
    let actionsDone = outcome.swept.reduce((sum, issue) => sum + issue.done.length, 0);
    let events = 0;
    // One queue worker at a time: the figures are per sweep, not per platform parallelism.
    while (queued.length > 0) {
      const event = queued.shift();
      if (event === undefined) break;
      events += 1;
      const work = await workQueueEvent(event, deps, options);
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
