/**
 * The policy document of DESIGN.md §4: one versioned document per site, edited on the admin page.
 * Every field has the default of the process guide, so `PolicySchema.parse({ version: 1, ... })` and
 * `defaultPolicy()` agree. Stored documents are strict (unknown members are an error): a typo in a policy must
 * not silently fall back to a default.
 */
import { z } from 'zod';
import { CONTROL_MAPPING } from './control-mapping';
import { EXCEPTION_TYPES, RISK_RATINGS, type ExceptionType, type RiskRating } from './vocabulary';

const ControlReferenceSchema = z.strictObject({ id: z.string().min(1), title: z.string().min(1) });

export const ControlMappingSchema = z.strictObject({
  cisV8: z.array(ControlReferenceSchema),
  iso27001: z.array(ControlReferenceSchema),
  soc2: z.array(ControlReferenceSchema),
});

const positiveDays = z.number().int().positive();

export const TierPolicySchema = z.strictObject({
  /** Longest approval or recertification period, in days from the decision. */
  maxDurationDays: positiveDays,
  /** Jira group names whose members may approve at this tier (any one suffices). */
  approverGroups: z.array(z.string().min(1)).min(1, 'must name at least one Jira group'),
});
export type TierPolicy = z.infer<typeof TierPolicySchema>;

export const PolicyPackSchema = z.strictObject({
  /** Provisional rating used at triage until an approver sets Risk Rating. */
  defaultRating: z.enum(RISK_RATINGS),
  autoApprovalAllowed: z.boolean(),
  /** Per-type cap on a period; the effective cap is the smaller of this and the tier's. */
  maxDurationDays: positiveDays.nullable(),
  evidenceRequired: z.boolean(),
  controls: ControlMappingSchema,
  /** What must be restored when the exception is reverted; quoted in the revert comment. */
  restoreText: z.string().min(1),
});
export type PolicyPack = z.infer<typeof PolicyPackSchema>;

const DEFAULT_PACK_SETTINGS: Record<ExceptionType, Omit<PolicyPack, 'controls'>> = {
  'MFA bypass': {
    defaultRating: 'High',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText: 'Re-enable MFA enforcement for the affected accounts and applications.',
  },
  'Firewall rule': {
    defaultRating: 'Medium',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText: 'Remove the temporary firewall rule and restore the baseline rule set.',
  },
  'Vulnerability patch delay': {
    defaultRating: 'Medium',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: true,
    restoreText: 'Apply the outstanding patch or remove the vulnerable component.',
  },
  'Endpoint control gap': {
    defaultRating: 'Low',
    autoApprovalAllowed: true,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText:
      'Re-enable the endpoint control (EDR, anti-malware, disk encryption) on the affected devices.',
  },
  'Third-party / vendor access': {
    defaultRating: 'Medium',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText: "Revoke the vendor's access and rotate any credentials that were shared with them.",
  },
  'Legacy system support': {
    defaultRating: 'High',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText: 'Decommission or isolate the legacy system as the remediation plan describes.',
  },
  Other: {
    defaultRating: 'Medium',
    autoApprovalAllowed: false,
    maxDurationDays: null,
    evidenceRequired: false,
    restoreText: 'Restore the baseline control named in the justification.',
  },
};

const defaultPack = (type: ExceptionType): PolicyPack => ({
  ...DEFAULT_PACK_SETTINGS[type],
  controls: {
    cisV8: [...CONTROL_MAPPING[type].cisV8],
    iso27001: [...CONTROL_MAPPING[type].iso27001],
    soc2: [...CONTROL_MAPPING[type].soc2],
  },
});

const defaultPacks = (): Record<ExceptionType, PolicyPack> =>
  Object.fromEntries(EXCEPTION_TYPES.map((type) => [type, defaultPack(type)])) as Record<
    ExceptionType,
    PolicyPack
  >;

const defaultTiers = (): Record<RiskRating, TierPolicy> => ({
  Low: { maxDurationDays: 90, approverGroups: ['security-reviewers'] },
  Medium: { maxDurationDays: 90, approverGroups: ['security-reviewers'] },
  High: { maxDurationDays: 90, approverGroups: ['c-level'] },
  Critical: { maxDurationDays: 90, approverGroups: ['c-level'] },
});

/** The Business Justification field's template; submitting it untouched is not a justification. */
export const DEFAULT_JUSTIFICATION_TEMPLATE =
  'Why is this exception needed? What breaks without it, for whom, and what is the business impact?';

export const PolicySchema = z
  .strictObject({
    version: z.number().int().positive(),
    updatedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    updatedBy: z.string().nullable().default(null),
    tiers: z
      .strictObject({
        Low: TierPolicySchema,
        Medium: TierPolicySchema,
        High: TierPolicySchema,
        Critical: TierPolicySchema,
      })
      .default(defaultTiers),
    /** Whether a Low-tier request whose type allows it may be approved by the app without a human. */
    autoApproveLow: z.boolean().default(true),
    /** Urgent requests touching more than this many assets get their provisional rating raised one step. */
    urgentAssetThreshold: z.number().int().nonnegative().default(3),
    compensatingControlsFromTier: z.enum(RISK_RATINGS).default('Medium'),
    /** Attachments are required from this tier up, and for every type whose pack says so. */
    evidenceFromTier: z.enum(RISK_RATINGS).default('High'),
    justificationMinLength: z.number().int().nonnegative().default(40),
    justificationTemplate: z.string().default(DEFAULT_JUSTIFICATION_TEMPLATE),
    riskOwnerMayBeRequester: z.boolean().default(false),
    decisionSlaHours: z
      .strictObject({ Urgent: z.number().positive(), Standard: z.number().positive() })
      .default({ Urgent: 24, Standard: 120 }),
    cumulativeCapDays: positiveDays.default(365),
    chronic: z
      .strictObject({ recertifications: z.number().int().positive(), cumulativeDays: positiveDays })
      .default({ recertifications: 2, cumulativeDays: 180 }),
    reminders: z
      .strictObject({
        fractionOfPeriod: z.number().gt(0).lt(1),
        daysBeforeExpiry: z.number().int().nonnegative(),
      })
      .default({ fractionOfPeriod: 0.75, daysBeforeExpiry: 14 }),
    escalation: z
      .strictObject({
        projectKey: z
          .string()
          .regex(/^[A-Z][A-Z0-9_]*$/, 'must be a Jira project key such as ENG')
          .nullable(),
        issueType: z.string().min(1),
      })
      .default({ projectKey: null, issueType: 'Task' }),
    kpi: z
      .strictObject({
        /** Number of assets in scope; null means unknown, and the assets-excepted share is then "no data". */
        assetInventorySize: z.number().int().positive().nullable(),
        assetsExceptedTarget: z.number().min(0).max(1),
        decisionTargetHours: z.number().positive(),
      })
      .default({ assetInventorySize: null, assetsExceptedTarget: 0.05, decisionTargetHours: 48 }),
    packs: z
      .strictObject({
        'MFA bypass': PolicyPackSchema,
        'Firewall rule': PolicyPackSchema,
        'Vulnerability patch delay': PolicyPackSchema,
        'Endpoint control gap': PolicyPackSchema,
        'Third-party / vendor access': PolicyPackSchema,
        'Legacy system support': PolicyPackSchema,
        Other: PolicyPackSchema,
      })
      .default(defaultPacks),
  })
  .superRefine((policy, ctx) => {
    if (policy.chronic.cumulativeDays > policy.cumulativeCapDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['chronic', 'cumulativeDays'],
        message: `must not exceed cumulativeCapDays (${policy.cumulativeCapDays}): a case is chronic before it is capped`,
      });
    }
  });
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** The policy a new installation starts with (version 1). */
export const defaultPolicy = (): Policy => PolicySchema.parse({ version: 1 });

/** The pack of an exception type. */
export const packOf = (policy: Policy, type: ExceptionType): PolicyPack => policy.packs[type];
