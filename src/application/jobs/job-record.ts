/**
 * The record of a background job (ISSUE 7 item 4): the one way the app runs long admin work (the audit export now,
 * the register import next). Created by a use case in a resolver, advanced step by step by `job-step` events on
 * the `admin-jobs` queue (job-events.ts, run-job-step.ts), read back by the admin page for progress. Every member
 * is bounded: the cursor is the job kind's own small document, messages are capped (message-bounds.ts), so a job
 * record stays far under the KVS value limit whatever the site holds.
 */
import { z } from 'zod';
import { MESSAGE_CAP } from '../../domain/message-bounds';

/** The kinds of job the app runs; each has one JobKind handler (job-kind.ts). */
export const JOB_KINDS = ['register-export'] as const;
export type JobKindName = (typeof JOB_KINDS)[number];

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;

/** Jobs and their output expire by themselves three days after their last write (KVS TTL). */
export const JOB_TTL_SECONDS = 3 * 24 * 60 * 60;

/** Bytes of JSON a job's cursor may take: a cursor is a position, never accumulated data. */
export const MAX_CURSOR_BYTES = 8 * 1024;

/** Problems a failed job keeps, each bounded like any message. */
export const MAX_JOB_PROBLEMS = 20;

export const JobIdSchema = z.uuid({ message: 'must be a job id' });

const BoundedText = z.string().max(MESSAGE_CAP);

export const JobProgressSchema = z.strictObject({
  /** Units of work done so far (for the export: Exception issues read). */
  done: z.number().int().nonnegative(),
  /** The units there are in all, once known. */
  total: z.number().int().nonnegative().nullable(),
  /** What the job is doing now, in a word the page can show. */
  phase: z.string().min(1).max(40),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

const CursorSchema = z
  .json()
  .refine((cursor) => JSON.stringify(cursor).length <= MAX_CURSOR_BYTES, 'must be a small position');

export const JobRecordSchema = z.strictObject({
  id: JobIdSchema,
  kind: z.enum(JOB_KINDS),
  /** The Jira account that started it: the only one who may read it (get-job.ts). */
  requestedBy: z.string().min(1).max(128),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  state: z.enum(JOB_STATES),
  progress: JobProgressSchema,
  /** The kind's input, fixed at start (e.g. the export's window, format and the projects the requester may browse). */
  input: CursorSchema,
  /** Where the next step starts; the kind's own document. */
  cursor: CursorSchema,
  /**
   * Steps finished. Each `job-step` event names the step it is for, so a copy delivered again after its step
   * finished, or a delayed re-check, is recognised and dropped (run-job-step.ts).
   */
  step: z.number().int().nonnegative(),
  /** Failed attempts at the current step in a row; reset by a step that succeeds. */
  failures: z.number().int().nonnegative(),
  /** Output parts written (`job:<id>:part:<n>`, n from 0). */
  parts: z.number().int().nonnegative(),
  /** What the finished job produced, in a few numbers (for the export: exceptions, bytes, format). */
  result: z.record(z.string().max(40), z.union([z.number(), z.string().max(200)])).nullable(),
  /** Why the job failed: names fields and counts, never data. */
  error: z
    .strictObject({ message: BoundedText, problems: z.array(BoundedText).max(MAX_JOB_PROBLEMS) })
    .nullable(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const jobKey = (id: string): string => `job:${id}`;
export const jobLockKey = (id: string): string => `job:${id}:lock`;
export const jobPartKey = (id: string, part: number): string => `job:${id}:part:${String(part)}`;

/** A part's stored value: one slice of the output text. */
export const JobPartSchema = z.strictObject({ text: z.string() });
