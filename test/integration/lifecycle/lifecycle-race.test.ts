/**
 * ISSUE 7 item 2: a post function and the sweep writing one issue's lifecycle at once lose no entry. At the 75 %
 * moment of five exceptions, the sweep has read an issue's lifecycle (in its due query) to record its reminder
 * when the risk owner starts recertification of that issue, and the real post function (delivered twice, as the
 * platform may) goes to record it: either before the sweep takes the issue's lock (the sweep must see that its read
 * is stale: the revision the store keeps says so) or while the sweep holds it, just before the sweep's first write
 * (the post function must wait). Either way every issue ends with both entries, once each.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { runSweep } from '../../../src/application/lifecycle/run-sweep';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { SITE_USERS } from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { sweepDependencies } from './sweep-harness';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();

/** 2026-11-21 through 2027-02-18: 90 days, the 75 % reminder due on 2027-01-27. */
const NINETY_DAYS = { ...EDR_GAP, expirationDate: '2027-02-18' };

/** The issue a request writes: an edit, a transition or a property of it. */
const ISSUE_WRITE = new RegExp(
  `^/rest/api/3/issue/([A-Z]+-\\d+)(?:/transitions|/properties/${LIFECYCLE_PROPERTY_KEY})?$`,
);

/** Before the sweep's first write to each issue (its read already done, its lock held), `meanwhile(issueKey)` runs. */
const beforeFirstWrite = (
  inner: JiraFetcher,
  meanwhile: (issueKey: string) => Promise<void>,
): JiraFetcher => {
  const met = new Set<string>();
  return {
    requestJira: async (path, init) => {
      const issueKey = ISSUE_WRITE.exec(path.value)?.[1];
      if (
        init?.method !== undefined &&
        init.method !== 'GET' &&
        issueKey !== undefined &&
        !met.has(issueKey)
      ) {
        met.add(issueKey);
        await meanwhile(issueKey);
      }
      return inner.requestJira(path, init);
    },
  };
};

/** Right after the sweep's due query answers (before it takes any issue), `meanwhile(issueKey)` runs for each. */
const afterDueQuery = (
  inner: JiraFetcher,
  keys: readonly string[],
  meanwhile: (issueKey: string) => Promise<void>,
): JiraFetcher => {
  let queried = false;
  return {
    requestJira: async (path, init) => {
      const response = await inner.requestJira(path, init);
      if (!queried && path.value === '/rest/api/3/search/jql') {
        queried = true;
        for (const key of keys) await meanwhile(key);
      }
      return response;
    },
  };
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const raiseFive = async (): Promise<string[]> => {
  const keys: string[] = [];
  for (let index = 0; index < 5; index += 1) keys.push(await site().raise(NINETY_DAYS));
  testClock.set('2027-01-27T00:00:00Z');
  return keys;
};

const ownerStartsRecertification = async (issueKey: string): Promise<void> => {
  const owner = site().site.asUser(SITE_USERS.riskOwner);
  const offered = await owner.getTransitions(issueKey);
  const start = offered.find((transition) => transition.name === 'Start recertification');
  if (start === undefined) throw new Error(`Start recertification is not offered on ${issueKey}`);
  await owner.transitionIssue(issueKey, start.id);
  // The post function is delivered now, while the sweep holds what it read: give it time to write.
  await pause(300);
};

const expectBothEntriesOnce = async (keys: readonly string[]): Promise<void> => {
  for (const key of keys) {
    const history = (await site().lifecycle(key)).history;
    expect({
      key,
      status: site().statusOf(key),
      reminders: history.filter((entry) => entry.action === 'reminded').map((entry) => entry.reminder),
      starts: history.filter((entry) => entry.action === 'recertification-started').map((entry) => entry.by),
    }).toEqual({ key, status: 'Recertification', reminders: ['75%'], starts: [SITE_USERS.riskOwner] });
  }
};

describe('the lifecycle property under concurrent writers', () => {
  it('keeps the post function’s entry when it comes while the sweep holds the issue, before its first write', async () => {
    const keys = await raiseFive();
    const { deps } = sweepDependencies(site(), {
      fetcher: beforeFirstWrite(simulatorFetcher(site().sim), ownerStartsRecertification),
    });

    const outcome = await runSweep(deps);
    await site().sim.idle();

    if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
    expect(outcome.failed).toEqual([]);
    await expectBothEntriesOnce(keys);
  });

  it('keeps the post function’s entry written between the sweep’s due query and its work on the issue', async () => {
    const keys = await raiseFive();
    const { deps } = sweepDependencies(site(), {
      fetcher: afterDueQuery(simulatorFetcher(site().sim), keys, ownerStartsRecertification),
    });

    const outcome = await runSweep(deps);
    await site().sim.idle();

    if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
    expect(outcome.failed).toEqual([]);
    // Each issue planned from a lifecycle it read again (its revision had moved on), so nothing was lost.
    expect(outcome.swept.map((issue) => issue.done.map((action) => action.action))).toEqual(
      keys.map(() => ['remind-75']),
    );
    await expectBothEntriesOnce(keys);
  });
});
