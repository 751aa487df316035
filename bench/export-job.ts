/**
 * The export job at scale (ISSUE 7 item 4): a site seeded with N exceptions (50,000 by default; EXPORT_BENCH_N)
 * in the simulator, the CSV and JSON exports run as background jobs step by step (each step given a 250 s budget, as the
 * 300 s worker leaves itself 20 s + reserve), and the figures written to bench/results/export-job.json: REST
 * calls, job steps, parts, KVS writes, wall time. Not part of `npm test`. `npx tsx bench/export-job.ts`
 */
import { JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../src/adapters/memory/memory-store';
import type { JobStepEvent } from '../src/application/jobs/job-events';
import { JobPartSchema, JobRecordSchema, jobKey, jobPartKey } from '../src/application/jobs/job-record';
import { policyInForce } from '../src/application/policy/policy-store';
import { auditExport } from '../src/application/register/audit-export';
import { readSiteRegister } from '../src/application/register/read-site-register';
import { runJobStep } from '../src/application/jobs/run-job-step';
import { ExportJobInputSchema, exportJobKind } from '../src/application/register/export-job';
import { startExport } from '../src/application/register/start-export';
import { REGISTER_VERSION } from '../src/domain/register-schema';
import { createJiraSimulator } from '../simulator';
import { seedSiteFromRegister, SITE_ADMIN_ACCOUNT_ID } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';
import { generateException } from '../test/builders/exception-record';
import { writeResults } from './bench-results';

const N = Number(process.env.EXPORT_BENCH_N ?? 50_000);
/** Each step's time: the default consumer timeout (55 s) less the step's reserve, so the job is cut many times. */
const STEP_BUDGET_MS = Number(process.env.EXPORT_BENCH_STEP_MS ?? 55_000);
/** Simulated latency of every Jira request, as in the KPI resolver's figures (ISSUE 7 closing note). */
const LATENCY_MS = Number(process.env.EXPORT_BENCH_LATENCY_MS ?? 100);
const FORMATS = (process.env.EXPORT_BENCH_FORMATS ?? 'csv,json').split(',') as ('csv' | 'json')[];

const main = async (): Promise<void> => {
  const sim = await createJiraSimulator();
  try {
    const register = {
      version: REGISTER_VERSION as 1,
      generatedAt: '2026-11-21T09:00:00Z',
      exceptions: Array.from({ length: N }, (_, index) =>
        generateException({ key: `SEC-${String(index + 1)}` }),
      ),
    };
    const store = new MemoryStore();
    const seeded = await seedSiteFromRegister(sim, register, { store });
    const runExport = async (format: 'csv' | 'json') => {
      let kvsWrites = 0;
      const counted = Object.assign(Object.create(store) as MemoryStore, {
        set: (key: string, value: unknown, options?: { ttlSeconds?: number }) => {
          kvsWrites += 1;
          return store.set(key, value, options);
        },
      });
      sim.faults.set({ latencyMs: [LATENCY_MS, LATENCY_MS] });
      const queued: JobStepEvent[] = [];
      const jobQueue = { push: (event: JobStepEvent) => (queued.push(event), Promise.resolve()) };
      // Whole seconds, as Jira writes instants: the generatedAt of the job and of the one-shot build are the same.
      const clock = {
        now: () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      };
      const restBefore = sim.calls.total;
      const started = Date.now();
      const { jobId } = await startExport(
        { from: '2026-01-01', to: '2027-12-31', format },
        {
          jiraAsUser: new JiraRestClient(simulatorFetcher(sim, SITE_ADMIN_ACCOUNT_ID), defaultRetryPolicy()),
          store: counted,
          clock,
          jobQueue,
        },
      );
      let steps = 0;
      const jiraAsApp = new JiraRestClient(simulatorFetcher(sim), defaultRetryPolicy());
      for (let event = queued.shift(); event !== undefined; event = queued.shift()) {
        const deadline = Date.now() + STEP_BUDGET_MS;
        await runJobStep(
          event,
          {
            jiraAsApp,
            store: counted,
            clock,
            jobQueue,
            budget: { remainingMs: () => deadline - Date.now() },
          },
          { 'register-export': exportJobKind() },
        );
        steps += 1;
      }
      const wallMs = Date.now() - started;
      const restCalls = sim.calls.total - restBefore;
      const job = await store.get(jobKey(jobId), JobRecordSchema);
      // The parts joined, against the one-shot builder over the same register (read without latency).
      sim.faults.clear();
      let joined = '';
      let largestPartBytes = 0;
      for (let part = 0; part < (job?.parts ?? 0); part += 1) {
        const text = (await store.get(jobPartKey(jobId, part), JobPartSchema))?.text ?? '';
        largestPartBytes = Math.max(largestPartBytes, Buffer.byteLength(text));
        joined += text;
      }
      const read = await readSiteRegister(jiraAsApp, seeded.config);
      const oneShot = auditExport(
        read.exceptions,
        await policyInForce(store),
        ExportJobInputSchema.parse(job?.input).generatedAt,
        {
          from: '2026-01-01',
          to: '2027-12-31',
          format,
        },
      );
      const figures = {
        format,
        measuredAt: new Date().toISOString(),
        node: process.version,
        exceptions: N,
        state: job?.state,
        progress: job?.progress,
        result: job?.result,
        jobSteps: steps,
        parts: job?.parts,
        largestPartBytes,
        restCalls,
        kvsWrites,
        latencyMsPerRequest: LATENCY_MS,
        stepBudgetMs: STEP_BUDGET_MS,
        wallMs,
        joinedEqualsOneShotBuilder: joined === oneShot.content,
      };
      console.log(JSON.stringify(figures));
      return figures;
    };
    const results = [];
    for (const format of FORMATS) results.push(await runExport(format));
    writeResults('export-job.json', results);
    process.exitCode = results.every(
      (figures) => figures.state === 'done' && figures.joinedEqualsOneShotBuilder,
    )
      ? 0
      : 1;
  } finally {
    await sim.close();
  }
};

void main();
