/**
 * The export job at scale (ISSUE 7 item 4): a site seeded with N exceptions (50,000 by default; EXPORT_BENCH_N)
 * in the simulator, the CSV export run as a background job step by step (each step given a 250 s budget, as the
 * 300 s worker leaves itself 20 s + reserve), and the figures written to bench/results/export-job.json: REST
 * calls, job steps, parts, KVS writes, wall time. Not part of `npm test`. `npx tsx bench/export-job.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JiraRestClient } from '../src/adapters/jira/jira-rest-client';
import { defaultRetryPolicy } from '../src/adapters/jira/send-with-retries';
import { MemoryStore } from '../src/adapters/memory/memory-store';
import type { JobStepEvent } from '../src/application/jobs/job-events';
import { JobRecordSchema, jobKey } from '../src/application/jobs/job-record';
import { runJobStep } from '../src/application/jobs/run-job-step';
import { exportJobKind } from '../src/application/register/export-job';
import { startExport } from '../src/application/register/start-export';
import { REGISTER_VERSION } from '../src/domain/register-schema';
import { createJiraSimulator } from '../simulator';
import { seedSiteFromRegister, SITE_ADMIN_ACCOUNT_ID } from '../simulator/seed/seed-site';
import { simulatorFetcher } from '../simulator/seed/simulator-fetcher';
import { generateException } from '../test/builders/exception-record';

const N = Number(process.env.EXPORT_BENCH_N ?? 50_000);
const STEP_BUDGET_MS = 250_000;

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
    let kvsWrites = 0;
    const counted = Object.assign(Object.create(store) as MemoryStore, {
      set: (key: string, value: unknown, options?: { ttlSeconds?: number }) => {
        kvsWrites += 1;
        return store.set(key, value, options);
      },
    });
    const queued: JobStepEvent[] = [];
    const jobQueue = { push: (event: JobStepEvent) => (queued.push(event), Promise.resolve()) };
    const clock = { now: () => new Date().toISOString() };
    const restBefore = sim.calls.total;
    const started = Date.now();
    const { jobId } = await startExport(
      { from: '2026-01-01', to: '2027-12-31', format: 'csv' },
      {
        jiraAsUser: new JiraRestClient(
          simulatorFetcher(sim, seeded.admin.accountId ?? SITE_ADMIN_ACCOUNT_ID),
          defaultRetryPolicy(),
        ),
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
        { jiraAsApp, store: counted, clock, jobQueue, budget: { remainingMs: () => deadline - Date.now() } },
        { 'register-export': exportJobKind() },
      );
      steps += 1;
    }
    const job = await store.get(jobKey(jobId), JobRecordSchema);
    const figures = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      exceptions: N,
      state: job?.state,
      progress: job?.progress,
      result: job?.result,
      jobSteps: steps,
      parts: job?.parts,
      restCalls: sim.calls.total - restBefore,
      kvsWrites,
      wallMs: Date.now() - started,
    };
    const file = path.join(__dirname, 'results', 'export-job.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures));
    process.exitCode = job?.state === 'done' ? 0 : 1;
  } finally {
    await sim.close();
  }
};

void main();
