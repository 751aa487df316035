import { atLeast, tierOf } from '../tier';
import { hasContent, isPaddingOnly, PADDING_DOES_NOT_COUNT } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'auto-approve-controls-missing';
const MESSAGE =
  'Compensating Controls is required for auto-approval: describe what limits the exposure (for example IP allow-listing and daily log review).';

/**
 * Auto-approval needs compensating controls at every tier (DESIGN.md §4 routing), with content (visible-text.ts).
 * From the policy's minimum tier up, compensatingControlsMissing already says so, and one message is enough.
 */
export const autoApproveControlsMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    !hasContent(after.compensatingControls) &&
    !atLeast(tierOf(after, policy), policy.compensatingControlsFromTier)
      ? fail(
          CODE,
          isPaddingOnly(after.compensatingControls) ? `${MESSAGE} ${PADDING_DOES_NOT_COUNT}` : MESSAGE,
        )
      : PASS,
};
