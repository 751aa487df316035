/**
 * Requests and responses of the admin page's setup resolvers (DESIGN.md §1, issue "one-click setup"), shared by
 * src/entry and static/admin. As with the policy resolvers, a refusal is an answer (`ok: false`), never thrown.
 */
import { z } from 'zod';

export const SETUP_ERROR_CODES = ['not-admin', 'invalid-request', 'blocked', 'busy', 'incomplete'] as const;
export type SetupErrorCode = (typeof SETUP_ERROR_CODES)[number];

const ProjectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be a Jira project key such as SEC');
const FieldIdSchema = z
  .string()
  .regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10020');

/** What a run did, in plain descriptions such as `field "Exception Type" (customfield_10020)`. */
export const SetupReportSchema = z.strictObject({
  created: z.array(z.string()).readonly(),
  adopted: z.array(z.string()).readonly(),
  skipped: z.array(z.string()).readonly(),
  /** What the admin must still do where setup could not, one sentence each (e.g. a policy group missing in Jira). */
  problems: z.array(z.string()).readonly().optional(),
});
export type SetupReportAnswer = z.infer<typeof SetupReportSchema>;

export const SetupRefusalSchema = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({
    code: z.enum(SETUP_ERROR_CODES),
    message: z.string().min(1),
    /** Conflicts that block setup, one sentence each. */
    problems: z.array(z.string()).readonly().optional(),
    /** What an interrupted run did before it stopped (the next run resumes from there). */
    report: SetupReportSchema.optional(),
  }),
});
export type SetupRefusal = z.infer<typeof SetupRefusalSchema>;

/** getSetupStatus: the projects set up so far, or the one named. */
export const GetSetupStatusRequestSchema = z.object({ projectKey: ProjectKeySchema.optional() });
export type GetSetupStatusRequest = z.infer<typeof GetSetupStatusRequestSchema>;
export const GetSetupStatusResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    status: z.strictObject({
      ready: z.boolean(),
      present: z.array(z.string()).readonly(),
      missing: z.array(z.string()).readonly(),
    }),
  }),
  SetupRefusalSchema,
]);
export type GetSetupStatusResponse = z.infer<typeof GetSetupStatusResponseSchema>;

/** runSetup: the project to set up, and existing fields to adopt (logical field name → custom field id). */
export const RunSetupRequestSchema = z.object({
  projectKey: ProjectKeySchema,
  adoptFields: z.record(z.string(), FieldIdSchema).optional(),
});
export type RunSetupRequest = z.infer<typeof RunSetupRequestSchema>;
export const RunSetupResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), report: SetupReportSchema }),
  SetupRefusalSchema,
]);
export type RunSetupResponse = z.infer<typeof RunSetupResponseSchema>;
