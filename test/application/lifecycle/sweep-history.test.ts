import { answerOf } from '../answer-of';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import {
  getSweepStatus,
  recordSweep,
  summaryOf,
  SWEEP_HISTORY_KEY,
} from '../../../src/application/lifecycle/sweep-history';
import { GetSweepStatusResponseSchema } from '../../../src/contracts/admin-sweeps';

const admin = (isAdmin: boolean) => ({ callerIsJiraAdmin: () => Promise.resolve(isAdmin) });

const swept = (n: number) =>
  summaryOf(
    {
      outcome: 'swept',
      swept: [
        {
          issueKey: 'SEC-1',
          done: [
            { key: 'k1', action: 'remind-75' },
            { key: 'k2', action: 'revert' },
          ],
        },
        { issueKey: 'SEC-2', done: [{ key: 'k3', action: 'remind-75' }] },
      ],
      failed: [{ issueKey: 'SEC-3', error: 'JiraError: 503' }],
      fannedOut: 0,
      continued: false,
    },
    `2026-11-0${n}T10:00:00.000Z`,
    `2026-11-0${n}T10:00:05.000Z`,
  );

describe('getSweepStatus and the sweep history', () => {
  it('summarises a sweep: issues, actions by kind, failures by key', () => {
    expect(swept(1)).toEqual({
      startedAt: '2026-11-01T10:00:00.000Z',
      finishedAt: '2026-11-01T10:00:05.000Z',
      outcome: 'swept',
      issuesSwept: 2,
      actions: { 'remind-75': 2, revert: 1 },
      fannedOut: 0,
      continued: false,
      failedCount: 1,
      failed: [{ issueKey: 'SEC-3', error: 'JiraError: 503' }],
    });
  });

  it('keeps the last 20, newest first, and answers the last N', async () => {
    const store = new MemoryStore();
    for (let n = 0; n < 23; n += 1)
      await recordSweep(store, {
        ...swept(1),
        startedAt: `2026-11-01T10:${String(n).padStart(2, '0')}:00.000Z`,
      });
    const all = await getSweepStatus({}, { jiraAsUser: admin(true), store });
    expect(GetSweepStatusResponseSchema.parse(all)).toEqual(all);
    expect(all.sweeps.map((sweep) => sweep.startedAt.slice(14, 16))).toEqual(
      Array.from({ length: 20 }, (_, index) => String(22 - index).padStart(2, '0')),
    );
    const two = await getSweepStatus({ limit: 2 }, { jiraAsUser: admin(true), store });
    expect(two.sweeps.map((sweep) => sweep.startedAt)).toEqual([
      '2026-11-01T10:22:00.000Z',
      '2026-11-01T10:21:00.000Z',
    ]);
  });

  it('drops a damaged stored entry and keeps the others', async () => {
    const store = new MemoryStore();
    await store.set(SWEEP_HISTORY_KEY, { sweeps: [swept(2), { outcome: 'nonsense' }, swept(1)] });
    const answer = await getSweepStatus({}, { jiraAsUser: admin(true), store });
    expect(answer.sweeps.map((sweep) => sweep.startedAt)).toEqual([
      '2026-11-02T10:00:00.000Z',
      '2026-11-01T10:00:00.000Z',
    ]);
  });

  it('refuses a caller who is not a Jira admin', async () => {
    expect(
      await answerOf(getSweepStatus({}, { jiraAsUser: admin(false), store: new MemoryStore() })),
    ).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message:
          'Only Jira administrators can see the lifecycle sweeps. Nothing was changed; ask a Jira admin if the policy needs to change.',
      },
    });
  });
});
