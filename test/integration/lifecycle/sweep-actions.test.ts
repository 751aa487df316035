/**
 * The sweep's other actions and its machinery, through the simulator with the real handlers: the SLA breach
 * flagged once; a chronic case escalated to exactly one linked engineering issue (or, with no engineering project
 * configured, a comment saying so); the due set fanned out to the queue in batches when it is more than one
 * invocation does; a run short of time leaving a cursor for the worker; one sweep at a time, a crashed holder's
 * lock taken over after its TTL; and a queue event that can never succeed acknowledged without a write.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { runSweep, SWEEP_LOCK_KEY } from '../../../src/application/lifecycle/run-sweep';
import { workQueueEvent } from '../../../src/application/lifecycle/work-queue-event';
import { GetPolicyResponseSchema } from '../../../src/contracts/admin-policy';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { ENG_PROJECT, SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { appCommentCount as countAppComments, sweepDependencies } from './sweep-harness';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();

const NINETY_DAYS = { ...EDR_GAP, expirationDate: '2027-02-18' };

const appCommentCount = (key: string, words: string): number => countAppComments(site(), key, words);

const historyOf = async (key: string, action: string) =>
  (await site().lifecycle(key)).history.filter((entry) => entry.action === action);

/** Saves the policy in force with `changes`, as a Jira admin on the admin page would. */
const savePolicy = async (changes: Record<string, unknown>): Promise<void> => {
  const current = GetPolicyResponseSchema.parse(
    await invokeAdminResolver('getPolicy', {}, SITE_USERS.jiraAdmin),
  );
  if (!current.ok) throw new Error('the admin was refused');
  const saved = await invokeAdminResolver(
    'savePolicy',
    { policy: { ...current.policy, ...changes }, baseVersion: current.policy.version },
    SITE_USERS.jiraAdmin,
  );
  expect(saved).toMatchObject({ ok: true });
};

describe('the sweep’s actions', () => {
  it('flags a decision SLA breach once, with a comment and a lifecycle entry', async () => {
    const key = await site().raise({ ...EDR_GAP, compensatingControls: '' });
    expect(site().statusOf(key)).toBe('Risk Review');
    const { deps } = sweepDependencies(site());

    testClock.set('2026-11-26T08:59:59Z');
    await runSweep(deps);
    expect(await historyOf(key, 'sla-breached')).toEqual([]);
    for (const at of ['2026-11-26T09:00:00Z', '2026-11-26T10:00:00Z', '2026-11-27T09:00:00Z']) {
      testClock.set(at);
      await runSweep(deps);
      await site().sim.idle();
    }

    expect(await historyOf(key, 'sla-breached')).toEqual([
      {
        at: '2026-11-26T09:00:00Z',
        action: 'sla-breached',
        by: null,
        actionKey: expect.stringMatching(/:sla-breach:once$/) as unknown,
      },
    ]);
    expect(appCommentCount(key, 'has not been decided within its decision SLA')).toBe(1);
    expect((await site().lifecycle(key)).nextActionAt).toBeNull();
  });

  it('raises exactly one linked engineering issue for a chronic case, with a comment on both', async () => {
    await savePolicy({
      chronic: { recertifications: 2, cumulativeDays: 30 },
      escalation: { projectKey: ENG_PROJECT, issueType: 'Task' },
    });
    const key = await site().raise(NINETY_DAYS);
    const { deps } = sweepDependencies(site());

    // The 30th day in force is 2026-12-20; the sweep runs then, again, and twice at once.
    for (const at of ['2026-12-19T23:00:00Z', '2026-12-20T00:00:00Z', '2026-12-20T01:00:00Z']) {
      testClock.set(at);
      await Promise.all([runSweep(deps), runSweep(sweepDependencies(site()).deps)]);
      await site().sim.idle();
    }

    const escalated = await historyOf(key, 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.at).toBe('2026-12-20T00:00:00Z');
    const engineeringKey = escalated[0]?.note ?? '';
    expect(engineeringKey).toMatch(/^ENG-\d+$/);
    const engineering = [...site().sim.state.issues.values()].filter((issue) =>
      issue.key.startsWith(`${ENG_PROJECT}-`),
    );
    expect(engineering.map((issue) => issue.key)).toEqual([engineeringKey]);
    const exception = site().sim.state.issue(key);
    const links = site().sim.state.links.filter(
      (link) => link.inwardIssueId === exception?.id && link.outwardIssueId === engineering[0]?.id,
    );
    expect(links).toHaveLength(1);
    expect(appCommentCount(key, `engineering issue ${engineeringKey} is raised`)).toBe(1);
    expect(appCommentCount(engineeringKey, `security exception ${key} is chronic`)).toBe(1);
  });

  it('says so in a comment when no engineering project is configured', async () => {
    await savePolicy({ chronic: { recertifications: 2, cumulativeDays: 30 } });
    const key = await site().raise(NINETY_DAYS);
    const { deps } = sweepDependencies(site());

    testClock.set('2026-12-20T00:00:00Z');
    await runSweep(deps);
    await runSweep(deps);

    expect((await historyOf(key, 'escalated')).map((entry) => entry.note)).toEqual([
      'No engineering project is configured (policy escalation.projectKey).',
    ]);
    expect(appCommentCount(key, 'No engineering project is configured in the policy')).toBe(1);
  });
});

describe('the sweep’s machinery', () => {
  it('does what one invocation does, fans the rest out to the queue in batches, and the workers do it', async () => {
    const keys: string[] = [];
    for (let index = 0; index < 5; index += 1) keys.push(await site().raise(NINETY_DAYS));
    testClock.set('2027-01-27T00:00:00Z');
    const { deps, queued } = sweepDependencies(site());

    const outcome = await runSweep(deps, { batchSize: 2, inlineLimit: 2, reserveMs: 0 });

    expect(outcome).toMatchObject({ outcome: 'swept', failed: [], fannedOut: 3, continued: false });
    expect(outcome.outcome === 'swept' ? outcome.swept.map((issue) => issue.issueKey) : []).toEqual(
      keys.slice(0, 2),
    );
    expect(queued).toEqual([
      { kind: 'sweep-issues', issueKeys: keys.slice(2, 4) },
      { kind: 'sweep-issues', issueKeys: keys.slice(4) },
    ]);
    for (const event of [...queued]) await workQueueEvent(event, deps);
    await site().sim.idle();
    for (const key of keys) {
      expect(site().statusOf(key)).toBe('Recertification');
      expect((await historyOf(key, 'reminded')).map((entry) => entry.reminder)).toEqual(['75%']);
    }
  });

  it('stops before an issue when time runs short and leaves a cursor the worker continues from', async () => {
    const keys: string[] = [];
    for (let index = 0; index < 3; index += 1) keys.push(await site().raise(NINETY_DAYS));
    testClock.set('2027-01-27T00:00:00Z');
    // Time for one issue: the budget checks before each issue see 60 s left, then 10 s.
    const checks = [60_000, 10_000];
    const budget = { remainingMs: () => checks.shift() ?? 0 };
    const { deps, queued } = sweepDependencies(site(), { budget });

    const outcome = await runSweep(deps, { batchSize: 10, reserveMs: 30_000 });

    expect(outcome).toMatchObject({ outcome: 'swept', failed: [], fannedOut: 0, continued: true });
    expect(outcome.outcome === 'swept' ? outcome.swept.map((issue) => issue.issueKey) : []).toEqual([
      keys[0],
    ]);
    expect(queued).toEqual([{ kind: 'continue-sweep', skip: [] }]);
    // The worker takes it up with time enough, and re-queries: the first issue has left the due set.
    const worker = sweepDependencies(site());
    const continued = await workQueueEvent(queued[0], worker.deps);
    expect(continued.outcome === 'swept' ? continued.swept.map((issue) => issue.issueKey) : []).toEqual(
      keys.slice(1),
    );
    await site().sim.idle();
    for (const key of keys)
      expect((await historyOf(key, 'reminded')).map((entry) => entry.reminder)).toEqual(['75%']);
  });

  it('runs one sweep at a time, and takes over the lock of a crashed sweep after its TTL', async () => {
    const key = await site().raise(NINETY_DAYS);
    testClock.set('2027-01-27T00:00:00Z');
    const store = new KvsStore();
    const { deps } = sweepDependencies(site());

    const live = await store.acquireLock(SWEEP_LOCK_KEY, 'another sweep', 900);
    expect(await runSweep(deps)).toEqual({ outcome: 'busy' });
    expect(await historyOf(key, 'reminded')).toEqual([]);
    if (live === null) throw new Error('the lock was not free');
    await store.releaseLock(live);

    // A sweep that crashed holding the lock for 1 s: once that has run out, the next sweep takes it over.
    expect(await store.acquireLock(SWEEP_LOCK_KEY, 'crashed sweep', 1)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await runSweep(deps)).toMatchObject({ outcome: 'swept', failed: [] });
    expect((await historyOf(key, 'reminded')).map((entry) => entry.reminder)).toEqual(['75%']);
  });

  it('acknowledges a queue event that can never succeed, writing nothing', async () => {
    const { deps } = sweepDependencies(site());
    const keysBefore = forgeRuntime.kvs.keys();

    for (const body of [
      undefined,
      {},
      { kind: 'revert' },
      { kind: 'sweep-issues', issueKeys: ['not a key'] },
      { kind: 'sweep-issues', issueKeys: [] },
    ])
      expect(await workQueueEvent(body, deps)).toMatchObject({ outcome: 'unreadable' });

    expect(await workQueueEvent({ kind: 'sweep-issues', issueKeys: ['sec-1', 'X'] }, deps)).toEqual({
      outcome: 'unreadable',
      problems: ['issueKeys.1: is not a Jira issue key'],
    });
    expect(forgeRuntime.kvs.keys()).toEqual(keysBefore);
  });
});

describe('an exception whose risk owner has left', () => {
  it('is flagged for re-assignment once, to the requester and the security groups', async () => {
    const key = await site().raise(NINETY_DAYS);
    const owner = site().sim.state.users.get(SITE_USERS.riskOwner);
    if (owner === undefined) throw new Error('no risk owner in the site');
    owner.active = false;
    const { deps } = sweepDependencies(site());

    for (const at of ['2027-01-27T00:00:00Z', '2027-01-27T01:00:00Z', '2027-02-04T00:00:00Z']) {
      testClock.set(at);
      const outcome = await runSweep(deps);
      expect(outcome).toMatchObject({ outcome: 'swept', failed: [] });
      await site().sim.idle();
    }

    expect(
      appCommentCount(key, 'the risk owner of this security exception has an inactive Jira account'),
    ).toBe(1);
    const issue = site().sim.state.issue(key);
    const flag = issue?.comments.find((comment) =>
      JSON.stringify(comment.body).includes('inactive Jira account'),
    );
    expect(JSON.stringify(flag?.body)).toContain(`"id":"${SITE_USERS.requester}"`);
    expect(site().commentText(key, issue?.comments.indexOf(flag!) ?? -1)).toContain('security-reviewers');
    // The lifecycle goes on: the reminders are sent all the same.
    expect((await historyOf(key, 'reminded')).map((entry) => entry.reminder)).toEqual(['75%', '14d']);
  });
});
