import { dateOf, dayNumber } from '../utc-days';
import { fail, PASS, type Rule } from './rule';

const CODE = 'expiration-date-not-future';

/** The exception runs through its expiration date, so a date of today or earlier grants nothing. */
export const expirationDateNotFuture: Rule = {
  code: CODE,
  evaluate: ({ after, now }) =>
    after.expirationDate !== null && dayNumber(after.expirationDate) <= dayNumber(now)
      ? fail(
          CODE,
          `Expiration Date ${after.expirationDate} is not in the future (today is ${dateOf(now)}): pick a later date.`,
        )
      : PASS,
};
