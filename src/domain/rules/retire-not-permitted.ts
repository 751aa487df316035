import { allApproverGroups, isMemberOfAny, isPerson, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'retire-not-permitted';

/** Retiring says the exception is no longer needed: its owner, its requester or a reviewer may say so. */
export const retireNotPermitted: Rule = {
  code: CODE,
  evaluate: ({ actor, before, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = allApproverGroups(policy);
      const permitted =
        isPerson(known, before.riskOwner) ||
        isPerson(known, before.requester) ||
        isMemberOfAny(known, groups);
      return permitted
        ? PASS
        : fail(
            CODE,
            `Only the risk owner, the requester or a member of ${orList(groups)} can retire this exception.`,
          );
    }),
};
