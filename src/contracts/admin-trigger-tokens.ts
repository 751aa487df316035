/**
 * The admin page's scanner web trigger tokens (ISSUE 10 item 3): one per set-up project, created or rotated by a
 * Jira admin and shown once, in the answer to that request; listing tells only whether and when one was made.
 */
import { z } from 'zod';
import { ProjectKeySchema } from './project-key';
import { answerSchema } from './refusal';

export const RotateTriggerTokenRequestSchema = z.strictObject({ projectKey: ProjectKeySchema });
export type RotateTriggerTokenRequest = z.infer<typeof RotateTriggerTokenRequestSchema>;
export const RotateTriggerTokenResponseSchema = answerSchema({
  projectKey: z.string(),
  /** Shown once: the app keeps only its digest. */
  token: z.string(),
  createdAt: z.string(),
});
export type RotateTriggerTokenResponse = z.infer<typeof RotateTriggerTokenResponseSchema>;

export const ListTriggerTokensRequestSchema = z.strictObject({});
export type ListTriggerTokensRequest = z.infer<typeof ListTriggerTokensRequestSchema>;
export const TriggerTokenInfoSchema = z.strictObject({
  projectKey: z.string(),
  /** When the project's current token was made; null when it has none. */
  createdAt: z.string().nullable(),
  /** Account id of the admin who made it; null when it has none. */
  createdBy: z.string().nullable(),
});
export const ListTriggerTokensResponseSchema = answerSchema({ tokens: z.array(TriggerTokenInfoSchema) });
export type ListTriggerTokensResponse = z.infer<typeof ListTriggerTokensResponseSchema>;
