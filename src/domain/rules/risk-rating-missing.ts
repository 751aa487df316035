import { RISK_RATINGS } from '../vocabulary';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'risk-rating-missing';

/** An approval is made on the approver's own rating, not on the provisional one triage used. */
export const riskRatingMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.riskRating === null
      ? fail(CODE, `Risk Rating is required to approve: set it to ${orList(RISK_RATINGS)}.`)
      : PASS,
};
