/**
 * scheduledTrigger `lifecycle-sweep` (hourly): finds the exceptions with actions due and does them, or fans them
 * out to the `lifecycle-actions` queue (application/lifecycle/run-sweep.ts). Runs as the app only: the trigger
 * has no user. A failed run is logged and not thrown: everything it left undone is still due in Jira, and the next
 * hourly run takes it up (a scheduled trigger is not redelivered anyway). It also queues the rebuild of each
 * project's KPI model that is missing or a day old (application/kpi/request-kpi-rebuilds.ts).
 */
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { forgeInvocationBudget } from '../adapters/forge/invocation-time';
import { requestKpiRebuilds } from '../application/kpi/request-kpi-rebuilds';
import { describeFailure, runSweep } from '../application/lifecycle/run-sweep';
import { summarizeSweep } from './sweep-summary';

export const lifecycleSweep = async (_event?: unknown): Promise<void> => {
  const deps = forgeDependencies();
  try {
    const outcome = await runSweep({ ...deps, budget: forgeInvocationBudget() });
    console.info(`lifecycle-sweep: ${summarizeSweep(outcome)}`);
  } catch (error) {
    console.warn(`lifecycle-sweep: failed, the next run takes it up (${describeFailure(error)})`);
  }
  try {
    const queued = await requestKpiRebuilds(deps);
    if (queued.length > 0)
      console.info(`lifecycle-sweep: KPI rebuild queued for projects ${queued.join(', ')}`);
  } catch (error) {
    console.warn(
      `lifecycle-sweep: KPI rebuilds not queued, the next run tries again (${describeFailure(error)})`,
    );
  }
};
