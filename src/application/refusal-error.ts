/**
 * How every use case refuses (ISSUE 7 item 0): it throws a RefusalError, whatever depth it is at, and returns only
 * what it answered. src/entry/define-resolver.ts turns a RefusalError into the contract's refusal in one place, so
 * no resolver maps errors of its own. A refusal is something the caller can act on (not an admin, a conflict, a
 * request to fix); anything else thrown is a fault, and reaches Forge as one.
 */
import type { RefusalCode, RefusalDetail, RefusalProblem } from '../contracts/refusal';
import type { SetupReport } from './setup/setup-report';

export interface RefusalDetails {
  /** What to fix, one entry each: sentences, or a field's path and problem. */
  readonly problems?: readonly RefusalProblem[];
  /** What work that stopped part-way did before it stopped. */
  readonly report?: SetupReport;
  readonly cause?: unknown;
}

export class RefusalError extends Error {
  readonly problems: readonly RefusalProblem[] | undefined;
  readonly report: SetupReport | undefined;

  /** @param message the sentence the person reads: names fields, never quotes what was sent */
  constructor(
    readonly code: RefusalCode,
    message: string,
    details: RefusalDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'RefusalError';
    this.problems = details.problems;
    this.report = details.report;
  }

  /** The refusal as the contract carries it. */
  get detail(): RefusalDetail {
    return {
      code: this.code,
      message: this.message,
      ...(this.problems === undefined ? {} : { problems: [...this.problems] }),
      ...(this.report === undefined ? {} : { report: this.report }),
    };
  }
}
