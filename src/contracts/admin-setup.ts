/**
 * Requests and responses of the admin page's setup resolvers (DESIGN.md §1, issue "one-click setup"), shared by
 * src/entry and static/admin. Every answer is `{ ok: true, … }` or the refusal of ./refusal.ts.
 */
import { z } from 'zod';
import { ProjectKeySchema } from './project-key';
import { answerSchema } from './refusal';
import { SetupReportSchema } from './setup-report';

export { SetupReportSchema, type SetupReportAnswer } from './setup-report';

const FieldIdSchema = z
  .string()
  .regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10020');

/** getSetupStatus: the projects set up so far, or the one named. */
export const GetSetupStatusRequestSchema = z.object({ projectKey: ProjectKeySchema.optional() });
export type GetSetupStatusRequest = z.infer<typeof GetSetupStatusRequestSchema>;
export const GetSetupStatusResponseSchema = answerSchema({
  status: z.strictObject({
    ready: z.boolean(),
    present: z.array(z.string()).readonly(),
    missing: z.array(z.string()).readonly(),
  }),
});
export type GetSetupStatusResponse = z.infer<typeof GetSetupStatusResponseSchema>;

/** runSetup: the project to set up, and existing fields to adopt (logical field name → custom field id). */
export const RunSetupRequestSchema = z.object({
  projectKey: ProjectKeySchema,
  adoptFields: z.record(z.string(), FieldIdSchema).optional(),
});
export type RunSetupRequest = z.infer<typeof RunSetupRequestSchema>;
export const RunSetupResponseSchema = answerSchema({ report: SetupReportSchema });
export type RunSetupResponse = z.infer<typeof RunSetupResponseSchema>;
