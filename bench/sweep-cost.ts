/**
 * The lifecycle sweep's cost (ISSUE 7 closing note; ISSUE 9 "Sweep"), measured by test/support/sweep-cost-scenario.ts
 * at 1,000 and 10,000 in-force exceptions with 2 % due (`--quick`: 250): without faults; with 10 % 429 (Retry-After
 * 1 s, counted as waited time in `retryWaitMs` but slept as 1 ms so the run stays short); and with a fixed
 * per-request latency (`--latency MS`, 100 by default, 0 to skip) at the smallest size, where wall time and the
 * peak of requests in flight mean something.
 *
 * `npx tsx bench/sweep-cost.ts [--quick] [--latency MS]` → bench/results/sweep-cost.json and a table.
 */
import path from 'node:path';
import { measureSweep, type SweepCostRun } from '../test/support/sweep-cost-scenario';
import { machine, writeResults } from './bench-results';

interface Args {
  readonly quick: boolean;
  readonly latencyMs: number;
}

const parseArgs = (argv: readonly string[]): Args => {
  const at = argv.indexOf('--latency');
  const latency = at >= 0 ? Number(argv[at + 1]) : 100;
  if (!Number.isFinite(latency) || latency < 0) throw new Error('--latency takes a number of milliseconds');
  return { quick: argv.includes('--quick'), latencyMs: latency };
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const sizes = args.quick ? [250] : [1_000, 10_000];
  const runs: SweepCostRun[] = [];
  for (const size of sizes) {
    runs.push(await measureSweep(size, { name: 'no faults', rate429: 0, latencyMs: 0 }));
    runs.push(await measureSweep(size, { name: '10% 429', rate429: 0.1, latencyMs: 0 }));
  }
  if (args.latencyMs > 0)
    runs.push(
      await measureSweep(sizes[0] ?? 250, {
        name: `${args.latencyMs} ms latency`,
        rate429: 0,
        latencyMs: args.latencyMs,
      }),
    );
  const file = writeResults('sweep-cost.json', {
    measuredAt: new Date().toISOString(),
    command: `npx tsx bench/sweep-cost.ts ${process.argv.slice(2).join(' ')}`.trim(),
    ...machine(),
    runs,
  });
  console.table(
    runs.map((run) => ({
      exceptions: run.exceptions,
      run: run.run,
      due: run.due,
      actions: run.actionsDone,
      calls: run.restCalls,
      '429': run.rateLimited,
      reads: run.reads,
      writes: run.writes,
      bound: run.lowerBound.total,
      ratio: run.ratio,
      'calls/due': run.callsPerDueIssue,
      'writes/action': run.writesPerAction,
      'wall ms': run.wallMs,
      peak: run.peakInFlight,
      dup: run.duplicates.comments + run.duplicates.transitions,
      failed: run.failed,
    })),
  );
  for (const run of runs.filter((candidate) => candidate.run === 'no faults'))
    console.log(`${run.exceptions} exceptions, calls by endpoint:`, run.callsByEndpoint);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  const clean = runs.every(
    (run) => run.failed === 0 && run.duplicates.comments + run.duplicates.transitions === 0,
  );
  process.exitCode = clean ? 0 : 1;
};

void main();
