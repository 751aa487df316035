import { allApproverGroups, isMemberOfAny, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'revert-not-permitted';

/** The app reverts at expiry; otherwise revoking an exception is security's call (any approver group). */
export const revertNotPermitted: Rule = {
  code: CODE,
  evaluate: ({ actor, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = allApproverGroups(policy);
      return known.kind === 'app' || isMemberOfAny(known, groups)
        ? PASS
        : fail(CODE, `Only the app (at expiry) or a member of ${orList(groups)} can revert an exception.`);
    }),
};
