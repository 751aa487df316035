/**
 * Requests and responses of the admin page's policy resolvers (DESIGN.md §4, §10), shared by src/entry and
 * static/admin. Every answer is `{ ok: true, … }` or the refusal of ./refusal.ts. The policy travels as the document the domain schema defines.
 */
import { z } from 'zod';
import { PolicySchema } from '../domain/policy-schema';
import { answerSchema as answer, FieldProblemSchema, type FieldProblem } from './refusal';

/** One thing wrong with a submitted policy: where (`tiers.High.approverGroups`) and what. */
export const PolicyProblemSchema = FieldProblemSchema;
export type PolicyProblem = FieldProblem;

/** getPolicy: no payload. `stored` is false while the default applies (nothing saved or installed yet). */
export const GetPolicyRequestSchema = z.object({});
export const GetPolicyResponseSchema = answer({ policy: PolicySchema, stored: z.boolean() });
export type GetPolicyResponse = z.infer<typeof GetPolicyResponseSchema>;

/** validatePolicy: checks a draft without saving it. */
export const ValidatePolicyRequestSchema = z.object({ policy: z.unknown() });
export type ValidatePolicyRequest = z.infer<typeof ValidatePolicyRequestSchema>;
export const ValidatePolicyResponseSchema = answer({
  valid: z.boolean(),
  problems: z.array(PolicyProblemSchema),
});
export type ValidatePolicyResponse = z.infer<typeof ValidatePolicyResponseSchema>;

/**
 * savePolicy: `baseVersion` is the version the admin started from (null when none was stored yet). A save based
 * on an outdated version is refused with `version-conflict`, so one admin cannot silently undo another's change.
 * The document's own `version`, `updatedAt` and `updatedBy` are set by the server.
 */
export const SavePolicyRequestSchema = z.object({
  policy: z.unknown(),
  baseVersion: z.number().int().positive().nullable(),
});
export type SavePolicyRequest = z.infer<typeof SavePolicyRequestSchema>;
export const SavePolicyResponseSchema = answer({ policy: PolicySchema });
export type SavePolicyResponse = z.infer<typeof SavePolicyResponseSchema>;

export const PolicyVersionSummarySchema = z.strictObject({
  version: z.number().int().positive(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  current: z.boolean(),
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummarySchema>;

/** listPolicyVersions: no payload; newest first. */
export const ListPolicyVersionsRequestSchema = z.object({});
export const ListPolicyVersionsResponseSchema = answer({ versions: z.array(PolicyVersionSummarySchema) });
export type ListPolicyVersionsResponse = z.infer<typeof ListPolicyVersionsResponseSchema>;
