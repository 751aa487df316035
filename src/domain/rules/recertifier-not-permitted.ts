import { authorityApproverGroups, isMemberOfAny, isPerson, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'recertifier-not-permitted';

/**
 * A renewal is a decision: the stored risk owner or an approver of the tier makes it, never the app. The tier is
 * the authority rating (tier.ts), so lowering Risk Rating on the Recertify screen does not lower who may renew.
 */
export const recertifierNotPermitted: Rule = {
  code: CODE,
  evaluate: ({ actor, before, after, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = authorityApproverGroups(before, after, policy);
      return isPerson(known, before.riskOwner) || isMemberOfAny(known, groups)
        ? PASS
        : fail(CODE, `Only the risk owner or a member of ${orList(groups)} can recertify this exception.`);
    }),
};
