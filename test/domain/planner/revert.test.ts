import { defaultPolicy } from '../../../src/domain/policy-schema';
import { pendingActions, planActions, type PlannedAction } from '../../../src/domain/planner';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import { anException, approved, entry, recertified } from './exception-builder';

const policy = defaultPolicy();

const revertsOf = (
  overrides: Partial<ExceptionRecordInput>,
  now: string,
  plan = planActions,
): PlannedAction[] =>
  plan(anException(overrides), policy, now).filter((action) => action.action === 'revert');

describe('revert', () => {
  it('is due at 00:00 the day after the last valid day of the current period', () => {
    expect(revertsOf({ history: [approved('2026-09-02', '2026-12-01')] }, '2026-12-02T00:00:00Z')).toEqual([
      {
        key: 'SEC-12:revert:2026-09-02',
        issueKey: 'SEC-12',
        action: 'revert',
        dueAt: '2026-12-02T00:00:00Z',
        reason:
          'The approval period 2026-09-02 → 2026-12-01 (91 days) ends without a recertification: the exception lapses on 2026-12-02.',
      },
    ]);
  });

  it.each<{
    name: string;
    overrides: Partial<ExceptionRecordInput>;
    now: string;
    expected: [string, string][];
  }>([
    {
      name: 'not yet on the last valid day',
      overrides: { history: [approved('2026-09-02', '2026-12-01')] },
      now: '2026-12-01T23:59:59Z',
      expected: [],
    },
    {
      name: 'in Recertification, still past the end',
      overrides: { status: 'Recertification', history: [approved('2026-09-02', '2026-12-01')] },
      now: '2026-12-05T09:00:00Z',
      expected: [['SEC-12:revert:2026-09-02', '2026-12-02T00:00:00Z']],
    },
    {
      name: 'recertified: the new period decides',
      overrides: {
        history: [
          approved('2026-06-03', '2026-09-01'),
          recertified('2026-09-02', '2026-12-01', '2026-08-25T10:00:00Z'),
        ],
      },
      now: '2026-12-05T09:00:00Z',
      expected: [['SEC-12:revert:2026-09-02', '2026-12-02T00:00:00Z']],
    },
    {
      name: 'recertified before the old period ended: the old end is no longer a revert',
      overrides: {
        history: [
          approved('2026-06-03', '2026-09-01'),
          recertified('2026-09-02', '2026-12-01', '2026-08-25T10:00:00Z'),
        ],
      },
      now: '2026-09-05T09:00:00Z',
      expected: [],
    },
    {
      name: 'no period in the history: the Expiration Date stands in',
      overrides: { expirationDate: '2026-12-01', history: [] },
      now: '2026-12-02T00:00:00Z',
      expected: [['SEC-12:revert:expiry-2026-12-01', '2026-12-02T00:00:00Z']],
    },
    {
      name: 'neither a period nor an Expiration Date: open-ended, nothing reverts it',
      overrides: { expirationDate: null, history: [] },
      now: '2030-01-01T00:00:00Z',
      expected: [],
    },
    {
      name: 'recorded under its key',
      overrides: {
        history: [
          approved('2026-09-02', '2026-12-01'),
          entry('triaged', '2026-12-02T00:00:05Z', { actionKey: 'SEC-12:revert:2026-09-02' }),
        ],
      },
      now: '2026-12-05T09:00:00Z',
      expected: [],
    },
    {
      name: 'undecided (Risk Review): not in force, nothing to revert',
      overrides: { status: 'Risk Review', history: [] },
      now: '2026-12-05T09:00:00Z',
      expected: [],
    },
  ])('$name', ({ overrides, now, expected }) => {
    expect(revertsOf(overrides, now).map((action) => [action.key, action.dueAt])).toEqual(expected);
  });

  it('the Expiration Date stand-in says so in its reason, and gives no reminders', () => {
    const actions = pendingActions(
      anException({ expirationDate: '2026-12-01', history: [] }),
      policy,
      '2026-11-21T09:00:00Z',
    );
    expect(actions).toEqual([
      {
        key: 'SEC-12:revert:expiry-2026-12-01',
        issueKey: 'SEC-12',
        action: 'revert',
        dueAt: '2026-12-02T00:00:00Z',
        reason:
          'The Expiration Date 2026-12-01 ends the exception (its history records no approval period): it lapses on 2026-12-02.',
      },
    ]);
  });

  it('is pending before it is due', () => {
    expect(
      revertsOf(
        { history: [approved('2026-09-02', '2026-12-01')] },
        '2026-09-02T16:00:00Z',
        pendingActions,
      ).map((a) => a.dueAt),
    ).toEqual(['2026-12-02T00:00:00Z']);
  });
});
