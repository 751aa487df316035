import { defaultPolicy, PolicySchema, type Policy } from '../../../src/domain/policy-schema';
import { pendingActions, planActions } from '../../../src/domain/planner';
import type { Status } from '../../../src/domain/vocabulary';
import { anException, approved, entry, recertified, type EntryInput } from './exception-builder';

const policy = defaultPolicy();

/** 90 + 90 + 90 days from 2026-03-01, recertified twice; the second recertification lands before day 180. */
const twiceRecertified: EntryInput[] = [
  approved('2026-03-01', '2026-05-29'),
  recertified('2026-05-30', '2026-08-27', '2026-05-20T10:00:00Z'),
  recertified('2026-08-28', '2026-11-25', '2026-08-20T11:30:00Z'),
];

/** 90 + 90 contiguous days from 2026-03-01, recertified once: day 180 is 2026-08-27. */
const onceRecertified180Days: EntryInput[] = [
  approved('2026-03-01', '2026-05-29'),
  recertified('2026-05-30', '2026-08-27', '2026-05-28T10:00:00Z'),
];

const escalationOf = (
  history: EntryInput[],
  now: string,
  options: { status?: Status; policy?: Policy } = {},
) =>
  pendingActions(
    anException({ status: options.status ?? 'Approved', history }),
    options.policy ?? policy,
    now,
  ).find((action) => action.action === 'escalate-chronic');

describe('escalate-chronic', () => {
  it('by count: due at the second recertification, before 180 days are reached', () => {
    expect(escalationOf(twiceRecertified, '2026-11-21T09:00:00Z')).toEqual({
      key: 'SEC-12:escalate-chronic:once',
      issueKey: 'SEC-12',
      action: 'escalate-chronic',
      dueAt: '2026-08-20T11:30:00Z',
      reason: 'Chronic threshold of 2 recertifications reached on 2026-08-20.',
    });
  });

  it('by days: due at 00:00 of the day the days in force reach 180', () => {
    expect(escalationOf(onceRecertified180Days, '2026-08-27T09:00:00Z')).toEqual({
      key: 'SEC-12:escalate-chronic:once',
      issueKey: 'SEC-12',
      action: 'escalate-chronic',
      dueAt: '2026-08-27T00:00:00Z',
      reason: 'Chronic threshold of 180 days in force reached on 2026-08-27.',
    });
  });

  it.each([
    { now: '2026-08-26T23:59:59Z', due: [] },
    { now: '2026-08-27T00:00:00Z', due: ['2026-08-27T00:00:00Z'] },
  ])('by days, at $now (day 179 ends at midnight; today counts as a day in force)', ({ now, due }) => {
    const planned = planActions(anException({ history: onceRecertified180Days }), policy, now);
    expect(
      planned.filter((action) => action.action === 'escalate-chronic').map((action) => action.dueAt),
    ).toEqual(due);
  });

  it.each<{ name: string; history: EntryInput[]; dueAt: string | undefined }>([
    {
      name: 'a gap between periods is not counted: 90 days in Q1, 90 from June 1, day 180 on 2026-08-29',
      history: [
        approved('2026-01-01', '2026-03-31'),
        recertified('2026-06-01', '2026-08-29', '2026-06-01T10:00:00Z'),
      ],
      dueAt: '2026-08-29T00:00:00Z',
    },
    {
      name: 'overlapping periods count once: 90 + 90 days overlapping by 15 reach 165, never 180',
      history: [
        approved('2026-03-01', '2026-05-29'),
        recertified('2026-05-15', '2026-08-12', '2026-05-15T10:00:00Z'),
      ],
      dueAt: undefined,
    },
    {
      name: 'one 91-day period: never chronic',
      history: [approved('2026-09-02', '2026-12-01')],
      dueAt: undefined,
    },
    {
      name: 'already escalated (once in a life)',
      history: [...twiceRecertified, entry('escalated', '2026-08-21T00:00:00Z', { note: 'ENG-7' })],
      dueAt: undefined,
    },
    {
      name: 'recorded under its key',
      history: [
        ...twiceRecertified,
        entry('triaged', '2026-08-21T00:00:00Z', { actionKey: 'SEC-12:escalate-chronic:once' }),
      ],
      dueAt: undefined,
    },
  ])('$name', ({ history, dueAt }) => {
    expect(escalationOf(history, '2026-11-21T09:00:00Z')?.dueAt).toBe(dueAt);
  });

  it('is pending before it is due when the recorded periods will reach the threshold', () => {
    const early = '2026-06-01T09:00:00Z';
    expect(escalationOf(onceRecertified180Days, early)?.dueAt).toBe('2026-08-27T00:00:00Z');
    expect(
      planActions(anException({ history: onceRecertified180Days }), policy, early).map((a) => a.action),
    ).not.toContain('escalate-chronic');
  });

  it.each<Status>(['Submitted', 'Risk Review', 'Rejected', 'Reverted', 'Retired'])(
    'nothing while %s',
    (status) => {
      expect(escalationOf(twiceRecertified, '2026-11-21T09:00:00Z', { status })).toBeUndefined();
    },
  );

  it('is due in Recertification too', () => {
    expect(escalationOf(twiceRecertified, '2026-11-21T09:00:00Z', { status: 'Recertification' })?.dueAt).toBe(
      '2026-08-20T11:30:00Z',
    );
  });

  it('takes its thresholds from the policy', () => {
    const strict = PolicySchema.parse({ version: 2, chronic: { recertifications: 1, cumulativeDays: 100 } });
    // The first recertification (2026-05-20T10:00Z) comes before day 100 (2026-06-08).
    expect(escalationOf(twiceRecertified, '2026-11-21T09:00:00Z', { policy: strict })).toEqual({
      key: 'SEC-12:escalate-chronic:once',
      issueKey: 'SEC-12',
      action: 'escalate-chronic',
      dueAt: '2026-05-20T10:00:00Z',
      reason: 'Chronic threshold of 1 recertification reached on 2026-05-20.',
    });
    const byDays = PolicySchema.parse({ version: 2, chronic: { recertifications: 5, cumulativeDays: 100 } });
    expect(escalationOf(twiceRecertified, '2026-11-21T09:00:00Z', { policy: byDays })?.dueAt).toBe(
      '2026-06-08T00:00:00Z',
    );
  });
});
