import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-missing';

/** Business Justification must be filled in. */
export const justificationMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.justification.trim() === ''
      ? fail(CODE, 'Business Justification is required: explain the need and the business impact.')
      : PASS,
};
