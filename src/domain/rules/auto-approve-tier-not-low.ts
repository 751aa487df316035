import { tierOf } from '../tier';
import { tierApproverGroups } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'auto-approve-tier-not-low';

/** Only Low risk is ever approved without a person; the provisional tier applies until Risk Rating is set. */
export const autoApproveTierNotLow: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const tier = tierOf(after, policy);
    return tier === 'Low'
      ? PASS
      : fail(
          CODE,
          `Only Low risk exceptions can be auto-approved: this one is ${tier} risk, so a member of ${orList(tierApproverGroups(after, policy))} must approve it.`,
        );
  },
};
