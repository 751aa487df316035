/** Open-ended count (DESIGN.md §6): in-force exceptions with no expiration date, which nothing would ever revert. */
import type { ExceptionRecord } from '../register-schema';
import { isInForce } from '../vocabulary';

export const openEndedCount = (exceptions: readonly ExceptionRecord[]): number =>
  exceptions.filter((exception) => isInForce(exception.status) && exception.expirationDate === null).length;
