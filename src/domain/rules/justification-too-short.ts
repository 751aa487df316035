import { contentKey, contentLength, hasContent } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-too-short';

/**
 * Business Justification must hold at least the policy's minimum number of letters and digits (visible-text.ts):
 * spaces, punctuation, emoji and invisible characters pad a text without saying anything. An empty field or the
 * untouched template has its own, more useful message, so this rule leaves those alone.
 */
export const justificationTooShort: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const text = after.justification;
    if (!hasContent(text) || contentKey(text) === contentKey(policy.justificationTemplate)) return PASS;
    const length = contentLength(text);
    return length < policy.justificationMinLength
      ? fail(
          CODE,
          `Business Justification is too short: ${length} letters or digits, the policy asks for at least ${policy.justificationMinLength}. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.`,
        )
      : PASS;
  },
};
