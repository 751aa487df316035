/**
 * Asks the queue to (re)build the KPI read model of projects, at most once per project in REQUEST_TTL_SECONDS however
 * many gadgets are viewed meanwhile: the request is a KVS key written only when absent (StorePort.setIfAbsent).
 */
import type { QueuePort } from '../ports/queue-port';
import type { StorePort } from '../ports/store-port';

/** A rebuild at 50,000 exceptions takes a few minutes; asking again sooner would only queue duplicates. */
export const REQUEST_TTL_SECONDS = 15 * 60;

export const rebuildRequestKey = (projectId: string): string => `kpi:${projectId}:rebuild-requested`;

export const requestKpiRebuild = async (
  deps: { readonly store: StorePort; readonly queue: QueuePort; readonly clock: { now(): string } },
  projectIds: readonly string[],
): Promise<void> => {
  const asked: string[] = [];
  for (const projectId of projectIds)
    if (
      await deps.store.setIfAbsent(
        rebuildRequestKey(projectId),
        { at: deps.clock.now() },
        REQUEST_TTL_SECONDS,
      )
    )
      asked.push(projectId);
  if (asked.length > 0)
    await deps.queue.push(asked.map((projectId) => ({ kind: 'rebuild-kpis', projectId })));
};
