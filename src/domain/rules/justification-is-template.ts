import { fail, PASS, type Rule } from './rule';
import { normaliseWhitespace } from './wording';

const CODE = 'justification-is-template';

/** The field's template submitted untouched is not a justification. An empty field is justificationMissing's. */
export const justificationIsTemplate: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) => {
    const text = normaliseWhitespace(after.justification);
    return text !== '' && text === normaliseWhitespace(policy.justificationTemplate)
      ? fail(
          CODE,
          'Business Justification is still the template text: replace it with the need and the business impact.',
        )
      : PASS;
  },
};
