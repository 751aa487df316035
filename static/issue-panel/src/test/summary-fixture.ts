/** A realistic Exception summary for component tests; each test overrides what it is about. */
import type { ExceptionSummary } from '@contracts/issue-panel';

export const exceptionSummary = (overrides: Partial<ExceptionSummary> = {}): ExceptionSummary => ({
  kind: 'exception',
  key: 'SEC-12',
  status: 'Approved',
  tier: 'High',
  route: 'c-level-sign-off',
  approverGroups: ['c-level-approvers'],
  riskOwner: { accountId: 'acc-owner', displayName: 'Dana Owner', active: true },
  period: { start: '2026-03-01', end: '2026-05-29', lengthDays: 90, daysLeft: 30 },
  nextAction: {
    action: 'remind-14d',
    dueAt: '2026-05-15T00:00:00Z',
    reason: 'The approval period ends on 2026-05-29.',
  },
  checklist: null,
  transitions: [
    { name: 'start-recertification', label: 'Start recertification', blockers: [] },
    {
      name: 'revert',
      label: 'Revert',
      blockers: ['A reason is required to revert: say what must be restored.'],
    },
  ],
  ...overrides,
});
