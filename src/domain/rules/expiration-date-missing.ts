import { fail, PASS, type Rule } from './rule';

const CODE = 'expiration-date-missing';

/** Nothing is excepted open-ended. */
export const expirationDateMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.expirationDate === null
      ? fail(CODE, 'Expiration Date is required: pick the last day the exception may run.')
      : PASS,
};
