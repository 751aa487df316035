import { fail, PASS, type Rule } from './rule';

const CODE = 'risk-owner-missing';

/** Someone must be accountable for the risk. */
export const riskOwnerMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.riskOwner === null
      ? fail(CODE, 'Risk Owner is required: pick the person accountable for this risk.')
      : PASS,
};
