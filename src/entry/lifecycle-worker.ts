/**
 * consumer of the `lifecycle-actions` queue (`lifecycle-worker`): one lifecycle event, parsed with zod
 * (application/lifecycle/work-queue-event.ts). Forge delivers `{ body, … }`; a delivery without an object body is
 * unreadable like any other bad event. Nothing is thrown back to the queue: what failed is still due in Jira and
 * the next hourly sweep takes it up, which is better than the queue retrying one event for a day.
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { forgeInvocationBudget } from '../adapters/forge/invocation-time';
import { describeFailure } from '../application/lifecycle/run-sweep';
import { workQueueEvent } from '../application/lifecycle/work-queue-event';
import { summarizeSweep } from './sweep-summary';

const DeliverySchema = z.object({ body: z.unknown() });

export const lifecycleWorker = async (delivery: unknown): Promise<void> => {
  const parsed = DeliverySchema.safeParse(delivery);
  try {
    const outcome = await workQueueEvent(parsed.success ? parsed.data.body : undefined, {
      ...forgeDependencies(),
      budget: forgeInvocationBudget(),
    });
    if (outcome.outcome === 'unreadable')
      console.warn(
        `lifecycle-worker: unreadable event recorded and acknowledged (${outcome.problems.join('; ')})`,
      );
    else if (outcome.outcome === 'kpis-rebuilt')
      console.info(
        `lifecycle-worker: KPI model of project ${outcome.projectId} ${outcome.done ? 'rebuilt' : 'continued on the queue'}`,
      );
    else console.info(`lifecycle-worker: ${summarizeSweep(outcome)}`);
  } catch (error) {
    console.warn(`lifecycle-worker: failed, the next sweep takes it up (${describeFailure(error)})`);
  }
};
