/**
 * The events of the `admin-jobs` queue, zod-typed at both ends like lifecycle-events.ts: start-job.ts and
 * run-job-step.ts push them, the `admin-job-worker` consumer parses them. An event names the job and the step it
 * is for (the job's `step` counter), so a copy delivered twice, late or ahead of the job's save is recognised.
 */
import { z } from 'zod';
import { JobIdSchema } from './job-record';

/** How often an event waits for a step held by another delivery, or a save still in flight, before it is dropped. */
export const MAX_JOB_EVENT_WAITS = 5;

export const JobStepEventSchema = z.strictObject({
  kind: z.literal('job-step'),
  jobId: JobIdSchema,
  step: z.number().int().nonnegative(),
  waits: z.number().int().nonnegative().max(MAX_JOB_EVENT_WAITS).default(0),
});
export type JobStepEvent = z.input<typeof JobStepEventSchema>;

export interface JobQueuePushOptions {
  /** Deliver no sooner than this many seconds from now (Forge allows 0–900). */
  readonly delayInSeconds?: number;
}

/** The `admin-jobs` queue (`@forge/events` in production: src/adapters/events/forge-job-queue.ts). */
export interface JobQueuePort {
  push(event: JobStepEvent, options?: JobQueuePushOptions): Promise<void>;
}
