import { atLeast, tierOf } from '../tier';
import { fail, PASS, type Rule } from './rule';

const CODE = 'compensating-controls-missing';

/** From the policy's minimum tier up, the exposure must be limited by something while the control is off. */
export const compensatingControlsMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const tier = tierOf(after, policy);
    return atLeast(tier, policy.compensatingControlsFromTier) && after.compensatingControls.trim() === ''
      ? fail(
          CODE,
          `Compensating Controls is required for ${tier} risk: describe what limits the exposure (for example IP allow-listing and daily log review).`,
        )
      : PASS;
  },
};
