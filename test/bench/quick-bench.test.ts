/**
 * `npm test` runs the quick benchmark (`npm run bench -- --quick`, bench/run-all.ts) and fails when a call-count
 * ratio or a size regresses past its bound (ISSUE 9): KPI cold REST calls ≤ 1.1 × the lower bound, the naive way
 * ≥ 50 × our calls at 1,000 exceptions, the sweep's answered calls ≤ 1.1 × its lower bound (reads ≤ 1.1 × the due
 * pages, one write per action, when no 429 is injected) and zero duplicate actions, each static
 * app's initial JavaScript ≤ 200 KB gzip (built by `npm run build:static`, which `npm test` runs first). Times are
 * reported by the bench, never asserted here: the latency is cut to 10 ms, which changes no count.
 */
import path from 'node:path';
import { measure } from '../../bench/kpi-cost';
import { checksOf, measureSweeps } from '../../bench/run-all';
import { measureUi } from '../../bench/ui-size';
import { measureValidators } from '../../bench/validators';

jest.setTimeout(180_000);

describe('the quick benchmark (ISSUE 9)', () => {
  it('keeps every call-count ratio and size within its bound', async () => {
    const args = { quick: true, latencyMs: 10, kvsLatencyMs: 0 };
    const kpi = [await measure(1_000, args)];
    const sweep = await measureSweeps(args);
    const validators = await measureValidators(100, args.latencyMs);
    const ui = measureUi(path.resolve(__dirname, '../..'));
    const checks = checksOf({
      measuredAt: '',
      command: 'jest test/bench',
      quick: true,
      latencyMs: args.latencyMs,
      kvsLatencyMs: 0,
      node: process.version,
      cores: 0,
      memoryBytes: 0,
      kpi,
      sweep,
      validators,
      ui,
    });
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    // The exact figures a regression would move first.
    expect(kpi[0]?.cold).toMatchObject({ restCalls: 12, lowerBound: 12, ratio: 1 });
    expect(kpi[0]?.naive?.restCalls).toBe(1_012);
    expect(kpi[0]?.warm.restCalls).toBe(4);
    expect(validators.failed).toBe(0);
    expect(checks.map((check) => check.name)).toEqual(
      expect.arrayContaining([
        'KPI cold REST calls / lower bound at 1000',
        'naive REST calls / ours (cold) at 1000',
        'gadget initial JS gzip (bytes)',
        'admin initial JS gzip (bytes)',
        'issue-panel initial JS gzip (bytes)',
      ]),
    );
  });
});
