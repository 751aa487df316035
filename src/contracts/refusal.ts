/**
 * The one refusal every resolver answers with (ISSUE 7 item 0): `{ ok: false, error: { code, message, problems? } }`.
 * A refusal is an answer the page shows, never an exception; its message names fields and never echoes what was sent
 * (ISSUE6 B10). Shared by src/entry (which maps the use cases' RefusalError to it in one place) and static/.
 */
import { z } from 'zod';
import { MESSAGE_CAP } from '../domain/message-bounds';
import { SetupReportSchema } from './setup-report';

/** Every reason a resolver refuses, one list for all of them. */
export const REFUSAL_CODES = [
  /** The caller is not a Jira admin (checked before the payload is read). */
  'not-admin',
  /** The payload (or the invocation's context) is not what the contract says. */
  'invalid-request',
  /** A submitted policy breaks the policy schema; `problems` lists where and what. */
  'invalid-policy',
  /** Someone else changed the same thing first (or is changing it now); reload and try again. */
  'version-conflict',
  /** The site has conflicts the admin must resolve first; `problems` lists them. */
  'blocked',
  /** The same work is already running. */
  'busy',
  /** Work stopped part-way; `report` says what was done, and running it again resumes. */
  'incomplete',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** One thing wrong with a submitted document: where (`tiers.High.approverGroups`) and what. */
export const FieldProblemSchema = z.strictObject({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** A problem is a sentence (a conflict on the site) or a field's problem (a submitted document). */
export const RefusalProblemSchema = z.union([z.string(), FieldProblemSchema]);
export type RefusalProblem = z.infer<typeof RefusalProblemSchema>;

export const RefusalDetailSchema = z.strictObject({
  code: z.enum(REFUSAL_CODES),
  message: z.string().min(1).max(MESSAGE_CAP),
  problems: z.array(RefusalProblemSchema).readonly().optional(),
  /** What work that stopped part-way did before it stopped (the next run resumes from there). */
  report: SetupReportSchema.optional(),
});
export type RefusalDetail = z.infer<typeof RefusalDetailSchema>;

export const RefusalSchema = z.strictObject({ ok: z.literal(false), error: RefusalDetailSchema });
export type Refusal = z.infer<typeof RefusalSchema>;

/** A resolver's answer: `{ ok: true, ...shape }` or the refusal. */
export const answerSchema = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), ...shape }), RefusalSchema]);

/** The answered member of a resolver's response: what its use case returns (a refusal is thrown, as RefusalError). */
export type Answered<Response> = Extract<Response, { ok: true }>;
