/** Compensating-controls coverage (DESIGN.md §6): in-force exceptions with controls described ÷ all in-force ones. */
import type { ExceptionRecord } from '../register-schema';
import { hasContent } from '../visible-text';
import { isInForce } from '../vocabulary';
import { share, type Share } from './stats';

export const controlsCoverage = (exceptions: readonly ExceptionRecord[]): Share => {
  const inForce = exceptions.filter((exception) => isInForce(exception.status));
  // Whitespace, punctuation, invisible characters or "n/a" describe no control (visible-text.ts).
  const covered = inForce.filter((exception) => hasContent(exception.compensatingControls));
  return share(covered.length, inForce.length);
};
