import { fail, PASS, type Rule } from './rule';

const CODE = 'revert-comment-missing';

/**
 * Reverting must leave word of what to restore. The app writes its own comment from the pack's restore text, so
 * only a person (or an actor that could not be established) has to type one.
 */
export const revertCommentMissing: Rule = {
  code: CODE,
  evaluate: ({ actor, after, policy, transition }) =>
    actor?.kind === 'app' || transition.comment.trim() !== ''
      ? PASS
      : fail(
          CODE,
          `A comment is required to revert: say what must be restored, for example "${policy.packs[after.type].restoreText}"`,
        ),
};
