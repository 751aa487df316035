/**
 * ISSUE 7 item 1, "done when": a 90-day exception, the sweep run hourly across its whole period with the real
 * handlers on the simulated site, gets exactly one 75 % reminder and one 14-day reminder, moves to Recertification
 * with the first, and is Reverted the day after its expiry with a comment naming what to restore.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { addHours } from 'date-fns';
import { runSweep } from '../../../src/application/lifecycle/run-sweep';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { SITE_USERS } from '../../support/simulated-site';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { START, testClock } from '../transitions/test-clock';
import { sweepDependencies } from './sweep-harness';

jest.setTimeout(300_000);

const site = exceptionSitePerTest();

/** 2026-11-21 through 2027-02-18: 90 days. */
const NINETY_DAYS = { ...EDR_GAP, expirationDate: '2027-02-18' };

const appComments = (key: string): string[] => {
  const issue = site().sim.state.issue(key);
  if (issue === undefined) throw new Error(`no issue ${key}`);
  return issue.comments
    .map((comment, index) => ({ comment, index }))
    .filter(({ comment }) => !Object.values(SITE_USERS).includes(comment.authorAccountId as never))
    .map(({ index }) => site().commentText(key, index));
};

const sweptHistory = async (key: string) =>
  (await site().lifecycle(key)).history
    .filter((entry) => entry.action !== 'submitted' && entry.action !== 'triaged')
    .map((entry) => ({
      at: entry.at,
      action: entry.action,
      ...(entry.reminder === undefined ? {} : { reminder: entry.reminder }),
    }));

describe('the lifecycle sweep', () => {
  it('reminds at 75 % and 14 days, opens recertification, and reverts the day after expiry, once each', async () => {
    const key = await site().raise(NINETY_DAYS);
    expect(site().statusOf(key)).toBe('Approved');
    const { deps } = sweepDependencies(site());

    for (
      let at = Date.parse(START);
      at <= Date.parse('2027-02-21T00:00:00Z');
      at = addHours(at, 1).getTime()
    ) {
      testClock.set(new Date(at).toISOString());
      const outcome = await runSweep(deps);
      if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
      expect(outcome.failed).toEqual([]);
      await site().sim.idle();
    }

    expect(site().statusChanges(key)).toEqual([
      'Submitted → Approved',
      'Approved → Recertification',
      'Recertification → Reverted',
    ]);
    expect(await sweptHistory(key)).toEqual([
      { at: expect.any(String), action: 'auto-approved' },
      { at: '2027-01-27T00:00:00.000Z', action: 'reminded', reminder: '75%' },
      { at: '2027-01-27T00:00:00.000Z', action: 'recertification-started' },
      { at: '2027-02-04T00:00:00.000Z', action: 'reminded', reminder: '14d' },
      { at: '2027-02-19T00:00:00.000Z', action: 'reverted' },
    ]);
    const comments = appComments(key);
    expect(comments.filter((text) => text.includes('three quarters'))).toHaveLength(1);
    expect(comments.filter((text) => text.includes('expires in two weeks'))).toHaveLength(1);
    expect(
      comments.filter((text) => text.includes('recertification of this security exception is open')),
    ).toHaveLength(1);
    const reverts = comments.filter((text) => text.includes('has expired without a recertification'));
    expect(reverts).toEqual([
      expect.stringContaining(`Restore: ${defaultPolicy().packs['Endpoint control gap'].restoreText}`),
    ]);
    expect((await site().lifecycle(key)).nextActionAt).toBeNull();
  });
});
