/**
 * jira:workflowValidator `validate-transition`: enforces the policy on the transition its configuration names
 * (DESIGN.md §3). The payload is `{issue:{key}, configuration, transition:{from,to,modifiedFields}}` and the acting
 * user comes in the invocation context (FORGE_NOTES §1).
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { readModifiedFields } from '../application/issue-mapping/modified-fields';
import {
  validateTransition as validate,
  type ValidatorAnswer,
} from '../application/transitions/validate-transition';
import { recordShape } from './record-shape';

const PayloadSchema = z.object({ issue: z.object({ key: z.string().min(1) }), configuration: z.unknown() });
const ContextSchema = z.object({ principal: z.object({ accountId: z.string().min(1) }).optional() });

const UNREADABLE_PAYLOAD: ValidatorAnswer = {
  result: false,
  errorMessage:
    'The security exception policy could not be checked: Jira sent the validator a request it does not understand, so the transition is refused. Ask a Jira admin to look at the app.',
};

export const validateTransition = async (payload: unknown, context: unknown): Promise<ValidatorAnswer> => {
  await recordShape('validate-transition', payload, context);
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return UNREADABLE_PAYLOAD;
  const principal = ContextSchema.safeParse(context).data?.principal;
  const outcome = await validate(
    {
      issueKey: parsed.data.issue.key,
      configuration: parsed.data.configuration,
      modifiedFields: readModifiedFields(payload),
      principalAccountId: principal?.accountId,
    },
    forgeDependencies(),
  );
  // The error's name only: messages can hold issue keys and field values, which stay out of logs.
  if (outcome.failure !== undefined) console.error(`validate-transition refused: ${outcome.failure}`);
  return outcome.answer;
};
