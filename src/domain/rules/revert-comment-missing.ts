import { fail, PASS, type Rule } from './rule';

const CODE = 'revert-comment-missing';

/** A reason has at least one letter or digit: whitespace, invisible characters or dots only look filled. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Reverting must leave word of what to restore, in the Decision Reason field or the transition's comment
 * (`transition.comment` holds either). The app writes its own comment from the pack's restore text, so only a
 * person (or an actor that could not be established) has to give one.
 */
export const revertCommentMissing: Rule = {
  code: CODE,
  evaluate: ({ actor, after, policy, transition }) =>
    actor?.kind === 'app' || HAS_WORDS.test(transition.comment)
      ? PASS
      : fail(
          CODE,
          `A reason is required to revert: say in Decision Reason (or in the comment) what must be restored, for example "${policy.packs[after.type].restoreText}"`,
        ),
};
