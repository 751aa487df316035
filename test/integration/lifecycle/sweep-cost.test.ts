/**
 * The sweep's REST calls, pinned (ISSUE 7 closing note, ISSUE 9 "Sweep"): on a seeded site of 100 in-force
 * exceptions, 2 of them at the 75 % point of a 90-day period (a reminder, then recertification opened: two actions
 * each), one sweep through the real use case and Jira client makes exactly the calls below, per endpoint template,
 * as the simulator counted them. A change that reads or writes more per due issue fails here first.
 */
import { measureSweep, type SweepCostRun } from '../../support/sweep-cost-scenario';
import {
  DEFAULT_SWEEP_CONCURRENCY,
  DEFAULT_SWEEP_OPTIONS,
} from '../../../src/application/lifecycle/run-sweep';

jest.setTimeout(120_000);

const LIFECYCLE_PUT = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';

/** Per due issue on the happy path (2 actions): the reads and writes that carry them out exactly once. */
const PER_DUE_ISSUE = {
  // Write-once comments look for their idempotency marker first (a pass killed after the comment left no record):
  // the issue's comments; the marker of the reminder, which the second look meets, is known from its writing.
  'GET /rest/api/3/issue/{issueIdOrKey}/comment': 2,
  'POST /rest/api/3/issue/{issueIdOrKey}/comment': 2,
  // The lifecycle, under its lock, read and written: the reminder's entry before the transition, then nextActionAt.
  'GET /rest/api/3/issue/{issueIdOrKey}': 2,
  [LIFECYCLE_PUT]: 2,
  'GET /rest/api/3/issue/{issueIdOrKey}/transitions': 1,
  'POST /rest/api/3/issue/{issueIdOrKey}/transitions': 1,
};

const times = (counts: Record<string, number>, n: number): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, count * n]));

const sorted = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

const clean = (run: SweepCostRun): void => {
  expect({ due: run.due, actions: run.actionsDone, failed: run.failed, duplicates: run.duplicates }).toEqual({
    due: 2,
    actions: 4,
    failed: 0,
    duplicates: { comments: 0, transitions: 0 },
  });
};

describe('the sweep’s REST calls per due issue', () => {
  it('on the happy path: one due page, one changelog read for the batch, and exactly these per issue', async () => {
    const run = await measureSweep(100, { name: 'no faults', rate429: 0, latencyMs: 0 });
    clean(run);
    expect(run.callsByEndpoint).toEqual(
      sorted({
        // The due page (fields and lifecycle included: no issue is read again), then the re-query that finds none.
        'POST /rest/api/3/search/jql': 2,
        'POST /rest/api/3/changelog/bulkfetch': 1,
        // Who the app is, once per client: the author of the comments it looks for.
        'GET /rest/api/3/myself': 1,
        ...times(PER_DUE_ISSUE, 2),
      }),
    );
    // Reads: 2 pages of the due query + 1 changelog + 1 myself + 5 per issue; writes: 2.5 per action.
    expect({ reads: run.reads, writes: run.writes, writesPerAction: run.writesPerAction }).toEqual({
      reads: 14,
      writes: 10,
      writesPerAction: 2.5,
    });
  });

  it('fanned out to the queue: each batch is read in one bulk request, not issue by issue', async () => {
    const run = await measureSweep(100, {
      name: 'fan-out',
      rate429: 0,
      latencyMs: 0,
      options: { ...DEFAULT_SWEEP_OPTIONS, batchSize: 1 },
    });
    clean(run);
    expect(run.queueEvents).toBe(2);
    expect(run.callsByEndpoint).toEqual(
      sorted({
        // Sized by the due page; each worker then reads its batch's issues and changelogs in bulk.
        'POST /rest/api/3/search/jql': 1,
        'POST /rest/api/3/issue/bulkfetch': 2,
        'POST /rest/api/3/changelog/bulkfetch': 2,
        'GET /rest/api/3/myself': 1,
        ...times(PER_DUE_ISSUE, 2),
      }),
    );
  });

  it('under 10 % 429: the same actions, none twice, the extra calls only the refused ones', async () => {
    const run = await measureSweep(100, { name: '10% 429', rate429: 0.1, latencyMs: 0 });
    clean(run);
    expect(run.rateLimited).toBeGreaterThan(0);
    expect(run.restCalls - run.rateLimited).toBe(2 + 1 + 1 + 2 * 10);
  });

  it('keeps no more requests in flight than its concurrency', async () => {
    const run = await measureSweep(250, { name: 'latency', rate429: 0, latencyMs: 20 });
    expect(run.due).toBe(5);
    expect(run.failed).toBe(0);
    // Five due issues, four at a time, each issue's calls in order: the sweep overlaps issues, within its bound.
    expect(run.peakInFlight).toBeGreaterThan(1);
    expect(run.peakInFlight).toBeLessThanOrEqual(DEFAULT_SWEEP_CONCURRENCY);
  });
});
