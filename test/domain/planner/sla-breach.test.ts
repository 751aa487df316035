import { defaultPolicy } from '../../../src/domain/policy-schema';
import { pendingActions, planActions } from '../../../src/domain/planner';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import { anException, entry, submitted } from './exception-builder';

const policy = defaultPolicy();
const NOW = '2026-11-21T09:00:00Z';

const breachesOf = (overrides: Partial<ExceptionRecordInput>) =>
  planActions(
    anException({ status: 'Submitted', expirationDate: '2027-01-31', ...overrides }),
    policy,
    NOW,
  ).filter((action) => action.action === 'sla-breach');

describe('sla-breach', () => {
  it.each<{
    name: string;
    overrides: Partial<ExceptionRecordInput>;
    expected: { dueAt: string; reason: string }[];
  }>([
    {
      name: 'Urgent, 24 h passed',
      overrides: { urgency: 'Urgent', createdAt: '2026-11-20T08:30:00Z' },
      expected: [
        {
          dueAt: '2026-11-21T08:30:00Z',
          reason:
            'Urgent decision SLA of 24 hours from creation at 2026-11-20T08:30:00Z ends at 2026-11-21T08:30:00Z.',
        },
      ],
    },
    {
      name: 'Urgent, 30 minutes left',
      overrides: { urgency: 'Urgent', createdAt: '2026-11-20T09:30:00Z' },
      expected: [],
    },
    {
      name: 'Standard, exactly 120 h: due (dueAt ≤ now)',
      overrides: { urgency: 'Standard', createdAt: '2026-11-16T09:00:00Z' },
      expected: [
        {
          dueAt: '2026-11-21T09:00:00Z',
          reason:
            'Standard decision SLA of 120 hours from creation at 2026-11-16T09:00:00Z ends at 2026-11-21T09:00:00Z.',
        },
      ],
    },
    {
      name: 'Standard, one second short',
      overrides: { urgency: 'Standard', createdAt: '2026-11-16T09:00:01Z' },
      expected: [],
    },
    {
      name: 'no urgency counts as Standard',
      overrides: { urgency: null, createdAt: '2026-11-16T08:00:00Z' },
      expected: [
        {
          dueAt: '2026-11-21T08:00:00Z',
          reason:
            'Standard (no urgency set) decision SLA of 120 hours from creation at 2026-11-16T08:00:00Z ends at 2026-11-21T08:00:00Z.',
        },
      ],
    },
    {
      name: 'a creation time with an offset is written in UTC',
      overrides: { urgency: 'Urgent', createdAt: '2026-11-20T10:30:00+02:00' },
      expected: [
        {
          dueAt: '2026-11-21T08:30:00Z',
          reason:
            'Urgent decision SLA of 24 hours from creation at 2026-11-20T08:30:00Z ends at 2026-11-21T08:30:00Z.',
        },
      ],
    },
    {
      name: 'Risk Review too',
      overrides: { status: 'Risk Review', urgency: 'Urgent', createdAt: '2026-11-20T08:30:00Z' },
      expected: [
        {
          dueAt: '2026-11-21T08:30:00Z',
          reason:
            'Urgent decision SLA of 24 hours from creation at 2026-11-20T08:30:00Z ends at 2026-11-21T08:30:00Z.',
        },
      ],
    },
    {
      name: 'already breached (once)',
      overrides: {
        urgency: 'Urgent',
        createdAt: '2026-11-20T08:30:00Z',
        history: [submitted('2026-11-20T08:30:00Z'), entry('sla-breached', '2026-11-21T08:31:00Z')],
      },
      expected: [],
    },
    {
      name: 'recorded under its key',
      overrides: {
        urgency: 'Urgent',
        createdAt: '2026-11-20T08:30:00Z',
        history: [entry('triaged', '2026-11-21T08:31:00Z', { actionKey: 'SEC-12:sla-breach:once' })],
      },
      expected: [],
    },
    {
      name: 'decided (Approved): no SLA left',
      overrides: { status: 'Approved', urgency: 'Urgent', createdAt: '2026-01-01T00:00:00Z' },
      expected: [],
    },
    {
      name: 'Rejected: none',
      overrides: { status: 'Rejected', urgency: 'Urgent', createdAt: '2026-01-01T00:00:00Z' },
      expected: [],
    },
  ])('$name', ({ overrides, expected }) => {
    expect(breachesOf(overrides)).toEqual(
      expected.map((breach) => ({
        key: 'SEC-12:sla-breach:once',
        issueKey: 'SEC-12',
        action: 'sla-breach',
        ...breach,
      })),
    );
  });

  it('is pending before it is due', () => {
    const exception = anException({
      status: 'Submitted',
      urgency: 'Urgent',
      createdAt: '2026-11-21T08:00:00Z',
      history: [],
    });
    expect(pendingActions(exception, policy, NOW).map((action) => [action.action, action.dueAt])).toEqual([
      ['sla-breach', '2026-11-22T08:00:00Z'],
    ]);
  });
});
