/**
 * The requester's form (DESIGN.md §2): what a person types when raising an exception. The messages are shown
 * next to the fields, so they name the field and say what to do.
 */
import { z } from 'zod';
import { IsoDateSchema } from './register-schema';
import { EXCEPTION_TYPES, URGENCIES } from './vocabulary';

export const ExceptionFormSchema = z.strictObject({
  summary: z
    .string()
    .trim()
    .min(1, 'Summary is required: one line naming the system and the control excepted.'),
  type: z.enum(EXCEPTION_TYPES, { message: `Exception Type must be one of: ${EXCEPTION_TYPES.join(', ')}.` }),
  justification: z
    .string()
    .trim()
    .min(1, 'Business Justification is required: explain the need and the impact.'),
  riskOwnerAccountId: z
    .string()
    .trim()
    .min(1, 'Risk Owner is required: pick the person accountable for this risk.'),
  compensatingControls: z.string().trim().default(''),
  expirationDate: IsoDateSchema,
  affectedAssets: z
    .array(
      z
        .string()
        .trim()
        .regex(
          /^\S+$/,
          'Affected Assets are Jira labels: use identifiers without spaces, such as prod-db-01.',
        ),
    )
    .min(1, 'Affected Assets needs at least one asset identifier, such as prod-db-01.'),
  urgency: z.enum(URGENCIES, { message: 'Urgency must be Urgent or Standard.' }).default('Standard'),
  remediationPlan: z.string().trim().default(''),
});
export type ExceptionForm = z.infer<typeof ExceptionFormSchema>;
