import { allApproverGroups, isMemberOfAny, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'actor-not-reviewer';

/** Sending an exception back for more information is a reviewer's call: a member of any tier's approver group. */
export const actorNotReviewer: Rule = {
  code: CODE,
  evaluate: ({ actor, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = allApproverGroups(policy);
      return isMemberOfAny(known, groups)
        ? PASS
        : fail(CODE, `Only a reviewer can request more information: ask a member of ${orList(groups)}.`);
    }),
};
