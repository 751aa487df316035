import { fail, PASS, type Rule } from './rule';

const CODE = 'rejection-reason-missing';

/** A reason has at least one letter or digit: whitespace, invisible characters or dots only look filled. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * A rejection without a reason leaves the requester nothing to fix; the reason goes into the audit record. It may
 * come from the Decision Reason field or from the transition's comment (`transition.comment` holds either).
 */
export const rejectionReasonMissing: Rule = {
  code: CODE,
  evaluate: ({ transition }) =>
    HAS_WORDS.test(transition.comment)
      ? PASS
      : fail(
          CODE,
          'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.',
        ),
};
