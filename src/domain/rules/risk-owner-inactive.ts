import { fail, PASS, type Rule } from './rule';

const CODE = 'risk-owner-inactive';

/** A deactivated account cannot be accountable. Only an explicit `active: false` counts: unknown is not inactive. */
export const riskOwnerInactive: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.riskOwner !== null && !after.riskOwner.active
      ? fail(CODE, `The Risk Owner is not an active user: pick an active person accountable for this risk.`)
      : PASS,
};
