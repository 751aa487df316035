/**
 * ISSUE 7 item 2: a post function and the sweep writing one issue's lifecycle at once lose no entry. At the 75 %
 * moment of five exceptions, the sweep has read an issue's lifecycle to record its reminder when the risk owner
 * starts recertification of that issue, and the real post function (delivered twice, as the platform may) goes to
 * record it before the sweep writes. Without the per-issue lock of updateLifecycle the sweep's write would drop the
 * post function's entry; with it, every issue ends with both entries, once each.
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

const LIFECYCLE_WRITE = new RegExp(`^/rest/api/3/issue/([A-Z]+-\\d+)/properties/${LIFECYCLE_PROPERTY_KEY}$`);

/** Before the sweep's first lifecycle write to each issue (its read already done), `meanwhile(issueKey)` runs. */
const interleaved = (inner: JiraFetcher, meanwhile: (issueKey: string) => Promise<void>): JiraFetcher => {
  const met = new Set<string>();
  return {
    requestJira: async (path, init) => {
      const issueKey = LIFECYCLE_WRITE.exec(path.value)?.[1];
      if (init?.method === 'PUT' && issueKey !== undefined && !met.has(issueKey)) {
        met.add(issueKey);
        await meanwhile(issueKey);
      }
      return inner.requestJira(path, init);
    },
  };
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the lifecycle property under concurrent writers', () => {
  it('keeps the post function’s entry written while the sweep was recording its reminder', async () => {
    const keys: string[] = [];
    for (let index = 0; index < 5; index += 1) keys.push(await site().raise(NINETY_DAYS));
    testClock.set('2027-01-27T00:00:00Z');
    const owner = site().site.asUser(SITE_USERS.riskOwner);
    const ownerStartsRecertification = async (issueKey: string): Promise<void> => {
      const offered = await owner.getTransitions(issueKey);
      const start = offered.find((transition) => transition.name === 'Start recertification');
      if (start === undefined) throw new Error(`Start recertification is not offered on ${issueKey}`);
      await owner.transitionIssue(issueKey, start.id);
      // The post function is delivered now, while the sweep holds what it read: give it time to write.
      await pause(300);
    };
    const { deps } = sweepDependencies(site(), {
      fetcher: interleaved(simulatorFetcher(site().sim), ownerStartsRecertification),
    });

    const outcome = await runSweep(deps);
    await site().sim.idle();

    if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
    expect(outcome.failed).toEqual([]);
    for (const key of keys) {
      const history = (await site().lifecycle(key)).history;
      expect({
        key,
        status: site().statusOf(key),
        reminders: history.filter((entry) => entry.action === 'reminded').map((entry) => entry.reminder),
        starts: history
          .filter((entry) => entry.action === 'recertification-started')
          .map((entry) => entry.by),
      }).toEqual({ key, status: 'Recertification', reminders: ['75%'], starts: [SITE_USERS.riskOwner] });
    }
  });
});
