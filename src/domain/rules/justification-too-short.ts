import { fail, PASS, type Rule } from './rule';
import { normaliseWhitespace } from './wording';

const CODE = 'justification-too-short';

/**
 * Business Justification must be at least the policy's minimum length, counted in characters after trimming.
 * An empty field or the untouched template has its own, more useful message, so this rule leaves those alone.
 */
export const justificationTooShort: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const text = after.justification.trim();
    if (text === '' || normaliseWhitespace(text) === normaliseWhitespace(policy.justificationTemplate))
      return PASS;
    // Code points, not UTF-16 units: an emoji or an accented letter is one character to the person typing.
    const length = Array.from(text).length;
    return length < policy.justificationMinLength
      ? fail(
          CODE,
          `Business Justification is too short: ${length} characters, the policy asks for at least ${policy.justificationMinLength}. Explain the need and the business impact.`,
        )
      : PASS;
  },
};
