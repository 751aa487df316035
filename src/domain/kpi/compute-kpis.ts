/** All the KPIs of DESIGN.md §6 from the register, the policy and `now`, in one pure call. */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';
import { kpiFactsOf } from './kpi-facts';
import type { KpiOptions } from './kpi-period';
import { summarizeFacts } from './kpi-summary';
import { kpiReportFromSummary } from './report-from-summary';
import type { KpiReport } from './report-schema';

/**
 * The KPI report for the period of `options` (default: the 12 months ending with the month of `now`, UTC).
 * The same three stages as the KPI read model (facts → summary → report), so the `kpi` command and the gadget
 * answer byte for byte alike. Throws a KpiOptionsError when the options are unusable.
 */
export const computeKpis = (
  records: readonly ExceptionRecord[],
  policy: Policy,
  now: string,
  options: KpiOptions = {},
): KpiReport => kpiReportFromSummary(summarizeFacts(records.map(kpiFactsOf)), policy, now, options);
