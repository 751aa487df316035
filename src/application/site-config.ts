/**
 * What setup learned about a site and every other use case needs: the Jira ids of the app's fields (created or
 * adopted), of the Exception issue type, of the workflow's statuses, and the projects set up. Stored in KVS under
 * SITE_CONFIG_KEY by the setup use case; strict, because a half-written config must not pass as a complete one.
 */
import { z } from 'zod';
import { STATUSES } from '../domain/vocabulary';

export const SITE_CONFIG_KEY = 'site-config';

/** The app's logical fields (DESIGN.md §2) in form order. */
export const LOGICAL_FIELDS = [
  'exceptionType',
  'justification',
  'riskOwner',
  'compensatingControls',
  'expirationDate',
  'affectedAssets',
  'urgency',
  'remediationPlan',
  'riskRating',
  'recertificationChecklist',
  'decisionReason',
  'findings',
] as const;
export type LogicalField = (typeof LOGICAL_FIELDS)[number];

/**
 * Fields added after the first release: a SiteConfig stored by an older setup lacks them and must still read
 * (the app then falls back, e.g. a reason is taken from the transition's comment only) until setup runs again.
 */
export const LATER_FIELDS: readonly LogicalField[] = ['decisionReason', 'findings'];
type LaterField = 'decisionReason' | 'findings';

const FieldIdSchema = z
  .string()
  .regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10020');

/** A group Jira restricts the decision transitions to (setup/approver-restriction.ts); named when the policy names it. */
export const ApproverGroupRecordSchema = z.strictObject({
  groupId: z.string().min(1),
  name: z.string().min(1).optional(),
});
export type ApproverGroupRecord = z.infer<typeof ApproverGroupRecordSchema>;

export const SiteConfigSchema = z.strictObject({
  version: z.literal(1),
  fields: z.strictObject(
    Object.fromEntries(
      LOGICAL_FIELDS.map((field) => [
        field,
        LATER_FIELDS.includes(field) ? FieldIdSchema.optional() : FieldIdSchema,
      ]),
    ) as Record<Exclude<LogicalField, LaterField>, typeof FieldIdSchema> &
      Record<LaterField, z.ZodOptional<typeof FieldIdSchema>>,
  ),
  issueTypeId: z.string().min(1),
  /** Status ids by workflow status name (DESIGN.md §3). */
  statuses: z.strictObject(
    Object.fromEntries(STATUSES.map((status) => [status, z.string().min(1)])) as Record<
      (typeof STATUSES)[number],
      z.ZodString
    >,
  ),
  projects: z.array(z.strictObject({ id: z.string().min(1), key: z.string().min(1) })),
  workflowName: z.string().min(1),
  /**
   * The groups the workflow's Approve, Reject and Request info are restricted to by Jira's own condition, as setup
   * last found them (empty: not restricted). Absent in a config stored by an older setup until setup runs again.
   */
  approverGroups: z.array(ApproverGroupRecordSchema).max(1000).optional(),
});
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
