import { defaultPolicy } from '../../../src/domain/policy-schema';
import {
  nextActionAt,
  pendingActions,
  PLANNED_ACTIONS,
  PlannedActionSchema,
  planActions,
  planRegister,
} from '../../../src/domain/planner';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import type { Status } from '../../../src/domain/vocabulary';
import { anException, approved, entry, recertified, reminded, submitted } from './exception-builder';

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';

/** SEC-12 exactly as in the register example of DESIGN.md §7. */
const registerExample = anException({
  history: [
    submitted('2026-09-01T10:00:00Z'),
    approved('2026-09-02', '2026-12-01', '2026-09-02T16:00:00Z'),
    reminded('75%', '2026-11-09T00:00:00Z'),
  ],
});

describe('planActions', () => {
  it('plans the register example: the 14-day reminder and the start of recertification', () => {
    expect(planActions(registerExample, policy, NOW)).toEqual([
      {
        key: 'SEC-12:start-recertification:2026-09-02',
        issueKey: 'SEC-12',
        action: 'start-recertification',
        dueAt: '2026-11-09T00:00:00Z',
        reason:
          'Recertification of the approval period 2026-09-02 → 2026-12-01 (91 days) opens with its first reminder on 2026-11-09.',
      },
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

  it.each<Status>(['Rejected', 'Reverted', 'Retired'])(
    'plans nothing, now or later, for a %s exception',
    (status) => {
      const closed = anException({
        status,
        urgency: 'Urgent',
        history: [
          approved('2026-01-01', '2026-03-31'),
          recertified('2026-04-01', '2026-06-29', '2026-03-25T10:00:00Z'),
          recertified('2026-06-30', '2026-09-27', '2026-06-25T10:00:00Z'),
        ],
      });
      expect(planActions(closed, policy, NOW)).toEqual([]);
      expect(pendingActions(closed, policy, NOW)).toEqual([]);
      expect(nextActionAt(closed, policy, NOW)).toBeNull();
    },
  );

  it('after every due action is recorded under its key, nothing is due, whatever the entries say', () => {
    const overdue = anException({
      status: 'Approved',
      history: [
        approved('2026-03-01', '2026-05-29'),
        recertified('2026-05-30', '2026-08-27', '2026-05-20T10:00:00Z'),
        recertified('2026-08-28', '2026-11-25', '2026-08-20T11:30:00Z'),
      ],
    });
    const later = '2026-12-01T09:00:00Z';
    const due = planActions(overdue, policy, later);
    expect(due.map((action) => action.key)).toEqual([
      'SEC-12:escalate-chronic:once',
      'SEC-12:revert:2026-08-28',
    ]);
    const recorded = anException({
      ...overdue,
      history: [
        ...overdue.history,
        ...due.map((action) => entry('triaged', later, { actionKey: action.key })),
      ],
    });
    expect(planActions(recorded, policy, later)).toEqual([]);
  });

  it('refuses a `now` it cannot read rather than planning nothing', () => {
    expect(() => planActions(registerExample, policy, '21/11/2026')).toThrow(
      'now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z; got "21/11/2026"',
    );
  });

  it('answers in the JSON shape of the plan command', () => {
    const actions = pendingActions(registerExample, policy, NOW);
    expect(actions.map((action) => PlannedActionSchema.parse(action))).toEqual(actions);
    expect(new Set(actions.map((action) => action.action)).size).toBe(actions.length);
    expect(actions.every((action) => (PLANNED_ACTIONS as readonly string[]).includes(action.action))).toBe(
      true,
    );
  });
});

describe('PlannedActionSchema', () => {
  it.each([
    { dueAt: '2026-11-09T00:00:00.000Z', message: 'must be a UTC instant written YYYY-MM-DDTHH:MM:SSZ' },
    { dueAt: '2026-11-09T01:00:00+01:00', message: 'must be a UTC instant written YYYY-MM-DDTHH:MM:SSZ' },
  ])('refuses dueAt $dueAt', ({ dueAt, message }) => {
    const result = PlannedActionSchema.safeParse({
      key: 'SEC-12:revert:2026-09-02',
      issueKey: 'SEC-12',
      action: 'revert',
      dueAt,
      reason: 'r',
    });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe('pendingActions and nextActionAt', () => {
  it.each<{
    name: string;
    overrides: Partial<ExceptionRecordInput>;
    pending: [string, string][];
    next: string | null;
  }>([
    {
      name: 'register example: start of recertification is overdue, the 14-day reminder too, revert ahead',
      overrides: { history: registerExample.history },
      pending: [
        ['start-recertification', '2026-11-09T00:00:00Z'],
        ['remind-14d', '2026-11-17T00:00:00Z'],
        ['revert', '2026-12-02T00:00:00Z'],
      ],
      next: '2026-11-09T00:00:00Z',
    },
    {
      name: 'in Recertification with both reminders sent: only the revert is left',
      overrides: {
        status: 'Recertification',
        history: [...registerExample.history, reminded('14d', '2026-11-17T00:00:00Z')],
      },
      pending: [['revert', '2026-12-02T00:00:00Z']],
      next: '2026-12-02T00:00:00Z',
    },
    {
      name: 'freshly approved for 90 days: everything ahead (day 67 is 2027-01-27)',
      overrides: { history: [approved('2026-11-21', '2027-02-18', '2026-11-21T08:00:00Z')] },
      pending: [
        ['remind-75', '2027-01-27T00:00:00Z'],
        ['start-recertification', '2027-01-27T00:00:00Z'],
        ['remind-14d', '2027-02-04T00:00:00Z'],
        ['revert', '2027-02-19T00:00:00Z'],
      ],
      next: '2027-01-27T00:00:00Z',
    },
    {
      name: 'submitted, Urgent: the SLA breach ahead',
      overrides: { status: 'Submitted', urgency: 'Urgent', createdAt: '2026-11-21T08:00:00Z', history: [] },
      pending: [['sla-breach', '2026-11-22T08:00:00Z']],
      next: '2026-11-22T08:00:00Z',
    },
    {
      name: 'in force, open-ended (no period, no Expiration Date): nothing',
      overrides: { expirationDate: null, history: [] },
      pending: [],
      next: null,
    },
    {
      name: 'undecided, SLA breach recorded: nothing',
      overrides: { status: 'Risk Review', history: [entry('sla-breached', '2026-09-06T10:00:05Z')] },
      pending: [],
      next: null,
    },
  ])('$name', ({ overrides, pending, next }) => {
    const exception = anException(overrides);
    expect(pendingActions(exception, policy, NOW).map((action) => [action.action, action.dueAt])).toEqual(
      pending,
    );
    expect(nextActionAt(exception, policy, NOW)).toBe(next);
  });
});

describe('planRegister', () => {
  it('lists every due action of the register, by dueAt then key', () => {
    const sameDay = (key: string) =>
      anException({
        key,
        history: [approved('2026-09-02', '2026-12-01'), reminded('75%', '2026-11-09T00:00:00Z')],
      });
    const register = [
      anException({
        key: 'SEC-3',
        status: 'Submitted',
        urgency: 'Urgent',
        createdAt: '2026-11-20T08:30:00Z',
        history: [],
      }),
      sameDay('SEC-2'),
      anException({ key: 'SEC-7', status: 'Retired', history: [approved('2026-01-01', '2026-02-01')] }),
      sameDay('SEC-10'),
      anException({ key: 'SEC-4', status: 'Approved', history: [approved('2026-08-01', '2026-11-01')] }),
    ];
    expect(planRegister(register, policy, NOW).map((action) => [action.dueAt, action.key])).toEqual([
      ['2026-11-02T00:00:00Z', 'SEC-4:revert:2026-08-01'],
      ['2026-11-09T00:00:00Z', 'SEC-10:start-recertification:2026-09-02'],
      ['2026-11-09T00:00:00Z', 'SEC-2:start-recertification:2026-09-02'],
      ['2026-11-17T00:00:00Z', 'SEC-10:remind-14d:2026-09-02'],
      ['2026-11-17T00:00:00Z', 'SEC-2:remind-14d:2026-09-02'],
      ['2026-11-21T08:30:00Z', 'SEC-3:sla-breach:once'],
    ]);
  });

  it('is empty for an empty register', () => {
    expect(planRegister([], policy, NOW)).toEqual([]);
  });
});
