/**
 * ISSUE 7 item 1, "done when": a 90-day exception, the sweep run hourly across its whole period with the real
 * handlers on the simulated site (harsh platform habits on: post functions delivered twice, racing transitions
 * refused), gets exactly one 75 % reminder and one 14-day reminder, moves to Recertification with the first, and
 * is Reverted the day after its expiry with a comment naming what to restore — run alone, run twice at once (with
 * a queue worker on the same issues), and killed part-way after each of its first 19 operations (Jira requests and
 * store calls) in turn, at 84 due moments.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { addDays, addHours, formatISO } from 'date-fns';
import { runSweep, type SweepOutcome } from '../../../src/application/lifecycle/run-sweep';
import { workQueueEvent } from '../../../src/application/lifecycle/work-queue-event';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import { SITE_USERS } from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { ISSUE_FAULTS } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { START, testClock } from '../transitions/test-clock';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { KilledError, killSwitch, sweepDependencies } from './sweep-harness';

jest.setTimeout(600_000);

const site = exceptionSitePerTest();

/**
 * Kill points: after each of a sweep's first KILL_POINTS operations, Jira requests and store calls alike (one
 * request now does an action and records it; the store keeps the lifecycle revisions and the locks).
 */
const KILL_POINTS = 19;

/** Raised today and valid through `days` - 1 days later: an approval period of `days` days. */
const periodOf = (days: number) => ({
  ...EDR_GAP,
  expirationDate: formatISO(addDays(Date.parse(testClock.now()), days - 1), { representation: 'date' }),
});

const appComments = (key: string): string[] => {
  const issue = site().sim.state.issue(key);
  if (issue === undefined) throw new Error(`no issue ${key}`);
  const people: readonly string[] = Object.values(SITE_USERS);
  return issue.comments.flatMap((comment, index) =>
    people.includes(comment.authorAccountId) ? [] : [site().commentText(key, index)],
  );
};

const sweptHistory = async (key: string) =>
  (await site().lifecycle(key)).history
    .filter((entry) => !['submitted', 'triaged', 'auto-approved'].includes(entry.action))
    .map((entry) => ({
      at: entry.at,
      action: entry.action,
      ...(entry.reminder === undefined ? {} : { reminder: entry.reminder }),
    }));

const swept = (outcome: SweepOutcome): void => {
  if (outcome.outcome !== 'swept') throw new Error(`the sweep answered ${outcome.outcome}`);
  expect(outcome.failed).toEqual([]);
};

/** Every `step` hours from now through `until`, `sweep` then the platform's deliveries. */
const hourly = async (until: string, sweep: (hour: number) => Promise<void>, step = 1): Promise<void> => {
  let hour = 0;
  for (let at = Date.parse(testClock.now()); at <= Date.parse(until); at = addHours(at, step).getTime()) {
    testClock.set(new Date(at).toISOString());
    await sweep(hour);
    await site().sim.idle();
    hour += 1;
  }
};

const RESTORE = defaultPolicy().packs['Endpoint control gap'].restoreText;

/** The outcome each 90-day exception must have: each action once, at its time. */
const expectEachActionOnce = async (key: string, periodStart: string): Promise<void> => {
  const day = (offset: number) => addDays(Date.parse(`${periodStart}T00:00:00Z`), offset).toISOString();
  expect(site().statusChanges(key)).toEqual([
    'Submitted → Approved',
    'Approved → Recertification',
    'Recertification → Reverted',
  ]);
  // 90 days: 75 % is day floor(0.75 × 90) = 67; 14 days before the last valid day (day 89) is day 75.
  expect(await sweptHistory(key)).toEqual([
    { at: day(67), action: 'reminded', reminder: '75%' },
    { at: day(67), action: 'recertification-started' },
    { at: day(75), action: 'reminded', reminder: '14d' },
    { at: day(90), action: 'reverted' },
  ]);
  const comments = appComments(key);
  expect(comments.filter((text) => text.includes('three quarters'))).toHaveLength(1);
  expect(
    comments.filter((text) => text.includes('recertification of this security exception is open')),
  ).toHaveLength(1);
  expect(comments.filter((text) => text.includes('expires in two weeks'))).toHaveLength(1);
  expect(comments.filter((text) => text.includes('has expired without a recertification'))).toEqual([
    expect.stringContaining(`Restore: ${RESTORE}`),
  ]);
  expect(comments).toHaveLength(4);
  expect((await site().lifecycle(key)).nextActionAt).toBeNull();
};

describe('the lifecycle sweep, hourly across a 90-day exception', () => {
  it('reminds at 75 % and 14 days, opens recertification, and reverts the day after expiry, once each', async () => {
    const key = await site().raise(periodOf(90));
    expect(site().statusOf(key)).toBe('Approved');
    const { deps } = sweepDependencies(site());

    await hourly('2027-02-21T00:00:00Z', async () => {
      swept(await runSweep(deps));
    });

    await expectEachActionOnce(key, START.slice(0, 10));
    const reverted = (await site().lifecycle(key)).history.find((entry) => entry.action === 'reverted');
    expect(reverted?.by).toBeNull();
    // The post function's note comes from the Revert screen's Decision Reason the app filled in.
    expect(reverted?.note).toMatch(
      new RegExp(`^Reverted by the app at expiry\\. Restore: ${RESTORE.replace(/[.()]/g, '\\$&')}`),
    );
  });

  it('gives the same outcome with 10 % 429 and 5 % 500 injected (post functions delivered twice)', async () => {
    const key = await site().raise(periodOf(90));
    // The issue's 429 and 500 rates; latency kept short, as it changes nothing here but the run time.
    site().sim.faults.set({ ...ISSUE_FAULTS, latencyMs: [0, 20] });
    const { deps } = sweepDependencies(site());

    // Daily at 00:00, when every action of this exception falls due.
    testClock.set('2026-11-22T00:00:00Z');
    await hourly(
      '2027-02-21T00:00:00Z',
      async () => {
        swept(await runSweep(deps));
      },
      24,
    );

    const { rateLimited, serverErrors } = site().sim.faults.stats;
    site().sim.faults.set({});
    await expectEachActionOnce(key, START.slice(0, 10));
    // The sweep met both kinds of fault; otherwise passing would prove nothing.
    expect(rateLimited).toBeGreaterThan(0);
    expect(serverErrors).toBeGreaterThan(0);
  });

  it('does each action once when two sweeps and a queue worker run at the same time', async () => {
    const key = await site().raise(periodOf(90));
    const [first, second, worker] = [
      sweepDependencies(site()),
      sweepDependencies(site()),
      sweepDependencies(site()),
    ];
    let busy = 0;

    await hourly('2027-02-21T00:00:00Z', async () => {
      const outcomes = await Promise.all([
        runSweep(first.deps),
        runSweep(second.deps),
        workQueueEvent({ kind: 'sweep-issues', issueKeys: [key] }, worker.deps),
      ]);
      for (const outcome of outcomes) {
        if (outcome.outcome === 'busy') busy += 1;
        else if (outcome.outcome === 'swept') expect(outcome.failed).toEqual([]);
        else throw new Error(`answered ${outcome.outcome}`);
      }
    });

    // One sweep at a time: the other found the lock taken at least once.
    expect(busy).toBeGreaterThan(0);
    await expectEachActionOnce(key, START.slice(0, 10));
  });

  it('loses and repeats nothing when killed part-way, after each of its first 19 operations in turn', async () => {
    // Twenty-eight exceptions raised a week apart, so that no two share a due moment: 84 moments, each met first
    // by a sweep killed after N operations (N = 1, 2, … 19, 1, 2, …; 19 is prime to the three kinds of moment, so
    // each N meets each kind), then by a whole one. Swept every 6 hours from midnight: each moment (00:00) on time.
    // Operations are Jira requests and store calls together: the due query, each action's one request, the
    // revisions kept, the locks. A short moment may finish before a high N: the moments are enough for at least
    // 50 runs to be cut short.
    const raised: { key: string; day: string }[] = [];
    const raiseAt = (index: number) =>
      addHours(addDays(Date.parse('2026-11-21T00:00:00Z'), 7 * index), 12).toISOString();
    testClock.set('2026-11-21T00:00:00Z');
    const whole = sweepDependencies(site());
    let moments = 0;
    const killedMidRun = new Map<number, number>();

    await hourly(
      '2027-08-30T00:00:00Z',
      async () => {
        if (raised.length < 28 && testClock.now() === raiseAt(raised.length))
          raised.push({ key: await site().raise(periodOf(90)), day: testClock.now().slice(0, 10) });
        const due = await whole.deps.jiraAsApp.search(
          `issue.property['security-exception-lifecycle'].nextActionAt <= "${testClock.now().slice(0, 19)}Z"`,
          { fields: ['key'], properties: [], maxResults: 1 },
        );
        if (due.issues.length > 0) {
          const killPoint = (moments % KILL_POINTS) + 1;
          moments += 1;
          const kill = killSwitch(killPoint);
          const killed = sweepDependencies(site(), {
            fetcher: kill.fetcher(simulatorFetcher(site().sim)),
            store: kill.store(new KvsStore()),
          });
          const outcome = await runSweep(killed.deps).catch((error: unknown) => {
            if (!(error instanceof KilledError)) throw error;
            return undefined;
          });
          if (outcome === undefined || (outcome.outcome === 'swept' && outcome.failed.length > 0))
            killedMidRun.set(killPoint, (killedMidRun.get(killPoint) ?? 0) + 1);
          // The killed run's locks outlive it until their TTLs run out (a minute for an issue's lifecycle, which
          // the platform's retries of a waiting post function outlast; 15 minutes for the sweep's, long before the
          // next sweep). The store's clock is the real one, so their running out is played here.
          const kvs = forgeRuntime.kvs;
          for (const key of kvs.keys()) if (/lock/.test(key)) await kvs.delete(key);
          await site().sim.idle();
        }
        swept(await runSweep(whole.deps));
      },
      6,
    );

    expect(moments).toBe(84);
    for (const { key, day } of raised) await expectEachActionOnce(key, day);
    const kills = [...killedMidRun.values()].reduce((sum, count) => sum + count, 0);
    expect(kills).toBeGreaterThanOrEqual(50);
    // Each kill point met a run it cut short, at one kind of moment or another.
    expect([...killedMidRun.keys()].sort((x, y) => x - y)).toEqual(
      Array.from({ length: KILL_POINTS }, (_, index) => index + 1),
    );
  });
});
