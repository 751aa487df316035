/**
 * ISSUE 7 item 4 (the large export): the audit export as a background job, through the simulator with the REAL
 * admin resolver and job worker. Its parts join into exactly what the one-shot exportRegister answers for the
 * same data (byte for byte), however the budget cuts its steps and when every step is delivered twice; only the
 * admin who started a job may read it.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { adminJobWorker } from '../../../src/entry/admin-job-worker';
import { ExportRegisterResponseSchema } from '../../../src/contracts/admin-export';
import {
  GetExportPartResponseSchema,
  GetJobResponseSchema,
  StartExportResponseSchema,
} from '../../../src/contracts/admin-jobs';
import { JOB_TTL_SECONDS, jobKey, jobPartKey } from '../../../src/application/jobs/job-record';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { SITE_USERS } from '../../support/simulated-site';
import { invokeAdminResolver as invoke } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { killedAfter } from '../lifecycle/sweep-harness';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { budgetOf, jobDriver } from './export-job-harness';

jest.setTimeout(240_000);

const site = exceptionSitePerTest();
const { jiraAdmin, requester } = SITE_USERS;
const LATER = '2027-01-28T09:00:00Z';
const WINDOW = { from: '2026-11-01', to: '2027-01-31' };

/** Four exceptions: approved ones and one waiting in Risk Review. */
const seed = async (): Promise<void> => {
  await site().raise({ ...EDR_GAP, expirationDate: '2027-02-18' });
  await site().raise({ ...EDR_GAP, compensatingControls: '' });
  await site().raise({ ...EDR_GAP, expirationDate: '2027-01-30' });
  await site().raise({ ...EDR_GAP, expirationDate: '2027-02-10' });
  testClock.set(LATER);
};

const oneShot = async (format: 'json' | 'csv'): Promise<string> => {
  const answer = ExportRegisterResponseSchema.parse(
    await invoke('exportRegister', { ...WINDOW, format }, jiraAdmin),
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.content;
};

/** Delivers the recorded pushes to the admin-jobs queue to the real worker until none is left. */
const drainWorker = async (): Promise<number> => {
  let delivered = 0;
  for (;;) {
    const index = forgeRuntime.pushes.findIndex((push) => push.queueName === 'admin-jobs');
    if (index < 0) return delivered;
    const [push] = forgeRuntime.pushes.splice(index, 1);
    for (const event of push?.events ?? []) {
      delivered += 1;
      await adminJobWorker({ body: event.body });
    }
  }
};

describe('the export job through the real resolver and worker', () => {
  it.each(['json', 'csv'] as const)('joins into the one-shot %s export, byte for byte', async (format) => {
    await seed();
    const started = StartExportResponseSchema.parse(
      await invoke('startExport', { ...WINDOW, format }, jiraAdmin),
    );
    if (!started.ok) throw new Error(started.error.message);
    const queuedView = GetJobResponseSchema.parse(
      await invoke('getJob', { jobId: started.jobId }, jiraAdmin),
    );
    expect(queuedView).toMatchObject({
      ok: true,
      state: 'queued',
      progress: { done: 0, total: null },
      parts: 0,
    });
    expect(await drainWorker()).toBe(1);
    const done = GetJobResponseSchema.parse(await invoke('getJob', { jobId: started.jobId }, jiraAdmin));
    const expected = await oneShot(format);
    expect(done).toEqual({
      ok: true,
      jobId: started.jobId,
      kind: 'register-export',
      state: 'done',
      progress: { done: 4, total: 4, phase: 'done' },
      parts: 1,
      result: {
        format,
        filename: `security-exceptions-2026-11-01-to-2027-01-31.${format}`,
        exceptions: 4,
        bytes: Buffer.byteLength(expected),
        hidden: 0,
      },
      error: null,
    });
    const part = GetExportPartResponseSchema.parse(
      await invoke('getExportPart', { jobId: started.jobId, part: 0 }, jiraAdmin),
    );
    expect(part).toEqual({ ok: true, format, part: 0, parts: 1, text: expected });
    // Job and part expire by themselves.
    for (const key of [jobKey(started.jobId), jobPartKey(started.jobId, 0)])
      expect(Math.round(forgeRuntime.kvs.ttlSecondsOf(key) ?? 0)).toBe(JOB_TTL_SECONDS);
  });

  it('refuses a non-admin to start a job or read one, and answers another admin as if the job did not exist', async () => {
    await seed();
    const notAdmin = {
      ok: false,
      error: {
        code: 'not-admin',
        message: 'Only Jira administrators can export the security exception register. Nothing was exported.',
      },
    };
    expect(await invoke('startExport', { ...WINDOW, format: 'json' }, requester)).toEqual(notAdmin);
    const started = StartExportResponseSchema.parse(
      await invoke('startExport', { ...WINDOW, format: 'json' }, jiraAdmin),
    );
    if (!started.ok) throw new Error(started.error.message);
    await drainWorker();
    expect(await invoke('getExportPart', { jobId: started.jobId, part: 0 }, requester)).toEqual(notAdmin);
    expect(await invoke('getJob', { jobId: started.jobId }, requester)).toMatchObject({
      ok: false,
      error: { code: 'not-admin' },
    });
    site().sim.state.addUser({ accountId: 'other-admin', siteAdmin: true, browsesEveryProject: true });
    const noSuchJob = {
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'jobId names no job you started (jobs are kept for three days). Nothing was read; start the work again.',
      },
    };
    expect(await invoke('getJob', { jobId: started.jobId }, 'other-admin')).toEqual(noSuchJob);
    expect(await invoke('getExportPart', { jobId: started.jobId, part: 0 }, 'other-admin')).toEqual(
      noSuchJob,
    );
    expect(await invoke('getJob', { jobId: '6f1c0a4e-8d1a-4e22-9a57-0d5b3c1f2e3a' }, jiraAdmin)).toEqual(
      noSuchJob,
    );
    expect(await invoke('getExportPart', { jobId: started.jobId, part: 1 }, jiraAdmin)).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'part must be below 1, the number of parts of this export.',
      },
    });
  });
});

describe('the export job in small parts, cut and delivered twice', () => {
  it.each(['json', 'csv'] as const)(
    '%s: many parts of at most 300 bytes join into the one-shot export',
    async (format) => {
      await seed();
      const driver = jobDriver(site());
      const jobId = await driver.start({ ...WINDOW, format }, jiraAdmin, 300);
      await driver.drain();
      const expected = await oneShot(format);
      const job = await driver.job(jobId);
      expect(job?.parts).toBe(Math.ceil(Buffer.byteLength(expected) / 300));
      expect(await driver.output(jobId)).toBe(expected);
    },
  );

  it('gives the same output cut by the budget after every number of checks, each step delivered twice', async () => {
    await seed();
    const expected = await oneShot('json');
    for (const checks of [1, 2, 3, 5, 8]) {
      const driver = jobDriver(site());
      const jobId = await driver.start({ ...WINDOW, format: 'json' }, jiraAdmin, 500);
      const progress: number[] = [];
      await driver.drain({ budget: () => budgetOf(checks), twice: true });
      for (const report of driver.reports)
        if (report.outcome === 'stepped') progress.push(report.job.progress.done);
      // Every step moves on (at least one issue each), the count is exact, and the copies changed nothing.
      expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(4);
      // Each step's copy found it done: the step moved on ('stale') or the job finished.
      expect(
        driver.reports.filter((report) => report.outcome !== 'stepped').map((report) => report.outcome),
      ).toEqual([...progress.slice(1).map(() => 'stale'), 'finished']);
      expect(await driver.output(jobId)).toBe(expected);
    }
  });

  it('gives the same output when every other delivery fails at its first Jira request and is retried', async () => {
    await seed();
    const expected = await oneShot('csv');
    const driver = jobDriver(site());
    const jobId = await driver.start({ ...WINDOW, format: 'csv' }, jiraAdmin, 200);
    let deliveries = 0;
    await driver.drain({
      budget: () => budgetOf(0),
      fetcher: () =>
        (deliveries += 1) % 2 === 0
          ? killedAfter(simulatorFetcher(site().sim), 0)
          : simulatorFetcher(site().sim),
    });
    expect(driver.reports.filter((report) => report.outcome === 'retrying').length).toBeGreaterThanOrEqual(2);
    expect(await driver.output(jobId)).toBe(expected);
  });

  it('marks the job failed, once, when a step fails five times in a row', async () => {
    await seed();
    const driver = jobDriver(site());
    const jobId = await driver.start({ ...WINDOW, format: 'csv' }, jiraAdmin, 200);
    await driver.drain({ fetcher: () => killedAfter(simulatorFetcher(site().sim), 0) });
    expect(driver.reports.map((report) => report.outcome)).toEqual([
      'retrying',
      'retrying',
      'retrying',
      'retrying',
      'failed',
    ]);
    expect((await driver.job(jobId))?.error).toEqual({
      message:
        'The job stopped: its step 0 failed 5 times in a row (last: KilledError: the invocation was killed here). Start it again later.',
      problems: [],
    });
  });

  it('drops an event that is not a job step, and one for a job that does not exist', async () => {
    const driver = jobDriver(site());
    driver.queued.push({ kind: 'job-step', jobId: '6f1c0a4e-8d1a-4e22-9a57-0d5b3c1f2e3a', step: 0 });
    driver.queued.push({ kind: 'sweep-issues' } as never);
    await driver.drain();
    expect(driver.reports).toEqual([
      { outcome: 'gone' },
      {
        outcome: 'unreadable',
        problems: [
          'kind: Invalid input: expected "job-step"',
          'jobId: must be a job id',
          'step: Invalid input: expected number, received undefined',
        ],
      },
    ]);
  });
});
