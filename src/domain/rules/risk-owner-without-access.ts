import { fail, PASS, type Rule } from './rule';

const CODE = 'risk-owner-without-access';

/**
 * The Risk Owner is a person who can see the exception (ISSUE 6 B1): never the app (or another app's account),
 * and someone Jira lets browse the issue, or they could be made accountable for a risk they cannot read. What
 * Jira says of them comes in `riskOwnerAccess`; an inactive owner is left to risk-owner-inactive, and a caller that
 * did not look (no access given) is not second-guessed here: the validator and triage always look.
 */
export const riskOwnerWithoutAccess: Rule = {
  code: CODE,
  evaluate: ({ after, riskOwnerAccess }) => {
    if (after.riskOwner === null || !after.riskOwner.active || riskOwnerAccess === undefined) return PASS;
    if (!riskOwnerAccess.isPerson)
      return fail(
        CODE,
        'Risk Owner must be a person: an app account cannot be accountable for a risk. Pick the person accountable for it.',
      );
    return riskOwnerAccess.canBrowse
      ? PASS
      : fail(
          CODE,
          'Risk Owner cannot see this issue: pick someone who can browse the project, or ask a Jira admin to give them access first.',
        );
  },
};
