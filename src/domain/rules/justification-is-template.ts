import { contentKey, hasContent } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-is-template';

/**
 * The field's template submitted untouched is not a justification, nor is it with spacing, punctuation, case or
 * invisible characters changed (visible-text.ts: the same words). An empty field is justificationMissing's.
 */
export const justificationIsTemplate: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    hasContent(after.justification) &&
    contentKey(after.justification) === contentKey(policy.justificationTemplate)
      ? fail(
          CODE,
          'Business Justification is still the template text: replace it with the need and the business impact.',
        )
      : PASS,
};
