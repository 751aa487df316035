/** What one sweep invocation did (run-sweep.ts), as its summary and the admin page's sweep history read it. */
import type { IssueSwept } from './sweep-issue';

export interface IssueFailure {
  readonly issueKey: string;
  /** The error's name and message (bounded): ids and field names, never field values. */
  readonly error: string;
}

export type SweepOutcome =
  | { readonly outcome: 'not-set-up' }
  | { readonly outcome: 'busy' }
  | {
      readonly outcome: 'swept';
      readonly swept: readonly IssueSwept[];
      readonly failed: readonly IssueFailure[];
      /** Issues pushed to the queue, in events of at most batchSize. */
      readonly fannedOut: number;
      /** Whether a `continue-sweep` was pushed because time ran short. */
      readonly continued: boolean;
    };
