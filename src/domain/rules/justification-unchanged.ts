import { justificationDigest } from '../justification-digest';
import { currentPeriod } from '../period';
import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-unchanged';

/**
 * Recertifying needs a fresh justification: one that differs from the justification the last decision was made
 * on. That decision's entry carries the digest of its justification; an entry without one (older data, imports)
 * is compared with the stored field instead. Re-flowing or re-casing the same words is not a change.
 */
export const justificationUnchanged: Rule = {
  code: CODE,
  evaluate: ({ before, after }) => {
    const newDigest = justificationDigest(after.justification);
    const decidedOn =
      currentPeriod(before.history)?.entry.justificationDigest ?? justificationDigest(before.justification);
    return newDigest === decidedOn
      ? fail(
          CODE,
          'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.',
        )
      : PASS;
  },
};
