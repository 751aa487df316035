import { fail, PASS, type Rule } from './rule';

const CODE = 'rejection-reason-missing';

/** A rejection without a reason leaves the requester nothing to fix; the reason goes into the audit record. */
export const rejectionReasonMissing: Rule = {
  code: CODE,
  evaluate: ({ transition }) =>
    transition.comment.trim() === ''
      ? fail(
          CODE,
          'A reason is required to reject: say in the comment why the exception is refused and what would make it acceptable.',
        )
      : PASS,
};
