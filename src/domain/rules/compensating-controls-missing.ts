import { atLeast, tierOf } from '../tier';
import { hasContent, isPaddingOnly, PADDING_DOES_NOT_COUNT } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'compensating-controls-missing';

/**
 * From the policy's minimum tier up, the exposure must be limited by something while the control is off. A field
 * of spaces, punctuation, invisible characters or "n/a" describes nothing (visible-text.ts).
 */
export const compensatingControlsMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const tier = tierOf(after, policy);
    if (!atLeast(tier, policy.compensatingControlsFromTier) || hasContent(after.compensatingControls))
      return PASS;
    const message = `Compensating Controls is required for ${tier} risk: describe what limits the exposure (for example IP allow-listing and daily log review).`;
    return fail(
      CODE,
      isPaddingOnly(after.compensatingControls) ? `${message} ${PADDING_DOES_NOT_COUNT}` : message,
    );
  },
};
