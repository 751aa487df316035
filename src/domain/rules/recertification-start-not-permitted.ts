import { isMemberOfAny, isPerson, tierApproverGroups, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';
import { orList } from './wording';

const CODE = 'recertification-start-not-permitted';

/**
 * Recertification is started by the app's schedule, by the risk owner or by an approver of the tier. The risk
 * owner is read from the stored issue: the transition screen cannot make someone the owner for this purpose.
 */
export const recertificationStartNotPermitted: Rule = {
  code: CODE,
  evaluate: ({ actor, before, after, policy }) =>
    withKnownActor(actor, (known) => {
      const groups = tierApproverGroups(after, policy);
      const permitted =
        known.kind === 'app' || isPerson(known, before.riskOwner) || isMemberOfAny(known, groups);
      return permitted
        ? PASS
        : fail(
            CODE,
            `Only the app, the risk owner or a member of ${orList(groups)} can start recertification of this exception.`,
          );
    }),
};
