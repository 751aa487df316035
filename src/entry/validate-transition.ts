/**
 * jira:workflowValidator `validate-transition`: enforces the policy on the transition its configuration names
 * (DESIGN.md §3). The payload is `{issue:{key}, configuration, transition:{from,to,modifiedFields}}`; the acting
 * user is read from every place an invocation may name it (invocation-actor.ts, FORGE_NOTES §16).
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { readModifiedFields } from '../application/issue-mapping/modified-fields';
import { claimedActor } from '../application/transitions/invocation-actor';
import {
  validateTransition as validate,
  type ValidatorAnswer,
} from '../application/transitions/validate-transition';
import { recordShape } from './record-shape';

const PayloadSchema = z.object({ issue: z.object({ key: z.string().min(1) }), configuration: z.unknown() });

const UNREADABLE_PAYLOAD: ValidatorAnswer = {
  result: false,
  errorMessage:
    'The security exception policy could not be checked: Jira sent the validator a request it does not understand, so the transition is refused. Ask a Jira admin to look at the app.',
};

export const validateTransition = async (payload: unknown, context: unknown): Promise<ValidatorAnswer> => {
  await recordShape('validate-transition', payload, context);
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return UNREADABLE_PAYLOAD;
  const outcome = await validate(
    {
      issueKey: parsed.data.issue.key,
      configuration: parsed.data.configuration,
      modifiedFields: readModifiedFields(payload),
      actorClaim: claimedActor(payload, context),
    },
    forgeDependencies(),
  );
  // The error's name only: messages can hold issue keys and field values, which stay out of logs.
  if (outcome.failure !== undefined) console.error(`validate-transition refused: ${outcome.failure}`);
  return outcome.answer;
};
