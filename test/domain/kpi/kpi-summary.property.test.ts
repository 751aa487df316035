/**
 * The three KPI stages are exact: a stored per-project summary, merged and updated one issue at a time, reports
 * byte for byte what computeKpis reports over the whole register.
 */
import fc from 'fast-check';
import {
  addFacts,
  computeKpis,
  emptyKpiSummary,
  kpiFactsOf,
  kpiReportFromSummary,
  KpiSummaryMismatchError,
  KpiSummarySchema,
  mergeKpiSummaries,
  removeFacts,
  summarizeFacts,
} from '../../../src/domain/kpi';
import { approvalTime } from '../../../src/domain/kpi/approval-time';
import { assetsExcepted } from '../../../src/domain/kpi/assets-excepted';
import { controlsCoverage } from '../../../src/domain/kpi/controls-coverage';
import { resolveKpiPeriod } from '../../../src/domain/kpi/kpi-period';
import { openEndedCount } from '../../../src/domain/kpi/open-ended';
import { overdueShare } from '../../../src/domain/kpi/overdue-share';
import { patternTracking } from '../../../src/domain/kpi/pattern-tracking';
import { volumeByMonth } from '../../../src/domain/kpi/volume';
import { withinSla } from '../../../src/domain/kpi/within-sla';
import { governingRecord } from '../../../src/domain/decision-governing-record';
import type { ExceptionRecord } from '../../../src/domain/register-schema';
import { EXCEPTION_TYPES, STATUSES } from '../../../src/domain/vocabulary';
import {
  anException,
  approvedAt,
  autoApprovedAt,
  hoursAfter,
  NOW,
  policyWith,
  recertifiedAt,
  rejectedAt,
} from './kpi-fixtures';

const START = Date.parse('2025-06-01T00:00:00Z');
const END = Date.parse('2027-01-01T00:00:00Z');
// "__proto__" and "constructor" are valid Jira labels: they must stay data, never reach a prototype.
const ASSETS = ['db-01', 'web-01', 'web-02', '__proto__', 'constructor', 'vpn-01'];

const exceptionArbitrary: fc.Arbitrary<ExceptionRecord> = fc
  .record({
    createdAtMs: fc.integer({ min: START, max: END }),
    type: fc.constantFrom(...EXCEPTION_TYPES),
    status: fc.constantFrom(...STATUSES),
    urgency: fc.constantFrom('Urgent', 'Standard', null),
    compensatingControls: fc.constantFrom('', '   ', 'IP allow-listing'),
    expirationDay: fc.option(fc.integer({ min: 0, max: 900 })),
    affectedAssets: fc.array(fc.constantFrom(...ASSETS), { maxLength: 4 }),
    decisions: fc.array(
      fc.record({
        hoursAfterCreation: fc.double({ min: 0, max: 400, noNaN: true }),
        entry: fc.constantFrom(approvedAt, autoApprovedAt, rejectedAt, recertifiedAt),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ createdAtMs, expirationDay, decisions, ...fields }) => {
    const createdAt = new Date(createdAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return anException({
      ...fields,
      createdAt,
      expirationDate:
        expirationDay === null
          ? null
          : new Date(Date.parse('2025-06-01') + expirationDay * 86_400_000).toISOString().slice(0, 10),
      history: decisions.map(({ hoursAfterCreation, entry }) =>
        entry(hoursAfter(createdAt, hoursAfterCreation)),
      ),
    });
  });

const registerArbitrary = fc.array(exceptionArbitrary, { maxLength: 30 });
const policy = policyWith({ assetInventorySize: 5 });
const json = (value: unknown): string => JSON.stringify(value);

/** Splits the register into `parts` groups by the chosen indexes, each group shuffled by the permutation given. */
const splitArbitrary = registerArbitrary.chain((register) =>
  fc.record({
    register: fc.constant(register),
    groupOf: fc.array(fc.integer({ min: 0, max: 3 }), {
      minLength: register.length,
      maxLength: register.length,
    }),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  }),
);

describe('the KPI summary', () => {
  it('merged from any split of the register, in any order, reports byte for byte what the whole does', () => {
    fc.assert(
      fc.property(splitArbitrary, ({ register, groupOf, order }) => {
        const groups = order.map((group) => register.filter((_, i) => groupOf[i] === group).map(kpiFactsOf));
        const merged = mergeKpiSummaries(groups.map(summarizeFacts));
        const whole = computeKpis(register, policy, NOW);
        expect(json(kpiReportFromSummary(merged, policy, NOW))).toBe(json(whole));
        expect(json(merged)).toBe(json(summarizeFacts(register.map(kpiFactsOf))));
      }),
      { numRuns: 200 },
    );
  });

  it('removeFacts undoes addFacts exactly (JSON-equal), and refuses facts it does not hold', () => {
    fc.assert(
      fc.property(registerArbitrary, exceptionArbitrary, (register, extra) => {
        const summary = summarizeFacts(register.map(kpiFactsOf));
        const facts = kpiFactsOf(extra);
        expect(json(removeFacts(addFacts(summary, facts), facts))).toBe(json(summary));
        expect(() => removeFacts(emptyKpiSummary(), facts)).toThrow(KpiSummaryMismatchError);
      }),
      { numRuns: 200 },
    );
  });

  it('survives JSON.stringify/parse and KpiSummarySchema.parse unchanged', () => {
    fc.assert(
      fc.property(registerArbitrary, (register) => {
        const summary = summarizeFacts(register.map(kpiFactsOf));
        const parsed = KpiSummarySchema.parse(JSON.parse(json(summary)));
        expect(json(parsed)).toBe(json(summary));
        expect(json(kpiReportFromSummary(parsed, policy, NOW))).toBe(
          json(kpiReportFromSummary(summary, policy, NOW)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reports what the per-KPI functions compute from the records (the split changed nothing)', () => {
    fc.assert(
      fc.property(registerArbitrary, (register) => {
        const exceptions = register.map(governingRecord);
        const period = resolveKpiPeriod(NOW);
        const report = computeKpis(register, policy, NOW);
        const { approvalHours, autoApproved } = approvalTime(exceptions, period);
        const patterns = patternTracking(exceptions, period);
        expect(report.volumeByMonth).toStrictEqual(volumeByMonth(exceptions, period));
        expect(report.approvalHours.count).toBe(approvalHours.count);
        expect(report.approvalHours.median).toBe(approvalHours.median);
        expect(report.approvalHours.p90).toBe(approvalHours.p90);
        // Summed in another order the mean may differ in its last bit only.
        if (approvalHours.mean === null) expect(report.approvalHours.mean).toBeNull();
        else expect(report.approvalHours.mean).toBeCloseTo(approvalHours.mean, 9);
        expect(report.autoApproved).toBe(autoApproved);
        expect(report.overdueShare).toStrictEqual(overdueShare(exceptions, NOW));
        expect(report.controlsCoverage).toStrictEqual(controlsCoverage(exceptions));
        expect(report.assetsExcepted).toStrictEqual(assetsExcepted(exceptions, policy));
        expect(report.withinSla).toStrictEqual(withinSla(exceptions, policy, period));
        expect(report.openEnded).toBe(openEndedCount(exceptions));
        expect(json([report.topTypes, report.topAssets, report.trend])).toBe(
          json([patterns.topTypes, patterns.topAssets, patterns.trend]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps an asset named "__proto__" as data', () => {
    const record = anException({ status: 'Approved', affectedAssets: ['__proto__'] });
    const summary = KpiSummarySchema.parse(JSON.parse(json(summarizeFacts([kpiFactsOf(record)]))));
    expect(summary.inForceAssets).toStrictEqual([['__proto__', 1]]);
    expect(kpiReportFromSummary(summary, policy, NOW).trend.assets).toHaveProperty(
      ['__proto__', '2026-10'],
      1,
    );
    expect(kpiReportFromSummary(summary, policy, NOW).assetsExcepted).toStrictEqual({
      value: 1 / 5,
      numerator: 1,
      denominator: 5,
    });
  });
});
