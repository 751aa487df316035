/** The KPI calculator of DESIGN.md §6. */
export { computeKpis } from './compute-kpis';
export { KpiOptionsError, type KpiOptionsErrorCode } from './kpi-options-error';
export {
  DEFAULT_PERIOD_MONTHS,
  MAX_PERIOD_MONTHS,
  resolveKpiPeriod,
  type KpiOptions,
  type KpiPeriod,
} from './kpi-period';
export {
  ApprovalHoursSchema,
  KpiReportSchema,
  ShareSchema,
  type KpiReport,
  type KpiShare,
} from './report-schema';
export { mean, median, p90, share, type Share } from './stats';
export { TOP_LIST_LENGTH } from './pattern-tracking';
export { KpiFactsSchema, kpiFactsOf, type KpiFacts } from './kpi-facts';
export {
  addFacts,
  emptyKpiSummary,
  KpiSummaryMismatchError,
  KpiSummarySchema,
  mergeKpiSummaries,
  removeFacts,
  summarizeFacts,
  type KpiSummary,
} from './kpi-summary';
export { kpiReportFromSummary } from './report-from-summary';
