import { tierApproverGroups } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'auto-approve-disabled';

/** The site's policy can turn auto-approval of Low risk off altogether. */
export const autoApproveDisabled: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    policy.autoApproveLow
      ? PASS
      : fail(
          CODE,
          `Auto-approval is turned off in the policy: a member of ${orList(tierApproverGroups(after, policy))} must approve this exception.`,
        ),
};
