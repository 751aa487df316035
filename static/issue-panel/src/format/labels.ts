/** The words the panel uses for the contract's codes (src/contracts/issue-panel.ts, DESIGN.md §3–§5). */
import type { ExceptionSummary } from '@contracts/issue-panel';

type Action = NonNullable<ExceptionSummary['nextAction']>['action'];

export const ACTION_LABELS: Record<Action, string> = {
  'remind-75': '75 % reminder',
  'remind-14d': '14-day reminder',
  'start-recertification': 'Recertification starts',
  revert: 'Reverts',
  'escalate-chronic': 'Escalates as chronic',
  'sla-breach': 'SLA breach flagged',
};

export const ROUTE_LABELS: Record<ExceptionSummary['route'], string> = {
  'auto-approve': 'Auto-approve',
  'tier-1-review': 'Tier-1 review',
  'c-level-sign-off': 'C-level sign-off',
};

type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

/** Lozenge colours following the status categories (DESIGN.md §3): to do, in progress, in force, done. */
export const STATUS_APPEARANCE: Record<ExceptionSummary['status'], LozengeAppearance> = {
  Submitted: 'new',
  'Risk Review': 'inprogress',
  Approved: 'success',
  Recertification: 'moved',
  Rejected: 'removed',
  Reverted: 'default',
  Retired: 'default',
};
