import { tierApproverGroups } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'auto-approve-type-not-allowed';

/** Each type's policy pack says whether it may ever be auto-approved. */
export const autoApproveTypeNotAllowed: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    policy.packs[after.type].autoApprovalAllowed
      ? PASS
      : fail(
          CODE,
          `The policy does not allow auto-approval of ${after.type} exceptions: a member of ${orList(tierApproverGroups(after, policy))} must approve it.`,
        ),
};
