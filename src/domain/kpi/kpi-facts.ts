/**
 * Stage 1 of the KPI calculation (DESIGN.md §6): everything any KPI needs from ONE exception, read from the record
 * its last decision governs (decision-governing-record.ts). Facts are small and independent of the policy and of
 * `now`, so a per-project aggregate of them (kpi-summary.ts) can be stored and updated one issue at a time.
 */
import { z } from 'zod';
import { governingRecord } from '../decision-governing-record';
import { IsoDateSchema, type ExceptionRecord } from '../register-schema';
import { hoursBetween, monthOf } from '../utc-days';
import { hasContent } from '../visible-text';
import { EXCEPTION_TYPES, isClosed, isInForce, URGENCIES } from '../vocabulary';
import { firstApprovalOf, firstDecisionOf } from './decisions';
import { MONTH_PATTERN } from './kpi-period';

const MonthSchema = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM');
/** Hours between two valid instants: always finite (JSON has no NaN or Infinity). */
const HoursSchema = z.number().refine(Number.isFinite, 'must be a finite number');

/** `pending`: open and undecided; `in-force`: Approved or Recertification (open too); `closed`. */
export const KPI_STATES = ['pending', 'in-force', 'closed'] as const;
export type KpiState = (typeof KPI_STATES)[number];

export const KpiFactsSchema = z.strictObject({
  /** Month the exception was created (UTC): volume and patterns. */
  created: MonthSchema,
  type: z.enum(EXCEPTION_TYPES),
  /** Distinct Affected Assets (an asset listed twice counts once), in first-listed order. */
  assets: z.array(z.string().min(1)),
  state: z.enum(KPI_STATES),
  /** The (governing) expiration date; null for open-ended. */
  expires: IsoDateSchema.nullable(),
  /** Compensating controls describe something (visible-text.ts: padding and "n/a" do not). */
  controls: z.boolean(),
  /** The first approval: its month, the hours from creation, whether the app gave it. */
  approval: z.strictObject({ month: MonthSchema, hours: HoursSchema, auto: z.boolean() }).nullable(),
  /** The first decision (approved, auto-approved or rejected), with the urgency its SLA is looked up by. */
  decision: z.strictObject({ month: MonthSchema, hours: HoursSchema, urgency: z.enum(URGENCIES) }).nullable(),
});
export type KpiFacts = z.infer<typeof KpiFactsSchema>;

const stateOf = (record: ExceptionRecord): KpiState =>
  isInForce(record.status) ? 'in-force' : isClosed(record.status) ? 'closed' : 'pending';

export const kpiFactsOf = (record: ExceptionRecord): KpiFacts => {
  // Counted as decided: edits since the last decision do not count until someone decides again (DESIGN.md §3).
  const exception = governingRecord(record);
  const approval = firstApprovalOf(exception);
  const decision = firstDecisionOf(exception);
  return {
    created: monthOf(exception.createdAt),
    type: exception.type,
    assets: [...new Set(exception.affectedAssets)],
    state: stateOf(exception),
    expires: exception.expirationDate,
    controls: hasContent(exception.compensatingControls),
    approval:
      approval === null
        ? null
        : {
            month: monthOf(approval.at),
            hours: hoursBetween(exception.createdAt, approval.at),
            auto: approval.action === 'auto-approved',
          },
    decision:
      decision === null
        ? null
        : {
            month: monthOf(decision.at),
            hours: hoursBetween(exception.createdAt, decision.at),
            urgency: exception.urgency ?? 'Standard',
          },
  };
};
