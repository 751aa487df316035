import { authorityRating } from '../tier';
import { authorityApproverGroups, isMemberOfAny, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList, TRANSITION_GERUNDS } from './wording';

const CODE = 'approver-not-in-group';

/**
 * A decision (approve, reject) is made by a member of one of the tier's approver groups; for High and Critical
 * that is the C-level group by default. The tier is the authority rating (tier.ts): the highest of the provisional
 * rating and the stored and screen Risk Rating, so an approver cannot rate an exception down into their own tier.
 * The app is a member of no group.
 */
export const approverNotInGroup: Rule = {
  code: CODE,
  evaluate: ({ actor, before, after, policy, transition }) =>
    withKnownActor(actor, (known) => {
      const groups = authorityApproverGroups(before, after, policy);
      return isMemberOfAny(known, groups)
        ? PASS
        : fail(
            CODE,
            `${TRANSITION_GERUNDS[transition.name]} a ${authorityRating(before, after, policy)} risk exception needs a member of ${orList(groups)}. Ask one of them to make this transition.`,
          );
    }),
};
