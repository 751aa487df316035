import { defaultPolicy, PolicySchema } from '../../../src/domain/policy-schema';
import { pendingActions, planActions, type PlannedAction } from '../../../src/domain/planner';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import { anException, approved, entry, recertified, reminded, type EntryInput } from './exception-builder';

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';

const remindersOf = (actions: readonly PlannedAction[]): [string, string][] =>
  actions
    .filter((action) => action.action.startsWith('remind-'))
    .map((action) => [action.action, action.dueAt]);

const inPeriod = (periodStart: string, periodEnd: string, ...rest: EntryInput[]): ExceptionRecord =>
  anException({ expirationDate: periodEnd, history: [approved(periodStart, periodEnd), ...rest] });

describe('reminder timing', () => {
  it.each([
    {
      name: 'the register example: 91 days, 75 % on day 68, 14 days before expiry',
      periodStart: '2026-09-02',
      periodEnd: '2026-12-01',
      expected: [
        ['remind-75', '2026-11-09T00:00:00Z'],
        ['remind-14d', '2026-11-17T00:00:00Z'],
      ],
    },
    {
      name: 'a period shorter than 14 days has no 14-day reminder',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-10',
      expected: [['remind-75', '2026-11-08T00:00:00Z']],
    },
    {
      name: 'a 15-day period: 14 days before expiry is its first day, not after it, so skipped',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-15',
      expected: [['remind-75', '2026-11-12T00:00:00Z']],
    },
    {
      name: 'a 16-day period: the 14-day reminder falls on its second day, before the 75 % one',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-16',
      expected: [
        ['remind-14d', '2026-11-02T00:00:00Z'],
        ['remind-75', '2026-11-13T00:00:00Z'],
      ],
    },
    {
      name: 'both on the same day (60 days: day 45 both ways): only the 14-day reminder',
      periodStart: '2026-09-01',
      periodEnd: '2026-10-30',
      expected: [['remind-14d', '2026-10-16T00:00:00Z']],
    },
    {
      name: 'a one-day period: the 75 % reminder on its only day',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-01',
      expected: [['remind-75', '2026-11-01T00:00:00Z']],
    },
  ])('$name', ({ periodStart, periodEnd, expected }) => {
    const now = `${periodStart}T00:00:00Z`;
    expect(remindersOf(pendingActions(inPeriod(periodStart, periodEnd), policy, now))).toEqual(expected);
  });

  it('takes the fraction and the day count from the policy', () => {
    const custom = PolicySchema.parse({
      version: 2,
      reminders: { fractionOfPeriod: 0.5, daysBeforeExpiry: 30 },
    });
    // 91 days: ⌊0.5 × 91⌋ = 45 days after 2026-09-02; 30 days before 2026-12-01.
    expect(
      remindersOf(pendingActions(inPeriod('2026-09-02', '2026-12-01'), custom, '2026-09-02T00:00:00Z')),
    ).toEqual([
      ['remind-75', '2026-10-17T00:00:00Z'],
      ['remind-14d', '2026-11-01T00:00:00Z'],
    ]);
  });

  it('floors a fraction whose product is whole on paper but not in floating point (0.57 × 100 = 57)', () => {
    const custom = PolicySchema.parse({
      version: 2,
      reminders: { fractionOfPeriod: 0.57, daysBeforeExpiry: 14 },
    });
    // 2026-01-01 → 2026-04-10 is 100 days; day 57 after 2026-01-01 is 2026-02-27.
    const [remind75] = pendingActions(inPeriod('2026-01-01', '2026-04-10'), custom, '2026-01-01T00:00:00Z');
    expect(remind75).toEqual({
      key: 'SEC-12:remind-75:2026-01-01',
      issueKey: 'SEC-12',
      action: 'remind-75',
      dueAt: '2026-02-27T00:00:00Z',
      reason: '57 % of the approval period 2026-01-01 → 2026-04-10 (100 days) reached on 2026-02-27.',
    });
  });

  it('gives each reminder its key, due time and reason', () => {
    const exception = inPeriod('2026-09-02', '2026-12-01');
    const reminders = (now: string) =>
      planActions(exception, policy, now).filter((a) => a.action.startsWith('remind-'));
    expect(reminders('2026-11-10T00:00:00Z')).toEqual([
      {
        key: 'SEC-12:remind-75:2026-09-02',
        issueKey: 'SEC-12',
        action: 'remind-75',
        dueAt: '2026-11-09T00:00:00Z',
        reason: '75 % of the approval period 2026-09-02 → 2026-12-01 (91 days) reached on 2026-11-09.',
      },
    ]);
    expect(reminders(NOW)).toEqual([
      {
        key: 'SEC-12:remind-14d:2026-09-02',
        issueKey: 'SEC-12',
        action: 'remind-14d',
        dueAt: '2026-11-17T00:00:00Z',
        reason:
          '14 days before the end of the approval period 2026-09-02 → 2026-12-01 (91 days), reached on 2026-11-17.',
      },
    ]);
  });

  it('uses the issue id in the key when it is known', () => {
    const exception = anException({ id: '10042', history: [approved('2026-09-02', '2026-12-01')] });
    expect(planActions(exception, policy, NOW).map((action) => action.key)).toContain(
      '10042:remind-14d:2026-09-02',
    );
  });
});

describe('reminders due by now', () => {
  it.each([
    { name: 'just before the 75 % day: none', now: '2026-11-08T23:59:59Z', expected: [] },
    {
      name: 'at 00:00 of the 75 % day: remind-75',
      now: '2026-11-09T00:00:00Z',
      expected: [['remind-75', '2026-11-09T00:00:00Z']],
    },
    {
      name: 'the last second before the 14-day day: the 75 % one still due',
      now: '2026-11-16T23:59:59Z',
      expected: [['remind-75', '2026-11-09T00:00:00Z']],
    },
    {
      name: 'on the 14-day day: only remind-14d, the missed 75 % one is superseded (never two at once)',
      now: '2026-11-17T00:00:00Z',
      expected: [['remind-14d', '2026-11-17T00:00:00Z']],
    },
    {
      name: 'the last second of the last valid day: remind-14d still due',
      now: '2026-12-01T23:59:59Z',
      expected: [['remind-14d', '2026-11-17T00:00:00Z']],
    },
    {
      name: 'at the revert time: overdue reminders are dropped, the exception is reverted instead',
      now: '2026-12-02T00:00:00Z',
      expected: [],
    },
    { name: 'days after expiry: none', now: '2026-12-05T09:00:00Z', expected: [] },
  ])('$name', ({ now, expected }) => {
    expect(remindersOf(planActions(inPeriod('2026-09-02', '2026-12-01'), policy, now))).toEqual(expected);
  });

  it('after expiry, revert is what is due instead of the unsent reminders', () => {
    expect(
      planActions(inPeriod('2026-09-02', '2026-12-01'), policy, '2026-12-05T09:00:00Z').map((a) => a.action),
    ).toEqual(['revert']);
  });
});

describe('a missed reminder is superseded by a later one that falls due', () => {
  it('in a 16-day period the 14-day reminder comes first; a missed one gives way to the 75 % one on day 13', () => {
    const exception = inPeriod('2026-11-01', '2026-11-16');
    expect(remindersOf(planActions(exception, policy, '2026-11-12T23:00:00Z'))).toEqual([
      ['remind-14d', '2026-11-02T00:00:00Z'],
    ]);
    expect(remindersOf(planActions(exception, policy, '2026-11-13T00:00:00Z'))).toEqual([
      ['remind-75', '2026-11-13T00:00:00Z'],
    ]);
  });
});

describe('reminders already sent', () => {
  it.each([
    { name: 'none sent: only 14d, the missed 75 % one is superseded', sent: [], expected: ['remind-14d'] },
    {
      name: '75 % sent in the period: only 14d',
      sent: [reminded('75%', '2026-11-09T00:05:00Z')],
      expected: ['remind-14d'],
    },
    {
      name: '14d sent: the missed 75 % one is not sent after it',
      sent: [reminded('14d', '2026-11-17T00:05:00Z')],
      expected: [],
    },
    {
      name: 'both sent: none',
      sent: [reminded('75%', '2026-11-09T00:05:00Z'), reminded('14d', '2026-11-17T00:05:00Z')],
      expected: [],
    },
    {
      name: 'sent at 00:00 of the first day: inside the period',
      sent: [reminded('75%', '2026-09-02T00:00:00Z')],
      expected: ['remind-14d'],
    },
    {
      name: 'sent a second before the first day: outside (14d due)',
      sent: [reminded('14d', '2026-09-01T23:59:59Z')],
      expected: ['remind-14d'],
    },
    {
      name: 'an entry carrying the key, whatever it says, marks the reminder done',
      sent: [entry('triaged', '2026-01-01T00:00:00Z', { actionKey: 'SEC-12:remind-75:2026-09-02' })],
      expected: ['remind-14d'],
    },
    {
      name: "another period's key does not",
      sent: [entry('triaged', '2026-01-01T00:00:00Z', { actionKey: 'SEC-12:remind-14d:2026-06-03' })],
      expected: ['remind-14d'],
    },
  ])('$name', ({ sent, expected }) => {
    const actions = planActions(inPeriod('2026-09-02', '2026-12-01', ...sent), policy, NOW);
    expect(actions.filter((a) => a.action.startsWith('remind-')).map((a) => a.action)).toEqual(expected);
  });

  it('a reminder sent in the previous period is due again in the recertified one', () => {
    const exception = anException({
      status: 'Approved',
      history: [
        approved('2026-06-03', '2026-09-01'),
        reminded('75%', '2026-08-09T00:05:00Z'),
        reminded('14d', '2026-08-18T00:05:00Z'),
        recertified('2026-09-02', '2026-12-01', '2026-08-25T10:00:00Z'),
      ],
    });
    expect(remindersOf(planActions(exception, policy, NOW))).toEqual([
      ['remind-14d', '2026-11-17T00:00:00Z'],
    ]);
    expect(planActions(exception, policy, NOW).map((a) => a.key)).toContain('SEC-12:remind-14d:2026-09-02');
  });

  it('reminds in Recertification too (the exception is still in force)', () => {
    const exception = anException({
      status: 'Recertification',
      history: [approved('2026-09-02', '2026-12-01')],
    });
    expect(remindersOf(planActions(exception, policy, NOW))).toEqual([
      ['remind-14d', '2026-11-17T00:00:00Z'],
    ]);
  });
});
