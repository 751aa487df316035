/**
 * What a workflow validator costs (ISSUE 9 "Validators"): the real validate-transition use case, as the Forge
 * handler calls it, run against a seeded simulator with a fixed latency on every Jira request, for `count`
 * transitions of the register's open exceptions. Each validation gets its own counting fetcher, so its Jira calls
 * and its handler time are its own even with several validations at once (as Jira sends them).
 */
import { JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import type { JiraFetcher } from '../src/adapters/jira/jira-fetcher';
import { defaultRetryPolicy } from '../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../src/adapters/memory/memory-store';
import { inParallel } from '../src/application/kpi/kpi-store-layout';
import { validateTransition } from '../src/application/transitions/validate-transition';
import { defaultPolicy } from '../src/domain/policy-schema';
import { createJiraSimulator } from '../simulator';
import { realisticRegister } from '../simulator/seed/realistic-register';
import { seedSiteFromRegister } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';

const NOW = '2026-11-29T09:00:00Z';
/** Validations in flight at once: people transition issues at the same time. */
const CONCURRENCY = 20;

export interface ValidatorCost {
  readonly transitions: number;
  readonly latencyMs: number;
  readonly jiraCallsPerValidation: { readonly mean: number; readonly max: number };
  readonly handlerMs: {
    readonly mean: number;
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
  };
  readonly allowed: number;
  readonly refused: number;
  readonly failed: number;
}

const counting = (inner: JiraFetcher, counter: { calls: number }): JiraFetcher => ({
  requestJira: (path, init) => {
    counter.calls += 1;
    return inner.requestJira(path, init);
  },
});

const at = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export const measureValidators = async (count: number, latencyMs: number): Promise<ValidatorCost> => {
  const policy = defaultPolicy();
  const sim = await createJiraSimulator({ now: () => new Date(NOW), contract: 'record' });
  try {
    const register = realisticRegister({ count, projects: ['SEC'], now: NOW, policy });
    const store = new MemoryStore(() => Date.parse(NOW));
    const site = await seedSiteFromRegister(sim, register, { store, adminToken: 'bench' });
    sim.faults.set({ latencyMs: [latencyMs, latencyMs] });
    const appFetcher = simulatorFetcher(sim);
    const clock = { now: () => NOW };
    // Each exception is asked for the transition its status allows next, by the site admin (who may or may not
    // have the authority: the whole check runs either way).
    const nameOf = (status: string): string =>
      status === 'Approved'
        ? 'retire'
        : status === 'Recertification'
          ? 'recertify'
          : status === 'Submitted' || status === 'Under Review'
            ? 'approve'
            : 'reject';
    const calls: number[] = [];
    const times: number[] = [];
    let allowed = 0;
    let refused = 0;
    let failed = 0;
    const keys = register.exceptions.slice(0, count);
    await inParallel(keys, CONCURRENCY, async (exception) => {
      const counter = { calls: 0 };
      const jiraAsApp = new JiraRestClient(counting(appFetcher, counter), defaultRetryPolicy());
      const jiraAsUser = new JiraRestClient(
        counting(simulatorFetcher(sim, site.admin.accountId), counter),
        defaultRetryPolicy(),
      );
      const started = performance.now();
      const outcome = await validateTransition(
        {
          issueKey: exception.key,
          configuration: { transition: nameOf(exception.status) },
          modifiedFields: {},
          actorClaim: { kind: 'named', accountId: site.admin.accountId },
        },
        { jiraAsApp, jiraAsUser, store, clock },
      );
      times.push(performance.now() - started);
      calls.push(counter.calls);
      if (outcome.failure !== undefined) failed += 1;
      else if (outcome.answer.result) allowed += 1;
      else refused += 1;
    });
    const sortedTimes = [...times].sort((a, b) => a - b);
    const round = (value: number): number => Math.round(value * 10) / 10;
    return {
      transitions: count,
      latencyMs,
      jiraCallsPerValidation: {
        mean: round(calls.reduce((sum, value) => sum + value, 0) / calls.length),
        max: Math.max(...calls),
      },
      handlerMs: {
        mean: round(times.reduce((sum, value) => sum + value, 0) / times.length),
        p50: round(at(sortedTimes, 0.5)),
        p95: round(at(sortedTimes, 0.95)),
        max: round(sortedTimes.at(-1) ?? 0),
      },
      allowed,
      refused,
      failed,
    };
  } finally {
    await sim.close();
  }
};
