/**
 * Overdue share (DESIGN.md §6): open exceptions whose expiration date is before today (UTC), divided by all open
 * exceptions. It describes the register as of `now`, not the period. An exception is valid through its expiration
 * date, so it becomes overdue the day after. An open exception without an expiration date counts as open, never as
 * overdue (the open-ended count reports it).
 */
import type { ExceptionRecord } from '../register-schema';
import { dateOf } from '../utc-days';
import { isClosed } from '../vocabulary';
import { share, type Share } from './stats';

export const overdueShare = (exceptions: readonly ExceptionRecord[], now: string): Share => {
  const today = dateOf(now);
  const open = exceptions.filter((exception) => !isClosed(exception.status));
  const overdue = open.filter(
    (exception) => exception.expirationDate !== null && exception.expirationDate < today,
  );
  return share(overdue.length, open.length);
};
