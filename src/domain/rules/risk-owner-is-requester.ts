import { fail, PASS, type Rule } from './rule';

const CODE = 'risk-owner-is-requester';

/** By default the person asking for the exception cannot also be the one accountable for its risk. */
export const riskOwnerIsRequester: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    !policy.riskOwnerMayBeRequester &&
    after.riskOwner !== null &&
    after.riskOwner.accountId === after.requester.accountId
      ? fail(
          CODE,
          'Risk Owner cannot be the requester: the policy asks for someone else to be accountable for this risk. Pick another Risk Owner.',
        )
      : PASS,
};
