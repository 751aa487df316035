/**
 * consumer of the `admin-jobs` queue (`admin-job-worker`): one `job-step` event advances its background job
 * (application/jobs/run-job-step.ts). Forge delivers `{ body, … }`; a delivery without an object body is
 * unreadable like any other bad event, logged and acknowledged. Nothing is thrown back to the queue: a failed step
 * is retried by the use case's own delayed event, or the job is marked failed — never retried for a day. Only a
 * failure of the store itself is thrown, so the platform retries the delivery (the job's lock expires by itself).
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { forgeInvocationBudget } from '../adapters/forge/invocation-time';
import { runJobStep } from '../application/jobs/run-job-step';
import { exportJobKind } from '../application/register/export-job';

const DeliverySchema = z.object({ body: z.unknown() });

/** A 300 s worker (manifest.yml) when the runtime cannot say how much is left. */
const WORKER_MS = 300_000;

export const adminJobWorker = async (delivery: unknown): Promise<void> => {
  const parsed = DeliverySchema.safeParse(delivery);
  try {
    const deps = { ...forgeDependencies(), budget: forgeInvocationBudget(WORKER_MS) };
    const report = await runJobStep(parsed.success ? parsed.data.body : undefined, deps, {
      'register-export': exportJobKind(),
    });
    if (report.outcome === 'unreadable')
      console.warn(`admin-job-worker: unreadable event acknowledged (${report.problems.join('; ')})`);
    else if (report.outcome === 'failed' || report.outcome === 'retrying')
      console.warn(`admin-job-worker: job ${report.job.id} ${report.outcome} (${report.reason})`);
    else console.info(`admin-job-worker: ${report.outcome}`);
  } catch (error) {
    console.warn(`admin-job-worker: failed (${error instanceof Error ? error.name : 'unknown error'})`);
    throw error;
  }
};
