import { isMemberOfAny, isPerson, tierApproverGroups, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList, rolePerson } from './wording';

const CODE = 'recertifier-not-permitted';

/** A renewal is a decision: the stored risk owner or an approver of the tier makes it, never the app. */
export const recertifierNotPermitted: Rule = {
  code: CODE,
  evaluate: ({ actor, before, after, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = tierApproverGroups(after, policy);
      return isPerson(known, before.riskOwner) || isMemberOfAny(known, groups)
        ? PASS
        : fail(
            CODE,
            `Only ${rolePerson('the risk owner', before.riskOwner)} or a member of ${orList(groups)} can recertify this exception.`,
          );
    }),
};
