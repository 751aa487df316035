/**
 * The KPI gadget's configuration and its `getKpis` resolver (DESIGN.md §6, ISSUE 7 item 3), shared by src/entry and
 * static/gadget. The configuration is what the gadget's edit mode saves with `view.submit`; the answer's `report` is
 * exactly what `security-exceptions kpi` prints for the same exceptions, plus how fresh it is and what was left out.
 */
import { z } from 'zod';
import { MAX_PERIOD_MONTHS, MONTH_PATTERN } from '../domain/kpi/kpi-period';
import { KpiReportSchema } from '../domain/kpi/report-schema';
import { POLICY_BOUNDS } from '../domain/policy-schema';
import { IsoInstantSchema } from '../domain/register-schema';
import { ProjectKeySchema } from './project-key';
import { answerSchema } from './refusal';

/** Long enough for any filter a person writes; Jira itself refuses far longer queries. */
export const MAX_GADGET_JQL_LENGTH = 2000;

const MonthSchema = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM');

export const GadgetScopeSchema = z.discriminatedUnion('kind', [
  /** Every project the app is set up in. */
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('projects'), projectKeys: z.array(ProjectKeySchema).min(1).max(100) }),
  /** The Exception issues a JQL filter finds, run as the viewer. */
  z.strictObject({
    kind: z.literal('jql'),
    jql: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_GADGET_JQL_LENGTH, `must be at most ${String(MAX_GADGET_JQL_LENGTH)} characters`),
  }),
]);
export type GadgetScope = z.infer<typeof GadgetScopeSchema>;

export const GadgetPeriodSchema = z.discriminatedUnion('kind', [
  /** The last `months` calendar months, the current one included (DESIGN.md §6 default: 12). */
  z.strictObject({ kind: z.literal('rolling'), months: z.number().int().min(1).max(MAX_PERIOD_MONTHS) }),
  z.strictObject({ kind: z.literal('fixed'), from: MonthSchema, to: MonthSchema }),
]);
export type GadgetPeriod = z.infer<typeof GadgetPeriodSchema>;

/** Targets the gadget shows instead of the policy's (DESIGN.md §4), within the policy's own bounds. */
export const GadgetTargetsSchema = z.strictObject({
  assetsExceptedTarget: z
    .number()
    .min(0, 'must be a fraction from 0 to 1')
    .max(1, 'must be a fraction from 0 to 1'),
  decisionTargetHours: z
    .number()
    .int('must be whole hours')
    .min(POLICY_BOUNDS.slaHours.min)
    .max(POLICY_BOUNDS.slaHours.max),
});

/** How often the gadget reloads its numbers on its own, in minutes (0 = only when the page loads). */
export const GADGET_REFRESH_MINUTES = [0, 5, 15, 30, 60] as const;

export const GadgetConfigSchema = z.strictObject({
  scope: GadgetScopeSchema,
  period: GadgetPeriodSchema,
  targets: GadgetTargetsSchema.partial().optional(),
  refreshMinutes: z.union(GADGET_REFRESH_MINUTES.map((minutes) => z.literal(minutes))),
});
export type GadgetConfig = z.infer<typeof GadgetConfigSchema>;

/** A gadget nobody has configured yet: every set-up project, the 12 months ending now, the policy's targets. */
export const DEFAULT_GADGET_CONFIG: GadgetConfig = {
  scope: { kind: 'all' },
  period: { kind: 'rolling', months: 12 },
  refreshMinutes: 15,
};

export const GetKpisRequestSchema = z.strictObject({ config: GadgetConfigSchema.optional() });
export type GetKpisRequest = z.infer<typeof GetKpisRequestSchema>;

/** Where one project's numbers came from: the read model (as of when), or Jira just now, as the viewer. */
export const KpiSourceSchema = z.enum(['read-model', 'live']);

export const GetKpisResponseSchema = answerSchema({
  report: KpiReportSchema,
  /** The oldest moment any number in the report is known to be true for; the report's `generatedAt` is now. */
  asOf: IsoInstantSchema,
  /** The projects counted (only ones the viewer may browse), each with its source and freshness. */
  projects: z.array(
    z.strictObject({ key: ProjectKeySchema, source: KpiSourceSchema, asOf: IsoInstantSchema }),
  ),
  /**
   * What the numbers leave out and why, in sentences for the viewer (never naming what they may not see): projects
   * still being counted for the first time, exceptions of the JQL not counted yet.
   */
  notes: z.array(z.string()),
});
export type GetKpisResponse = z.infer<typeof GetKpisResponseSchema>;
