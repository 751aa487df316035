import fc from 'fast-check';
import { computeKpis, KpiReportSchema, type KpiOptions, type KpiShare } from '../../../src/domain/kpi';
import { addMonths } from '../../../src/domain/utc-days';
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

const START = Date.parse('2024-06-01T00:00:00Z');
const END = Date.parse('2027-06-01T00:00:00Z');

const decisionArbitrary = fc.record({
  hoursAfterCreation: fc.double({ min: 0, max: 400, noNaN: true }),
  entry: fc.constantFrom(approvedAt, autoApprovedAt, rejectedAt, recertifiedAt),
});

const exceptionArbitrary = fc
  .record({
    createdAtMs: fc.integer({ min: START, max: END }),
    type: fc.constantFrom(...EXCEPTION_TYPES),
    status: fc.constantFrom(...STATUSES),
    urgency: fc.constantFrom('Urgent', 'Standard', null),
    compensatingControls: fc.constantFrom('', '   ', 'IP allow-listing'),
    expirationDay: fc.option(fc.integer({ min: 0, max: 900 })),
    affectedAssets: fc.array(fc.constantFrom('db-01', 'web-01', 'web-02', 'crm-01', 'vpn-01', 'lab-01'), {
      maxLength: 4,
    }),
    decisions: fc.array(decisionArbitrary, { maxLength: 3 }),
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

/** No options (the default period) or a period of 1–24 months starting between 2024-06 and 2027-05. */
const optionsArbitrary: fc.Arbitrary<KpiOptions | undefined> = fc.option(
  fc
    .record({ start: fc.integer({ min: 0, max: 35 }), length: fc.integer({ min: 1, max: 24 }) })
    .map(({ start, length }) => ({
      from: addMonths('2024-06', start),
      to: addMonths('2024-06', start + length - 1),
    })),
  { nil: undefined },
);

const inventoryArbitrary = fc.option(fc.integer({ min: 1, max: 10 }));

describe('computeKpis on random registers', () => {
  it('keeps every share a true fraction or no data, counts every creation once, and honours its own schema', () => {
    fc.assert(
      fc.property(
        fc.array(exceptionArbitrary, { maxLength: 25 }),
        inventoryArbitrary,
        optionsArbitrary,
        (register, inventory, options) => {
          const report = computeKpis(register, policyWith({ assetInventorySize: inventory }), NOW, options);
          const { from, to } = report.period;

          const shares: KpiShare[] = [
            report.overdueShare,
            report.controlsCoverage,
            report.assetsExcepted,
            report.withinSla,
          ];
          for (const { value, numerator, denominator } of shares) {
            if (denominator === 0) {
              expect(value).toBeNull();
            } else {
              expect(value).toBe(numerator / denominator);
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            }
          }

          const createdInPeriod = register.filter((exception) => {
            const month = new Date(Date.parse(exception.createdAt)).toISOString().slice(0, 7);
            return month >= from && month <= to;
          }).length;
          const volume = Object.values(report.volumeByMonth);
          expect(volume.reduce((sum, count) => sum + count, 0)).toBe(createdInPeriod);
          expect(volume).toHaveLength(report.period.months);
          // Seven types never fill a top list of ten, so the types account for every creation.
          expect(report.topTypes.reduce((sum, { count }) => sum + count, 0)).toBe(createdInPeriod);
          for (const { name, count } of report.topTypes) {
            expect(Object.values(report.trend.types[name] ?? {}).reduce((sum, n) => sum + n, 0)).toBe(count);
          }

          expect(KpiReportSchema.safeParse(report).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
