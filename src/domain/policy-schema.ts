/**
 * The policy document of DESIGN.md §4: one versioned document per site, edited on the admin page.
 * Every field has the default of the process guide, so `PolicySchema.parse({ version: 1, ... })` and
 * `defaultPolicy()` agree. Stored documents are strict (unknown members are an error): a typo in a policy must
 * not silently fall back to a default.
 */
import { z } from 'zod';
import { CONTROL_MAPPING } from './control-mapping';
import { EXCEPTION_TYPES, RISK_RATINGS, type ExceptionType, type RiskRating } from './vocabulary';

/**
 * Bounds on every policy value (ISSUE6 B6): wide enough for any real policy, narrow enough that nothing downstream
 * (planner, KPIs, tiers, rules, the stored version key) meets a value it cannot work with. A value out of bounds is
 * refused on save with a message naming the range; a stored one is clamped on read (stored-policy.ts).
 */
export const POLICY_BOUNDS = {
  /** Five years: longer is not an exception but a decision to live without the control. */
  periodDays: { min: 1, max: 1825 },
  cumulativeDays: { min: 1, max: 3650 },
  recertifications: { min: 1, max: 100 },
  slaHours: { min: 1, max: 8760 },
  urgentAssetThreshold: { min: 0, max: 100_000 },
  justificationMinLength: { min: 0, max: 2000 },
  daysBeforeExpiry: { min: 0, max: 365 },
  assetInventorySize: { min: 1, max: 100_000_000 },
  /** The stored version key has six digits (policy-store.ts). */
  version: { min: 1, max: 999_999 },
  textLength: { max: 2000 },
  nameLength: { max: 255 },
  approverGroups: { max: 50 },
  controlReferences: { max: 50 },
} as const;

type Range = { readonly min: number; readonly max: number };

/** A whole number in `range`, refused with a message that names the range (the path names the field). */
const wholeNumber = (range: Range, unit: string) => {
  const message = `must be a whole number of ${unit} from ${range.min} to ${range.max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(range.min, { error: message })
    .max(range.max, {
      error: message,
    });
};

const number = (range: Range, unit: string) => {
  const message = `must be a number of ${unit} from ${range.min} to ${range.max}`;
  return z.number({ error: message }).min(range.min, { error: message }).max(range.max, { error: message });
};

const text = (max: number, required: boolean) => {
  const base = z.string().max(max, { error: `must be at most ${max} characters` });
  return required ? base.min(1, { error: 'must not be empty' }) : base;
};

const ControlReferenceSchema = z.strictObject({
  id: text(POLICY_BOUNDS.nameLength.max, true),
  title: text(POLICY_BOUNDS.nameLength.max, true),
});
const controlList = z.array(ControlReferenceSchema).max(POLICY_BOUNDS.controlReferences.max, {
  error: `must list at most ${POLICY_BOUNDS.controlReferences.max} controls`,
});

export const ControlMappingSchema = z.strictObject({
  cisV8: controlList,
  iso27001: controlList,
  soc2: controlList,
});

const periodDays = wholeNumber(POLICY_BOUNDS.periodDays, 'days');
const cumulativeDays = wholeNumber(POLICY_BOUNDS.cumulativeDays, 'days');
const slaHours = number(POLICY_BOUNDS.slaHours, 'hours');

export const TierPolicySchema = z.strictObject({
  /** Longest approval or recertification period, in days from the decision. */
  maxDurationDays: periodDays,
  /** Jira group names whose members may approve at this tier (any one suffices). */
  approverGroups: z
    .array(text(POLICY_BOUNDS.nameLength.max, true))
    .min(1, 'must name at least one Jira group')
    .max(POLICY_BOUNDS.approverGroups.max, {
      error: `must name at most ${POLICY_BOUNDS.approverGroups.max} Jira groups`,
    }),
});
export type TierPolicy = z.infer<typeof TierPolicySchema>;

export const PolicyPackSchema = z.strictObject({
  /** Provisional rating used at triage until an approver sets Risk Rating. */
  defaultRating: z.enum(RISK_RATINGS),
  autoApprovalAllowed: z.boolean(),
  /** Per-type cap on a period; the effective cap is the smaller of this and the tier's. */
  maxDurationDays: periodDays.nullable(),
  evidenceRequired: z.boolean(),
  /**
   * Whether Findings must list at least one vulnerability to triage or approve (DESIGN.md §2, §11). Absent in a
   * policy saved before the setting existed: then the default of the type applies (findingsRequiredFor).
   */
  findingsRequired: z.boolean({ error: 'must be true or false' }).optional(),
  controls: ControlMappingSchema,
  /** What must be restored when the exception is reverted; quoted in the revert comment. */
  restoreText: text(POLICY_BOUNDS.textLength.max, true),
});
export type PolicyPack = z.infer<typeof PolicyPackSchema>;

/** A patch delay suppresses scanner findings, so it must say which (DESIGN.md §2). */
const FINDINGS_REQUIRED_BY_DEFAULT: ExceptionType = 'Vulnerability patch delay';

const DEFAULT_PACK_SETTINGS: Record<ExceptionType, Omit<PolicyPack, 'controls' | 'findingsRequired'>> = {
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
  findingsRequired: type === FINDINGS_REQUIRED_BY_DEFAULT,
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
    version: wholeNumber(POLICY_BOUNDS.version, 'versions'),
    updatedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    updatedBy: text(POLICY_BOUNDS.nameLength.max, false).nullable().default(null),
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
    urgentAssetThreshold: wholeNumber(POLICY_BOUNDS.urgentAssetThreshold, 'assets').default(3),
    compensatingControlsFromTier: z.enum(RISK_RATINGS).default('Medium'),
    /** Attachments are required from this tier up, and for every type whose pack says so. */
    evidenceFromTier: z.enum(RISK_RATINGS).default('High'),
    /** Counted in letters and digits (visible-text.ts). */
    justificationMinLength: wholeNumber(POLICY_BOUNDS.justificationMinLength, 'letters or digits').default(
      40,
    ),
    justificationTemplate: text(POLICY_BOUNDS.textLength.max, false).default(DEFAULT_JUSTIFICATION_TEMPLATE),
    riskOwnerMayBeRequester: z.boolean().default(false),
    decisionSlaHours: z
      .strictObject({ Urgent: slaHours, Standard: slaHours })
      .default({ Urgent: 24, Standard: 120 }),
    cumulativeCapDays: cumulativeDays.default(365),
    chronic: z
      .strictObject({
        recertifications: wholeNumber(POLICY_BOUNDS.recertifications, 'recertifications'),
        cumulativeDays,
      })
      .default({ recertifications: 2, cumulativeDays: 180 }),
    reminders: z
      .strictObject({
        fractionOfPeriod: z
          .number({ error: 'must be a fraction between 0 and 1 (for example 0.75)' })
          .gt(0, { error: 'must be a fraction between 0 and 1 (for example 0.75)' })
          .lt(1, { error: 'must be a fraction between 0 and 1 (for example 0.75)' }),
        daysBeforeExpiry: wholeNumber(POLICY_BOUNDS.daysBeforeExpiry, 'days'),
      })
      .default({ fractionOfPeriod: 0.75, daysBeforeExpiry: 14 }),
    escalation: z
      .strictObject({
        projectKey: z
          .string()
          .max(POLICY_BOUNDS.nameLength.max, { error: 'must be a Jira project key such as ENG' })
          .regex(/^[A-Z][A-Z0-9_]*$/, 'must be a Jira project key such as ENG')
          .nullable(),
        issueType: text(POLICY_BOUNDS.nameLength.max, true),
      })
      .default({ projectKey: null, issueType: 'Task' }),
    kpi: z
      .strictObject({
        /** Number of assets in scope; null means unknown, and the assets-excepted share is then "no data". */
        assetInventorySize: wholeNumber(POLICY_BOUNDS.assetInventorySize, 'assets').nullable(),
        assetsExceptedTarget: z
          .number({ error: 'must be a fraction from 0 to 1 (for example 0.05)' })
          .min(0, { error: 'must be a fraction from 0 to 1 (for example 0.05)' })
          .max(1, { error: 'must be a fraction from 0 to 1 (for example 0.05)' }),
        decisionTargetHours: slaHours,
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
    // Only between two values in bounds: a cap out of bounds has its own message.
    const capInBounds = policy.cumulativeCapDays >= POLICY_BOUNDS.cumulativeDays.min;
    if (capInBounds && policy.chronic.cumulativeDays > policy.cumulativeCapDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['chronic', 'cumulativeDays'],
        message: `must not exceed cumulativeCapDays (${policy.cumulativeCapDays}): a case is chronic before it is capped`,
        // What a stored policy is clamped to on read (stored-policy.ts).
        params: { clampTo: policy.cumulativeCapDays },
      });
    }
  });
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** The policy a new installation starts with (version 1). */
export const defaultPolicy = (): Policy => PolicySchema.parse({ version: 1 });

/** The pack of an exception type. */
export const packOf = (policy: Policy, type: ExceptionType): PolicyPack => policy.packs[type];

/** Whether the type's Findings must list at least one vulnerability: the pack's setting, else the type's default. */
/** Whether a type's pack requires Findings when the policy does not say (a policy saved before the setting). */
export const findingsRequiredByDefault = (type: ExceptionType): boolean =>
  type === FINDINGS_REQUIRED_BY_DEFAULT;

export const findingsRequiredFor = (policy: Policy, type: ExceptionType): boolean =>
  policy.packs[type].findingsRequired ?? findingsRequiredByDefault(type);
