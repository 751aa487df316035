import { evidenceRequired, tierOf } from '../tier';
import { fail, PASS, type Rule } from './rule';

const CODE = 'evidence-missing';

/** High-risk tiers, and types whose pack says so, need at least one attachment as evidence (DESIGN.md §2). */
export const evidenceMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    if (!evidenceRequired(after, policy) || after.attachmentCount > 0) return PASS;
    const reason = policy.packs[after.type].evidenceRequired
      ? `${after.type} exceptions`
      : `${tierOf(after, policy)} risk`;
    return fail(
      CODE,
      `Evidence is required for ${reason}: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).`,
    );
  },
};
