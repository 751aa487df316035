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

/**
 * Per due issue on the happy path (2 actions), each one request that also writes its record: the reminder in an
 * issue edit with the lifecycle, recertification in a transition with its comment and the lifecycle. Nothing is
 * read per issue: the due page brought the fields, the lifecycle, the changelog and the transitions offered.
 */
const PER_DUE_ISSUE = {
  'PUT /rest/api/3/issue/{issueIdOrKey}': 1,
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
  it('on the happy path: one due page, and one write per action', async () => {
    const run = await measureSweep(100, { name: 'no faults', rate429: 0, latencyMs: 0 });
    clean(run);
    expect(run.callsByEndpoint).toEqual(
      sorted({
        // The due page, with everything planned from; every page is read before anything is written, so no
        // query is repeated after acting.
        'POST /rest/api/3/search/jql': 1,
        ...times(PER_DUE_ISSUE, 2),
      }),
    );
    expect({ reads: run.reads, writes: run.writes, writesPerAction: run.writesPerAction }).toEqual({
      reads: 1,
      writes: 4,
      writesPerAction: 1,
    });
  });

  it('fanned out to the queue: the rest found by ids, each batch read in one bulk request', async () => {
    const run = await measureSweep(100, {
      name: 'fan-out',
      rate429: 0,
      latencyMs: 0,
      options: { ...DEFAULT_SWEEP_OPTIONS, batchSize: 1, inlineLimit: 1 },
    });
    clean(run);
    expect(run.queueEvents).toBe(1);
    expect(run.callsByEndpoint).toEqual(
      sorted({
        // The page the sweep does itself, then the ids of the rest; the worker reads its batch in bulk (with the
        // changelog and transitions expanded, so no changelog read follows).
        'POST /rest/api/3/search/jql': 2,
        'POST /rest/api/3/issue/bulkfetch': 1,
        ...times(PER_DUE_ISSUE, 2),
      }),
    );
  });

  it('under 10 % 429: the same actions, none twice, the extra calls only the refused ones', async () => {
    const run = await measureSweep(1000, { name: '10% 429', rate429: 0.1, latencyMs: 0 });
    expect({
      due: run.due,
      actions: run.actionsDone,
      failed: run.failed,
      duplicates: run.duplicates,
    }).toEqual({
      due: 20,
      actions: 40,
      failed: 0,
      duplicates: { comments: 0, transitions: 0 },
    });
    expect(run.rateLimited).toBeGreaterThan(0);
    expect(run.restCalls - run.rateLimited).toBe(1 + 2 * 20);
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
