/**
 * The sweep as the scheduled trigger runs it, against a simulated site with the real handlers installed
 * (exception-harness): Jira as the app over the simulator, the app's KVS, the test clock, a recording queue and an
 * unlimited invocation budget unless a test gives another. `killedAfter(n)` is a Jira client whose connection dies
 * after n requests: every later request throws, as if the invocation had been killed there. `killSwitch(n)` does
 * the same over Jira requests and store calls together, so a kill can fall between any two of them.
 */
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import type { LifecycleEvent } from '../../../src/application/lifecycle/lifecycle-events';
import type { SweepDependencies } from '../../../src/application/lifecycle/run-sweep';
import type { InvocationBudget } from '../../../src/application/ports/invocation-budget';
import type { StorePort } from '../../../src/application/ports/store-port';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { SITE_USERS } from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import type { ExceptionSite } from '../transitions/exception-harness';
import { testClock } from '../transitions/test-clock';

export class KilledError extends Error {
  constructor() {
    super('the invocation was killed here');
    this.name = 'KilledError';
  }
}

/** A fetcher whose requests after the first `n` throw. */
export const killedAfter = (inner: JiraFetcher, n: number): JiraFetcher => {
  let sent = 0;
  return {
    requestJira: (path, init) => {
      sent += 1;
      return sent > n ? Promise.reject(new KilledError()) : inner.requestJira(path, init);
    },
  };
};

/** One budget of `n` operations shared by a Jira fetcher and a store: every operation after the n-th throws. */
export const killSwitch = (n: number) => {
  let spent = 0;
  /** Spends one operation: false once the budget is gone. */
  const alive = (): boolean => {
    spent += 1;
    return spent <= n;
  };
  return {
    fetcher: (inner: JiraFetcher): JiraFetcher => ({
      requestJira: (path, init) =>
        alive() ? inner.requestJira(path, init) : Promise.reject(new KilledError()),
    }),
    store: (inner: StorePort): StorePort =>
      new Proxy(inner, {
        get: (target, property, receiver) => {
          const member: unknown = Reflect.get(target, property, receiver);
          if (typeof member !== 'function') return member;
          return (...args: unknown[]): unknown =>
            alive()
              ? (member as (...parameters: unknown[]) => unknown).apply(target, args)
              : Promise.reject(new KilledError());
        },
      }),
  };
};

/** The app's comments on the issue (written by no person of the site) that contain `words`. */
export const appCommentCount = (site: ExceptionSite, key: string, words: string): number => {
  const issue = site.sim.state.issue(key);
  if (issue === undefined) throw new Error(`no issue ${key}`);
  const people: readonly string[] = Object.values(SITE_USERS);
  return issue.comments.filter(
    (comment, index) =>
      !people.includes(comment.authorAccountId) && site.commentText(key, index).includes(words),
  ).length;
};

export interface SweepHarness {
  readonly deps: SweepDependencies;
  readonly queued: LifecycleEvent[];
}

export const UNLIMITED: InvocationBudget = { remainingMs: () => Number.POSITIVE_INFINITY };

export const sweepDependencies = (
  site: ExceptionSite,
  options: { fetcher?: JiraFetcher; store?: StorePort; budget?: InvocationBudget } = {},
): SweepHarness => {
  const queued: LifecycleEvent[] = [];
  const jira = new JiraRestClient(options.fetcher ?? simulatorFetcher(site.sim), fastRetryPolicy());
  return {
    queued,
    deps: {
      jiraAsApp: jira,
      jiraAsUser: jira,
      store: options.store ?? new KvsStore(),
      clock: testClock,
      queue: {
        push: (events) => {
          queued.push(...events);
          return Promise.resolve();
        },
      },
      budget: options.budget ?? UNLIMITED,
    },
  };
};
