/**
 * The register format of DESIGN.md §7, version 1: the JSON export, the command line's input and the import format.
 * Unknown members are ignored on read (zod's default `strip`), so later versions can add members without breaking
 * older readers. Text fields may be null or empty in the file; they are read as '' so consumers have one "empty".
 */
import { z } from 'zod';
import { FindingsSchema } from './findings/finding';
import {
  EXCEPTION_TYPES,
  HISTORY_ACTIONS,
  RECERTIFICATION_CHECKS,
  REMINDER_KINDS,
  RISK_RATINGS,
  STATUSES,
  URGENCIES,
} from './vocabulary';

const isRealDate = (value: string): boolean => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

/** A calendar date `YYYY-MM-DD` (UTC) that exists (no 2026-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'must be a real calendar date');

/** An ISO-8601 instant with an explicit offset (`Z` or `+hh:mm`). */
export const IsoInstantSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z',
});

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const UserRefSchema = z.object({
  accountId: z.string().min(1, 'must not be empty'),
  displayName: text,
});
export type UserRef = z.infer<typeof UserRefSchema>;

export const RiskOwnerSchema = UserRefSchema.extend({
  /** Absent means unknown; the rules treat only an explicit `false` as inactive. */
  active: z.boolean().default(true),
});
export type RiskOwner = z.infer<typeof RiskOwnerSchema>;

export const ChecklistSchema = z.object(
  Object.fromEntries(RECERTIFICATION_CHECKS.map((check) => [check, z.boolean().default(false)])) as Record<
    (typeof RECERTIFICATION_CHECKS)[number],
    z.ZodDefault<z.ZodBoolean>
  >,
);
export type Checklist = z.infer<typeof ChecklistSchema>;

/**
 * A decision-relevant text as a decision recorded it: its digest (what the decision covers) and a bounded excerpt
 * (what the approver read), so the lifecycle property stays under Jira's 32 KB limit however long the text.
 */
export const DecidedTextSchema = z.object({
  digest: z.string().min(1),
  excerpt: z.string(),
  /** The excerpt is shorter than the text it stands for. */
  truncated: z.boolean().default(false),
});
export type DecidedText = z.infer<typeof DecidedTextSchema>;

/** A Findings entry (DESIGN.md §2, §7): a finding id, optionally scoped by a purl or a path. */
export const DecidedFindingSchema = z.object({
  id: z.string().min(1),
  purl: z.string().optional(),
  path: z.string().optional(),
});

/**
 * The decision-relevant fields an approval, auto-approval or recertification was made on (DESIGN.md §3, "A
 * decision covers what was decided"), with their digest. Until a fresh decision these values govern expiry, KPIs
 * and export; a later edit that changes the digest sends the exception back to review.
 */
export const DecidedOnSchema = z.object({
  digest: z.string().min(1),
  type: z.enum(EXCEPTION_TYPES),
  riskRating: z.enum(RISK_RATINGS).nullable(),
  riskOwner: UserRefSchema.nullable(),
  expirationDate: IsoDateSchema.nullable(),
  affectedAssets: z.array(z.string().min(1, 'must not be empty')),
  justification: DecidedTextSchema,
  compensatingControls: DecidedTextSchema,
  findings: z.array(DecidedFindingSchema).optional(),
});
export type DecidedOn = z.infer<typeof DecidedOnSchema>;

export const HistoryEntrySchema = z
  .object({
    at: IsoInstantSchema,
    action: z.enum(HISTORY_ACTIONS),
    /** Account id of the actor; null for the app itself (scheduled actions). */
    by: z.string().nullable().default(null),
    periodStart: IsoDateSchema.optional(),
    periodEnd: IsoDateSchema.optional(),
    policyVersion: z.number().int().positive().optional(),
    reminder: z.enum(REMINDER_KINDS).optional(),
    /** Free text: rejection reason, what to restore, the escalation issue key. */
    note: z.string().optional(),
    /** The Jira comment the note is an excerpt of, where the full text stays. */
    commentId: z.string().optional(),
    checklist: ChecklistSchema.optional(),
    /** Fingerprint of the justification this decision was made on, so recertification can require a fresh one. */
    justificationDigest: z.string().optional(),
    /** Idempotency key of the lifecycle action that wrote this entry (DESIGN.md §5). */
    actionKey: z.string().optional(),
    /** On a decision that opens a period: the decision-relevant values it covers and their digest. */
    decidedOn: DecidedOnSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    const opensPeriod =
      entry.action === 'approved' || entry.action === 'auto-approved' || entry.action === 'recertified';
    if (opensPeriod && (entry.periodStart === undefined || entry.periodEnd === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [entry.periodStart === undefined ? 'periodStart' : 'periodEnd'],
        message: `is required on a "${entry.action}" entry (it opens a new approval period)`,
      });
    }
    if (
      entry.periodStart !== undefined &&
      entry.periodEnd !== undefined &&
      entry.periodEnd < entry.periodStart
    ) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must not be before periodStart' });
    }
    if (entry.action === 'reminded' && entry.reminder === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminder'],
        message: 'is required on a "reminded" entry ("75%" or "14d")',
      });
    }
  });
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ExceptionRecordSchema = z.object({
  /** Jira issue id, when known; the register's identity is the key. */
  id: z.string().optional(),
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'must be a Jira issue key such as SEC-12'),
  summary: text,
  type: z.enum(EXCEPTION_TYPES),
  urgency: z.enum(URGENCIES).nullable().default(null),
  riskRating: z.enum(RISK_RATINGS).nullable().default(null),
  status: z.enum(STATUSES),
  requester: UserRefSchema,
  riskOwner: RiskOwnerSchema.nullable().default(null),
  justification: text,
  compensatingControls: text,
  expirationDate: IsoDateSchema.nullable().default(null),
  affectedAssets: z.array(z.string().min(1, 'must not be empty')).default([]),
  remediationPlan: text,
  attachmentCount: z.number().int().nonnegative().default(0),
  recertificationChecklist: ChecklistSchema.nullable().default(null),
  createdAt: IsoInstantSchema,
  history: z.array(HistoryEntrySchema).default([]),
  /** What the exception suppresses in the scanners (DESIGN.md §11); absent in older registers, read as none. */
  findings: FindingsSchema.optional(),
  /**
   * What is wrong with the Findings field's bad lines, from the mapping (never written to a register): the
   * findings rule refuses triage and approval while there are any. Absent when every line parsed.
   */
  findingProblems: z.array(z.string()).max(20).optional(),
});
export type ExceptionRecord = z.infer<typeof ExceptionRecordSchema>;
/** The shape written to a register file (before defaults are applied). */
export type ExceptionRecordInput = z.input<typeof ExceptionRecordSchema>;

export const REGISTER_VERSION = 1;

export const RegisterSchema = z.object({
  version: z.literal(REGISTER_VERSION, {
    message: `must be ${REGISTER_VERSION} (the only register version this app reads)`,
  }),
  generatedAt: IsoInstantSchema.optional(),
  exceptions: z.array(ExceptionRecordSchema),
});
export type Register = z.infer<typeof RegisterSchema>;
