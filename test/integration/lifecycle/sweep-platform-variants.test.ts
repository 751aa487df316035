/**
 * The sweep where Jira's documents leave the platform open (ISSUE 9): a site where an issue edit may not add a
 * comment (the sweep then writes the comment on its own, write-once by the action's key, and the lifecycle
 * after it), and Jira sending only the most recent change histories with a due issue (the sweep then reads the
 * whole changelog before it repairs a lifecycle from it). Each is run whole, and killed part-way.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../../../src/application/lifecycle-property';
import { runSweep, type SweepOutcome } from '../../../src/application/lifecycle/run-sweep';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { SITE_USERS } from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { appCommentCount, KilledError, killSwitch, sweepDependencies } from './sweep-harness';

jest.setTimeout(180_000);

const site = exceptionSitePerTest();

/** 2026-11-21 through 2027-02-18: 90 days, the 75 % reminder due on 2027-01-27. */
const NINETY_DAYS = { ...EDR_GAP, expirationDate: '2027-02-18' };
const AT_75 = '2027-01-27T00:00:00Z';

const appComments = (key: string, words: string): number => appCommentCount(site(), key, words);

const actions = async (key: string) =>
  (await site().lifecycle(key)).history
    .filter((entry) => !['submitted', 'triaged', 'auto-approved'].includes(entry.action))
    .map(
      (entry) =>
        `${entry.action}${entry.reminder === undefined ? '' : ` ${entry.reminder}`} by ${entry.by ?? 'app'}`,
    );

const swept = (outcome: SweepOutcome): void => {
  if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
  expect(outcome.failed).toEqual([]);
};

/** A sweep killed after each of its first `points` operations in turn, each followed by the locks running out. */
const killedRuns = async (points: number): Promise<void> => {
  for (let point = 1; point <= points; point += 1) {
    const kill = killSwitch(point);
    const killed = sweepDependencies(site(), {
      fetcher: kill.fetcher(simulatorFetcher(site().sim)),
      store: kill.store(new KvsStore()),
    });
    await runSweep(killed.deps).catch((error: unknown) => {
      if (!(error instanceof KilledError)) throw error;
    });
    for (const key of forgeRuntime.kvs.keys()) if (/lock/.test(key)) await forgeRuntime.kvs.delete(key);
    await site().sim.idle();
  }
};

describe('a site whose issue edits may not add a comment', () => {
  it('writes the reminder on its own, then its record: once, even killed part-way at each step', async () => {
    const key = await site().raise(NINETY_DAYS);
    site().sim.habits.commentOnEdit = 'refused';
    testClock.set(AT_75);

    await killedRuns(16);
    const { deps } = sweepDependencies(site());
    swept(await runSweep(deps));
    await site().sim.idle();
    swept(await runSweep(deps));
    await site().sim.idle();

    expect(site().statusOf(key)).toBe('Recertification');
    expect(appComments(key, 'three quarters')).toBe(1);
    expect(appComments(key, 'recertification of this security exception is open')).toBe(1);
    expect(await actions(key)).toEqual(['reminded 75% by app', 'recertification-started by app']);
  });
});

describe('a due issue sent with only its most recent change histories', () => {
  it('reads the whole changelog before repairing: a lost recertification is recorded, not opened again', async () => {
    const key = await site().raise(NINETY_DAYS);
    testClock.set('2027-01-26T09:00:00Z');
    // The risk owner opens recertification a day early; the platform loses the post function's entry for good.
    await site().transition(key, 'Start recertification', SITE_USERS.riskOwner);
    await site().sim.idle();
    const lifecycle = await site().lifecycle(key);
    const lost: LifecycleProperty = {
      ...lifecycle,
      history: lifecycle.history.filter((entry) => entry.action !== 'recertification-started'),
      nextActionAt: '2027-01-26T09:00:00Z',
    };
    await site().site.asApp.setIssueProperty(key, LIFECYCLE_PROPERTY_KEY, lost);
    // Jira sends none of the histories with the due issue: the status change is only in the whole changelog.
    site().sim.habits.expandedChangelogLimit = 0;
    testClock.set(AT_75);

    const { deps } = sweepDependencies(site());
    swept(await runSweep(deps));
    await site().sim.idle();

    expect(site().statusChanges(key)).toEqual(['Submitted → Approved', 'Approved → Recertification']);
    expect(await actions(key)).toEqual([
      `recertification-started by ${SITE_USERS.riskOwner}`,
      'reminded 75% by app',
    ]);
    expect(appComments(key, 'recertification of this security exception is open')).toBe(0);
  });
});
