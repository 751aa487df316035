/** Compensating-controls coverage (DESIGN.md §6): in-force exceptions with controls described ÷ all in-force ones. */
import type { ExceptionRecord } from '../register-schema';
import { isInForce } from '../vocabulary';
import { share, type Share } from './stats';

export const controlsCoverage = (exceptions: readonly ExceptionRecord[]): Share => {
  const inForce = exceptions.filter((exception) => isInForce(exception.status));
  // Whitespace alone describes no control.
  const covered = inForce.filter((exception) => exception.compensatingControls.trim() !== '');
  return share(covered.length, inForce.length);
};
