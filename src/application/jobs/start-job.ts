/**
 * Starting a background job: its record written (queued, step 0) and its first `job-step` event pushed. The record
 * is written first, so the event never arrives before its job; a push that fails leaves a queued record that
 * expires by itself (JOB_TTL_SECONDS) and the caller sees the failure.
 */
import type { Clock } from '../ports/clock';
import type { StorePort } from '../ports/store-port';
import type { JobQueuePort } from './job-events';
import {
  JOB_TTL_SECONDS,
  JobRecordSchema,
  jobKey,
  type JobKindName,
  type JobProgress,
  type JobRecord,
} from './job-record';

export interface JobStartDependencies {
  readonly store: StorePort;
  readonly clock: Clock;
  readonly jobQueue: JobQueuePort;
  /** A fresh job id; random UUIDs unless a test gives another. */
  readonly newJobId?: () => string;
}

export interface NewJob {
  readonly kind: JobKindName;
  readonly requestedBy: string;
  readonly input: unknown;
  readonly cursor: unknown;
  readonly progress: JobProgress;
}

export const startJob = async (deps: JobStartDependencies, job: NewJob): Promise<JobRecord> => {
  const now = deps.clock.now();
  const record = JobRecordSchema.parse({
    id: (deps.newJobId ?? (() => globalThis.crypto.randomUUID()))(),
    kind: job.kind,
    requestedBy: job.requestedBy,
    createdAt: now,
    updatedAt: now,
    state: 'queued',
    progress: job.progress,
    input: job.input,
    cursor: job.cursor,
    step: 0,
    failures: 0,
    parts: 0,
    result: null,
    error: null,
  });
  await deps.store.set(jobKey(record.id), record, { ttlSeconds: JOB_TTL_SECONDS });
  await deps.jobQueue.push({ kind: 'job-step', jobId: record.id, step: 0 });
  return record;
};
