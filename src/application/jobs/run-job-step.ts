/**
 * The `admin-jobs` worker's use case: one `job-step` event advances its job by one step (job-kind.ts).
 *
 * Delivered twice, late, or at once (Forge delivers at least once; FORGE_NOTES §4), a step still runs once:
 * - each event names the step it is for; an event for a step already finished is dropped;
 * - the step runs under a per-job lock (withLock, attempts 1); a delivery that finds it held waits by pushing
 *   itself again, delayed, at most MAX_JOB_EVENT_WAITS times (the holder may have died: the lock's TTL frees it);
 * - the next step's event is pushed BEFORE the job is saved: killed in between, the job still names the old step,
 *   the pushed event is ahead of it and waits, and the platform's retry of the killed delivery runs the old step
 *   again (steps are idempotent from their cursor) — no step is lost, and no second chain of events is started.
 * A step that throws JobFailedError, or fails MAX_STEP_FAILURES times in a row, marks the job failed and is
 * acknowledged: nothing is retried for a day. Any other failure is retried by an event of the same step, delayed.
 */
import type { z } from 'zod';
import { boundMessage } from '../../domain/message-bounds';
import { LockBusyError, withLock } from '../locks/with-lock';
import type { Clock } from '../ports/clock';
import type { InvocationBudget } from '../ports/invocation-budget';
import type { StorePort } from '../ports/store-port';
import { JobStepEventSchema, MAX_JOB_EVENT_WAITS, type JobQueuePort } from './job-events';
import { JobFailedError, type JobKind } from './job-kind';
import {
  JOB_TTL_SECONDS,
  JobRecordSchema,
  MAX_JOB_PROBLEMS,
  jobKey,
  jobLockKey,
  type JobKindName,
  type JobRecord,
} from './job-record';

export interface JobStepDependencies {
  readonly store: StorePort;
  readonly clock: Clock;
  readonly jobQueue: JobQueuePort;
  readonly budget: InvocationBudget;
}

export interface JobStepOptions {
  /** Longer than a step can run (the worker's 300 s timeout, manifest.yml), so a live holder is never overtaken. */
  readonly lockTtlSeconds: number;
  /** How long a delivery that found the step busy, or ahead of the job's save, waits before it looks again. */
  readonly waitSeconds: number;
  /** Delay before a failed step is tried again. */
  readonly retrySeconds: number;
  /** Failed attempts at one step before the job is failed. */
  readonly maxStepFailures: number;
  /** The next step's event waits this long, so it rarely arrives before the job's save (it would wait again). */
  readonly nextStepDelaySeconds: number;
}

export const DEFAULT_JOB_STEP_OPTIONS: JobStepOptions = {
  lockTtlSeconds: 360,
  waitSeconds: 120,
  retrySeconds: 60,
  maxStepFailures: 5,
  nextStepDelaySeconds: 2,
};

export type JobStepReport =
  | { readonly outcome: 'unreadable'; readonly problems: readonly string[] }
  | { readonly outcome: 'gone' | 'finished' | 'stale' | 'waiting' | 'dropped' }
  | { readonly outcome: 'stepped'; readonly job: JobRecord }
  | { readonly outcome: 'retrying' | 'failed'; readonly job: JobRecord; readonly reason: string };

const problemsOf = (error: z.ZodError): string[] =>
  error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);

/** Names what failed, never data: the error's class and its message, bounded. */
const describe = (error: unknown): string =>
  boundMessage(error instanceof Error ? `${error.name}: ${error.message}` : 'a non-error was thrown', 300);

export const runJobStep = async <Deps extends JobStepDependencies>(
  body: unknown,
  deps: Deps,
  kinds: Readonly<Record<JobKindName, JobKind<Deps>>>,
  options: JobStepOptions = DEFAULT_JOB_STEP_OPTIONS,
): Promise<JobStepReport> => {
  const parsed = JobStepEventSchema.safeParse(body);
  if (!parsed.success) return { outcome: 'unreadable', problems: problemsOf(parsed.error) };
  const event = parsed.data;
  const read = (): Promise<JobRecord | undefined> => deps.store.get(jobKey(event.jobId), JobRecordSchema);
  const save = (job: JobRecord): Promise<void> =>
    deps.store.set(jobKey(job.id), job, { ttlSeconds: JOB_TTL_SECONDS });
  const waitAgain = async (): Promise<JobStepReport> => {
    if (event.waits >= MAX_JOB_EVENT_WAITS) return { outcome: 'dropped' };
    await deps.jobQueue.push({ ...event, waits: event.waits + 1 }, { delayInSeconds: options.waitSeconds });
    return { outcome: 'waiting' };
  };

  const before = await read();
  if (before === undefined) return { outcome: 'gone' };
  if (before.state === 'done' || before.state === 'failed') return { outcome: 'finished' };
  if (event.step < before.step) return { outcome: 'stale' };
  // Pushed by a step whose save has not landed yet (or never will: then the retried delivery pushes it again).
  if (event.step > before.step) return event.step === before.step + 1 ? waitAgain() : { outcome: 'dropped' };

  try {
    return await withLock(
      deps.store,
      jobLockKey(event.jobId),
      { ttlSeconds: options.lockTtlSeconds, attempts: 1, delayMs: 0, maxDelayMs: 0 },
      async (): Promise<JobStepReport> => {
        // Another delivery may have finished this step between the first read and the lock.
        const job = await read();
        if (job === undefined) return { outcome: 'gone' };
        if (job.state === 'done' || job.state === 'failed') return { outcome: 'finished' };
        if (job.step !== event.step) return { outcome: 'stale' };
        const now = deps.clock.now();
        const fail = async (message: string, problems: readonly string[]): Promise<JobStepReport> => {
          const failed: JobRecord = JobRecordSchema.parse({
            ...job,
            state: 'failed',
            updatedAt: now,
            error: {
              message: boundMessage(message),
              problems: problems.slice(0, MAX_JOB_PROBLEMS).map((problem) => boundMessage(problem, 500)),
            },
          });
          await save(failed);
          return { outcome: 'failed', job: failed, reason: failed.error?.message ?? message };
        };
        let result;
        try {
          result = await kinds[job.kind].step(job, deps, deps.budget);
        } catch (error) {
          if (error instanceof JobFailedError) return fail(error.message, error.problems);
          const reason = describe(error);
          const failures = job.failures + 1;
          if (failures >= options.maxStepFailures)
            return fail(
              `The job stopped: its step ${String(job.step)} failed ${String(failures)} times in a row (last: ${reason}). Start it again later.`,
              [],
            );
          await deps.jobQueue.push(
            { kind: 'job-step', jobId: job.id, step: job.step },
            { delayInSeconds: options.retrySeconds },
          );
          const retried = JobRecordSchema.parse({ ...job, failures, updatedAt: now });
          await save(retried);
          return { outcome: 'retrying', job: retried, reason };
        }
        const next: JobRecord = JobRecordSchema.parse({
          ...job,
          state: result.finished === undefined ? 'running' : 'done',
          updatedAt: now,
          progress: result.progress,
          cursor: result.finished === undefined ? result.cursor : job.cursor,
          parts: result.parts,
          step: job.step + 1,
          failures: 0,
          result: result.finished ?? null,
        });
        if (next.state === 'running')
          await deps.jobQueue.push(
            { kind: 'job-step', jobId: job.id, step: next.step },
            { delayInSeconds: options.nextStepDelaySeconds },
          );
        await save(next);
        return { outcome: 'stepped', job: next };
      },
    );
  } catch (error) {
    if (error instanceof LockBusyError) return waitAgain();
    throw error;
  }
};
