/**
 * What a kind of background job supplies to the framework (run-job-step.ts): one `step` that works from the job's
 * cursor until the invocation budget says stop, writes its output parts, and answers where the next step starts.
 * A step must be idempotent from its cursor: the same step may run again (a kill after its writes, a retry), and
 * must then write the same parts. A step that can never succeed throws JobFailedError.
 */
import type { InvocationBudget } from '../ports/invocation-budget';
import type { JobProgress, JobRecord } from './job-record';

export interface JobStepResult {
  /** Where the next step starts (ignored once `finished`). */
  readonly cursor: unknown;
  readonly progress: JobProgress;
  /** Parts written in all after this step. */
  readonly parts: number;
  /** Set by the last step: the job is done, with this summary. */
  readonly finished?: Readonly<Record<string, number | string>>;
}

export interface JobKind<Deps> {
  step(job: JobRecord, deps: Deps, budget: InvocationBudget): Promise<JobStepResult>;
}

/** The job cannot succeed, however often it is tried: it is marked failed with this message and problems. */
export class JobFailedError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'JobFailedError';
  }
}
