import { defaultPolicy } from '../../../src/domain/policy-schema';
import { pendingActions, planActions } from '../../../src/domain/planner';
import type { Status } from '../../../src/domain/vocabulary';
import { anException, approved, entry, recertified, type EntryInput } from './exception-builder';

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';

const startOf = (status: Status, history: EntryInput[], now = NOW) =>
  planActions(anException({ status, history }), policy, now).filter(
    (action) => action.action === 'start-recertification',
  );

describe('start-recertification', () => {
  it('is due with the 75 % reminder when that one comes first', () => {
    expect(startOf('Approved', [approved('2026-09-02', '2026-12-01')])).toEqual([
      {
        key: 'SEC-12:start-recertification:2026-09-02',
        issueKey: 'SEC-12',
        action: 'start-recertification',
        dueAt: '2026-11-09T00:00:00Z',
        reason:
          'Recertification of the approval period 2026-09-02 → 2026-12-01 (91 days) opens with its first reminder on 2026-11-09.',
      },
    ]);
  });

  it.each([
    { name: '14-day reminder first (16-day period)', periodEnd: '2026-11-16', dueAt: '2026-11-02T00:00:00Z' },
    {
      name: 'both reminders on one day (60-day period)',
      periodEnd: '2026-12-30',
      dueAt: '2026-12-16T00:00:00Z',
    },
    { name: 'no 14-day reminder (10-day period)', periodEnd: '2026-11-10', dueAt: '2026-11-08T00:00:00Z' },
  ])('is due with the earlier reminder: $name', ({ periodEnd, dueAt }) => {
    const exception = anException({ history: [approved('2026-11-01', periodEnd)] });
    const start = pendingActions(exception, policy, '2026-11-01T00:00:00Z').find(
      (a) => a.action === 'start-recertification',
    );
    expect(start?.dueAt).toBe(dueAt);
  });

  it.each<{ name: string; status: Status; history: EntryInput[]; now?: string; dueAt: string | null }>([
    {
      name: 'Approved, first reminder passed',
      status: 'Approved',
      history: [approved('2026-09-02', '2026-12-01')],
      dueAt: '2026-11-09T00:00:00Z',
    },
    {
      name: 'not yet: a second before the first reminder',
      status: 'Approved',
      history: [approved('2026-09-02', '2026-12-01')],
      now: '2026-11-08T23:59:59Z',
      dueAt: null,
    },
    {
      name: 'already in Recertification',
      status: 'Recertification',
      history: [approved('2026-09-02', '2026-12-01')],
      dueAt: null,
    },
    {
      name: 'started in this period',
      status: 'Approved',
      history: [
        approved('2026-09-02', '2026-12-01'),
        entry('recertification-started', '2026-11-09T00:01:00Z', { by: 'b2' }),
      ],
      dueAt: null,
    },
    {
      name: 'started at 00:00 of the period start',
      status: 'Approved',
      history: [
        approved('2026-09-02', '2026-12-01'),
        entry('recertification-started', '2026-09-02T00:00:00Z'),
      ],
      dueAt: null,
    },
    {
      name: 'started in the previous period only: due again',
      status: 'Approved',
      history: [
        approved('2026-06-03', '2026-09-01'),
        entry('recertification-started', '2026-08-09T00:01:00Z'),
        recertified('2026-09-02', '2026-12-01', '2026-08-25T10:00:00Z'),
      ],
      dueAt: '2026-11-09T00:00:00Z',
    },
    {
      name: 'recorded under its key',
      status: 'Approved',
      history: [
        approved('2026-09-02', '2026-12-01'),
        entry('triaged', '2026-01-01T00:00:00Z', { actionKey: 'SEC-12:start-recertification:2026-09-02' }),
      ],
      dueAt: null,
    },
    {
      name: 'at the revert time: too late, revert instead',
      status: 'Approved',
      history: [approved('2026-09-02', '2026-12-01')],
      now: '2026-12-02T00:00:00Z',
      dueAt: null,
    },
  ])('$name → due at $dueAt', ({ status, history, now, dueAt }) => {
    expect(startOf(status, history, now).map((action) => action.dueAt)).toEqual(
      dueAt === null ? [] : [dueAt],
    );
  });
});
