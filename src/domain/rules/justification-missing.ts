import { hasContent, isPaddingOnly, PADDING_DOES_NOT_COUNT } from '../visible-text';
import { fail, PASS, type Rule } from './rule';

const CODE = 'justification-missing';
const MESSAGE = 'Business Justification is required: explain the need and the business impact.';

/** Business Justification must say something (visible-text.ts: letters and digits, not a placeholder). */
export const justificationMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    hasContent(after.justification)
      ? PASS
      : fail(CODE, isPaddingOnly(after.justification) ? `${MESSAGE} ${PADDING_DOES_NOT_COUNT}` : MESSAGE),
};
