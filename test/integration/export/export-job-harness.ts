/**
 * The export job against a simulated site with the real handlers installed: the job's dependencies as the worker
 * builds them (Jira as the app over the simulator, the app's KVS, the test clock), a recording job queue, and a
 * driver that delivers the recorded `job-step` events one by one — optionally each one twice, and with a budget
 * that runs out after a given number of checks.
 */
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import type { JobStepEvent } from '../../../src/application/jobs/job-events';
import {
  JobPartSchema,
  JobRecordSchema,
  jobKey,
  jobPartKey,
  type JobRecord,
} from '../../../src/application/jobs/job-record';
import {
  DEFAULT_JOB_STEP_OPTIONS,
  runJobStep,
  type JobStepOptions,
  type JobStepReport,
} from '../../../src/application/jobs/run-job-step';
import { exportJobKind, type ExportJobDependencies } from '../../../src/application/register/export-job';
import { startExport } from '../../../src/application/register/start-export';
import type { ExportRegisterRequest } from '../../../src/contracts/admin-export';
import type { InvocationBudget } from '../../../src/application/ports/invocation-budget';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import type { ExceptionSite } from '../transitions/exception-harness';
import { testClock } from '../transitions/test-clock';

/** A budget that has time for `checks` questions, then none (each step still does one issue). */
export const budgetOf = (checks: number): InvocationBudget => {
  let asked = 0;
  return { remainingMs: () => (++asked <= checks ? Number.POSITIVE_INFINITY : 0) };
};

export interface DrainOptions {
  readonly budget?: () => InvocationBudget;
  readonly twice?: boolean;
  readonly fetcher?: () => JiraFetcher;
  /** Jira as the job sees it, for answers the simulator cannot give (issue security levels). */
  readonly jira?: (jira: JiraRestClient) => ExportJobDependencies['jiraAsApp'];
}

export interface DrainOptions {
  readonly budget?: () => InvocationBudget;
  readonly twice?: boolean;
  readonly fetcher?: () => JiraFetcher;
  /** Jira as the job sees it, for answers the simulator cannot give (issue security levels). */
  readonly jira?: (jira: JiraRestClient) => ExportJobDependencies['jiraAsApp'];
}

export interface JobDriver {
  readonly queued: JobStepEvent[];
  readonly reports: JobStepReport[];
  start(request: ExportRegisterRequest, admin: string, partBytes: number): Promise<string>;
  /** Delivers queued events until none is left; `budget` makes each delivery's budget, `twice` delivers each twice. */
  drain(options?: DrainOptions): Promise<void>;
  /** Delivers one event as the worker would, with `options`' budget, fetcher and Jira. */
  deliver(event: JobStepEvent, options?: DrainOptions): Promise<JobStepReport>;
  job(jobId: string): Promise<JobRecord | undefined>;
  /** The parts joined, once the job is done. */
  output(jobId: string): Promise<string>;
}

/** The production options without the waits: the driver delivers every event at once. */
const IMMEDIATE: JobStepOptions = {
  ...DEFAULT_JOB_STEP_OPTIONS,
  waitSeconds: 0,
  retrySeconds: 0,
  nextStepDelaySeconds: 0,
};

export const jobDriver = (site: ExceptionSite): JobDriver => {
  const queued: JobStepEvent[] = [];
  const reports: JobStepReport[] = [];
  const store = new KvsStore();
  const jobQueue = {
    push: (event: JobStepEvent) => {
      queued.push(event);
      return Promise.resolve();
    },
  };
  const deps = (
    budget: InvocationBudget,
    fetcher: JiraFetcher,
    options: DrainOptions,
  ): ExportJobDependencies => ({
    jiraAsApp: (options.jira ?? ((jira) => jira))(new JiraRestClient(fetcher, fastRetryPolicy())),
    store,
    clock: testClock,
    jobQueue,
    budget,
  });
  const kinds = { 'register-export': exportJobKind(0) };
  return {
    queued,
    reports,
    async start(request, admin, partBytes) {
      const jira = new JiraRestClient(simulatorFetcher(site.sim, admin), fastRetryPolicy());
      const answer = await startExport(request, {
        jiraAsUser: jira,
        store,
        clock: testClock,
        jobQueue,
        exportPartBytes: partBytes,
      });
      return answer.jobId;
    },
    async deliver(event, options = {}) {
      const budget = options.budget?.() ?? { remainingMs: () => Number.POSITIVE_INFINITY };
      const fetcher = options.fetcher?.() ?? simulatorFetcher(site.sim);
      const report = await runJobStep(event, deps(budget, fetcher, options), kinds, IMMEDIATE);
      reports.push(report);
      return report;
    },
    async drain(options = {}) {
      for (let delivered = 0; queued.length > 0; delivered += 1) {
        if (delivered > 10_000) throw new Error('the job never ended');
        const event = queued.shift();
        if (event === undefined) break;
        await this.deliver(event, options);
        if (options.twice === true) await this.deliver(event, options);
      }
    },
    job: (jobId) => store.get(jobKey(jobId), JobRecordSchema),
    async output(jobId) {
      const job = await store.get(jobKey(jobId), JobRecordSchema);
      if (job?.state !== 'done') throw new Error(`job is ${job?.state ?? 'gone'}`);
      let text = '';
      for (let part = 0; part < job.parts; part += 1)
        text += (await store.get(jobPartKey(jobId, part), JobPartSchema))?.text ?? '<missing part>';
      return text;
    },
  };
};
