import { grantedDays, periodsOf } from '../period';
import type { HistoryEntry } from '../register-schema';
import { dayNumber, dayToDate } from '../utc-days';
import { fail, PASS, type Rule } from './rule';

const CODE = 'cumulative-cap-reached';

/**
 * The last day a renewal starting today could run to and keep the total within `capDays`, or null when no
 * renewal would extend the exception at all: past the last day already granted, or past today. Granted days only
 * grow as the end moves out, so a binary search finds it.
 */
const lastDayWithinCap = (
  history: readonly HistoryEntry[],
  today: number,
  capDays: number,
): number | null => {
  const alreadyCovered = Math.max(today, ...periodsOf(history).map((period) => period.endDay));
  // `low` only ever moves to an end that fits; if none does it stays at today, which answers null below.
  let low = today;
  let high = alreadyCovered + capDays; // no renewal within the cap can reach further than this
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (grantedDays(history, { startDay: today, endDay: middle }) <= capDays) low = middle;
    else high = middle - 1;
  }
  return low > alreadyCovered ? low : null;
};

/**
 * Renewals cannot keep an exception alive for ever: all approval periods together, the proposed one included
 * (overlaps counted once), stay within the policy's cumulative cap. Past it, the case needs an engineering fix,
 * not another renewal. A missing or past expiration date is left to the expiration-date rules.
 */
export const cumulativeCapReached: Rule = {
  code: CODE,
  evaluate: ({ before, after, policy, now }) => {
    if (after.expirationDate === null) return PASS;
    const today = dayNumber(now);
    const endDay = dayNumber(after.expirationDate);
    if (endDay <= today) return PASS;
    const total = grantedDays(before.history, { startDay: today, endDay });
    if (total <= policy.cumulativeCapDays) return PASS;
    const soFar = grantedDays(before.history);
    const lastDay = lastDayWithinCap(before.history, today, policy.cumulativeCapDays);
    const room =
      lastDay === null
        ? 'no renewal fits within it'
        : `the furthest a renewal may run is until ${dayToDate(lastDay)}`;
    return fail(
      CODE,
      `Cumulative cap reached: this exception has been granted ${soFar} days so far, and renewing it until ${after.expirationDate} adds ${total - soFar} more (${total} in total), over the policy's cap of ${policy.cumulativeCapDays} days; ${room}. Escalate it for a permanent fix or remediate instead of renewing.`,
    );
  },
};
