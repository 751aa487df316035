import { maxDurationDays, tierOf } from '../tier';
import { dateOf, dayNumber, dayToDate } from '../utc-days';
import { fail, PASS, type Rule } from './rule';

const CODE = 'expiration-date-too-far';

/**
 * A decision grants at most the tier's / type's maximum duration, counted in days from the decision (today):
 * approved 2026-09-02 with a 90-day cap, the exception may run through 2026-12-01.
 */
export const expirationDateTooFar: Rule = {
  code: CODE,
  evaluate: ({ after, policy, now }) => {
    if (after.expirationDate === null) return PASS;
    const tier = tierOf(after, policy);
    const maxDays = maxDurationDays(after.type, tier, policy);
    const lastAllowedDay = dayNumber(now) + maxDays;
    return dayNumber(after.expirationDate) > lastAllowedDay
      ? fail(
          CODE,
          `Expiration Date ${after.expirationDate} is more than ${maxDays} days after today (${dateOf(now)}): the longest this ${tier} risk exception may run is until ${dayToDate(lastAllowedDay)}.`,
        )
      : PASS;
  },
};
