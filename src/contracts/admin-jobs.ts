/**
 * The admin page's background jobs (ISSUE 7 item 4): startExport starts the audit export as a job (the request of
 * exportRegister), getJob answers its progress, getExportPart one part of its output. The page fetches parts 0 …
 * parts-1 and joins them into the file: any size of export travels in answers far under Forge's 5 MB.
 * Shared by src/entry and static/admin.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from './admin-export';
import { answerSchema } from './refusal';

const JobIdSchema = z.uuid({ message: 'must be a job id' });

export const StartExportResponseSchema = answerSchema({ jobId: z.string() });
export type StartExportResponse = z.infer<typeof StartExportResponseSchema>;

export const GetJobRequestSchema = z.strictObject({ jobId: JobIdSchema });
export type GetJobRequest = z.infer<typeof GetJobRequestSchema>;

export const GetJobResponseSchema = answerSchema({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.strictObject({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    phase: z.string(),
  }),
  /** Output parts ready to fetch (all of them once `state` is done). */
  parts: z.number().int().nonnegative(),
  result: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
  error: z.strictObject({ message: z.string(), problems: z.array(z.string()) }).nullable(),
});
export type GetJobResponse = z.infer<typeof GetJobResponseSchema>;

export const GetExportPartRequestSchema = z.strictObject({
  jobId: JobIdSchema,
  part: z.number().int().nonnegative().max(1_000_000),
});
export type GetExportPartRequest = z.infer<typeof GetExportPartRequestSchema>;

export const GetExportPartResponseSchema = answerSchema({
  format: z.enum(EXPORT_FORMATS),
  part: z.number().int().nonnegative(),
  parts: z.number().int().nonnegative(),
  text: z.string(),
});
export type GetExportPartResponse = z.infer<typeof GetExportPartResponseSchema>;
