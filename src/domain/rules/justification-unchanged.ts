import { justificationDigest, whitespaceJustificationDigest } from '../justification-digest';
import { currentPeriod } from '../period';
import { contentKey } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-unchanged';

/**
 * Recertifying needs a fresh justification: one whose words (visible-text.ts) differ from the justification the
 * last decision was made on. That decision's entry carries the digest of its justification (of either kind, see
 * justification-digest.ts); an entry without one (older data, imports) is compared with the stored field instead.
 * Re-flowing, re-casing, re-punctuating the same words or slipping invisible characters in is not a change.
 */
export const justificationUnchanged: Rule = {
  code: CODE,
  evaluate: ({ before, after }) => {
    const decidedOn = currentPeriod(before.history)?.entry.justificationDigest;
    const unchanged =
      decidedOn === undefined
        ? contentKey(after.justification) === contentKey(before.justification)
        : decidedOn === justificationDigest(after.justification) ||
          decidedOn === whitespaceJustificationDigest(after.justification);
    return unchanged
      ? fail(
          CODE,
          'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.',
        )
      : PASS;
  },
};
