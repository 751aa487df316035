/**
 * The admin page's sweep status (ISSUE 8 item 1): the last lifecycle sweeps, newest first — when each ran, what it
 * did and what failed. Shared by src/entry and static/admin. The sweep keeps a bounded ring of its summaries
 * (src/application/lifecycle/sweep-history.ts); issue keys and error names only, never field values.
 */
import { z } from 'zod';
import { answerSchema } from './refusal';

/** How many sweep summaries are kept (and the most one request may ask for). */
export const SWEEP_HISTORY_SIZE = 20;
/** Failed issues kept per summary; the rest are counted in `failedCount`. */
export const SWEEP_FAILURES_KEPT = 20;

export const SWEEP_OUTCOMES = ['swept', 'not-set-up', 'failed'] as const;
export type SweepOutcomeName = (typeof SWEEP_OUTCOMES)[number];

export const SweepFailureSchema = z.strictObject({
  issueKey: z.string().max(255),
  error: z.string().max(300),
});

export const SweepSummarySchema = z.strictObject({
  startedAt: z.string(),
  finishedAt: z.string(),
  /** `failed`: the sweep itself stopped with an error (the next hourly run takes it up). */
  outcome: z.enum(SWEEP_OUTCOMES),
  issuesSwept: z.number().int().nonnegative(),
  /** Actions carried out, by planner action (`remind-75`, `revert`, …). */
  actions: z.record(z.string(), z.number().int().nonnegative()),
  /** Issues handed to the queue's workers. */
  fannedOut: z.number().int().nonnegative(),
  /** Whether the sweep ran short of time and continued on the queue. */
  continued: z.boolean(),
  failedCount: z.number().int().nonnegative(),
  failed: z.array(SweepFailureSchema).max(SWEEP_FAILURES_KEPT),
  /** The sweep's own error when `outcome` is `failed`. */
  error: z.string().max(300).optional(),
});
export type SweepSummary = z.infer<typeof SweepSummarySchema>;

/** getSweepStatus: the last `limit` sweeps (all kept when absent), newest first. */
export const GetSweepStatusRequestSchema = z.strictObject({
  limit: z.number().int().min(1).max(SWEEP_HISTORY_SIZE).optional(),
});
export type GetSweepStatusRequest = z.infer<typeof GetSweepStatusRequestSchema>;
export const GetSweepStatusResponseSchema = answerSchema({ sweeps: z.array(SweepSummarySchema) });
export type GetSweepStatusResponse = z.infer<typeof GetSweepStatusResponseSchema>;
