import { fail, PASS, type Rule } from './rule';

const CODE = 'auto-approve-not-by-app';

/**
 * Only the app performs Auto-approve (DESIGN.md §4). A person, or an actor that could not be established, is
 * refused: a human decision goes through Risk Review.
 */
export const autoApproveNotByApp: Rule = {
  code: CODE,
  evaluate: ({ actor }) =>
    actor?.kind === 'app'
      ? PASS
      : fail(
          CODE,
          'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.',
        ),
};
