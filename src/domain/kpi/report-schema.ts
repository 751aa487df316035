/**
 * The KPI report (DESIGN.md §6) as JSON: what `computeKpis` returns, what the `kpi` command prints and what the
 * gadget resolver answers. Strict, like every document of our own: a renamed member must fail, not vanish.
 */
import { z } from 'zod';
import { IsoInstantSchema } from '../register-schema';
import { MONTH_PATTERN } from './kpi-period';
import { TOP_LIST_LENGTH } from './pattern-tracking';

const MonthSchema = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM');
const CountSchema = z.number().int().nonnegative();
/** `{ "2026-10": 7, ... }`: every month of the period, in order, zeros included. */
const MonthlyCountsSchema = z.record(MonthSchema, CountSchema);

export const ShareSchema = z
  .strictObject({
    /** A fraction 0–1, or null for "no data" (denominator 0). */
    value: z.number().min(0).max(1).nullable(),
    numerator: CountSchema,
    denominator: CountSchema,
  })
  .superRefine((share, ctx) => {
    if (share.denominator === 0) {
      if (share.value !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'must be null when the denominator is 0 (no data)',
        });
      }
      return;
    }
    if (share.numerator > share.denominator) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'must not exceed the denominator' });
    }
    if (share.value !== share.numerator / share.denominator) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must equal numerator ÷ denominator' });
    }
  });

const HoursSchema = z.number().nullable();

export const ApprovalHoursSchema = z
  .strictObject({ mean: HoursSchema, median: HoursSchema, p90: HoursSchema, count: CountSchema })
  .superRefine((hours, ctx) => {
    const noData = hours.count === 0;
    for (const statistic of ['mean', 'median', 'p90'] as const) {
      if ((hours[statistic] === null) !== noData) {
        ctx.addIssue({
          code: 'custom',
          path: [statistic],
          message: noData ? 'must be null when count is 0' : 'must be a number when count is above 0',
        });
      }
    }
  });

const NamedCountSchema = z.strictObject({ name: z.string().min(1), count: z.number().int().positive() });
const TopListSchema = z.array(NamedCountSchema).max(TOP_LIST_LENGTH);

const TargetSchema = z.strictObject({ target: z.number().nonnegative(), met: z.boolean().nullable() });
const ZeroTargetSchema = z.strictObject({ target: z.literal(0), met: z.boolean().nullable() });

export const KpiReportSchema = z
  .strictObject({
    generatedAt: IsoInstantSchema,
    period: z.strictObject({ from: MonthSchema, to: MonthSchema, months: z.number().int().positive() }),
    volumeByMonth: MonthlyCountsSchema,
    approvalHours: ApprovalHoursSchema,
    autoApproved: CountSchema,
    overdueShare: ShareSchema,
    controlsCoverage: ShareSchema,
    assetsExcepted: ShareSchema,
    withinSla: ShareSchema,
    openEnded: CountSchema,
    topTypes: TopListSchema,
    topAssets: TopListSchema,
    trend: z.strictObject({
      types: z.record(z.string().min(1), MonthlyCountsSchema),
      assets: z.record(z.string().min(1), MonthlyCountsSchema),
    }),
    targets: z.strictObject({
      assetsExcepted: TargetSchema,
      decisionHours: TargetSchema,
      overdue: ZeroTargetSchema,
      openEnded: ZeroTargetSchema,
    }),
  })
  .superRefine((report, ctx) => {
    if (report.period.from > report.period.to) {
      ctx.addIssue({ code: 'custom', path: ['period', 'from'], message: 'must not be after period.to' });
    }
    if (Object.keys(report.volumeByMonth).length !== report.period.months) {
      ctx.addIssue({
        code: 'custom',
        path: ['volumeByMonth'],
        message: 'must list every month of the period',
      });
    }
  });
export type KpiReport = z.infer<typeof KpiReportSchema>;
export type KpiShare = z.infer<typeof ShareSchema>;
