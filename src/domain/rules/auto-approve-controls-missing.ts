import { atLeast, tierOf } from '../tier';
import { fail, PASS, type Rule } from './rule';

const CODE = 'auto-approve-controls-missing';

/**
 * Auto-approval needs compensating controls at every tier (DESIGN.md §4 routing). From the policy's minimum tier
 * up, compensatingControlsMissing already says so, and one message is enough.
 */
export const autoApproveControlsMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    after.compensatingControls.trim() === '' &&
    !atLeast(tierOf(after, policy), policy.compensatingControlsFromTier)
      ? fail(
          CODE,
          'Compensating Controls is required for auto-approval: describe what limits the exposure (for example IP allow-listing and daily log review).',
        )
      : PASS,
};
