/**
 * Run with the hourly sweep: queue a rebuild of the KPI model of each set-up project that has none yet or whose
 * last rebuild is more than a day old. The daily rebuild repairs what no event told the model about (an issue moved
 * to another project, a field edited on an issue no trigger reported), so the model is never more than a day off
 * even then. A rebuild already under way (started within the hour) is not queued again.
 */
import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { QueuePort } from '../ports/queue-port';
import type { StorePort } from '../ports/store-port';
import { readSiteConfig } from '../transitions/site-config-of';
import {
  isLaidOut,
  KpiManifestSchema,
  KpiRebuildStateSchema,
  kpiKeys,
  NumericIdSchema,
} from './kpi-store-layout';

export const KPI_REBUILD_EVERY_MS = 24 * 3_600_000;
/** A rebuild that has not finished within an hour is taken as lost (its worker died) and queued again. */
const REBUILD_RUNNING_MS = 3_600_000;

export interface RequestKpiRebuildsDependencies {
  readonly store: StorePort;
  readonly clock: Clock;
  readonly queue: QueuePort;
}

/** Asked for and not started yet: a gadget viewed again meanwhile does not queue the same rebuild again. */
export const REBUILD_REQUEST_TTL_SECONDS = 15 * 60;

const requestedKey = (projectId: string): string => `${kpiKeys.rebuild(projectId)}-requested`;

/**
 * The ids of the projects a rebuild was queued for: of `only` (the gadget's projects without a model), or of every
 * set-up project (the hourly sweep).
 */
export const requestKpiRebuilds = async (
  deps: RequestKpiRebuildsDependencies,
  only?: readonly string[],
): Promise<string[]> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return [];
  const projectIds = config.projects
    .map((project) => project.id)
    .filter((id) => NumericIdSchema.safeParse(id).success && (only === undefined || only.includes(id)));
  const keys = projectIds.flatMap((id) => [kpiKeys.manifest(id), kpiKeys.rebuild(id)]);
  const stored = await deps.store.getMany(keys, z.unknown());
  const now = Date.parse(deps.clock.now());
  const due = projectIds.filter((id) => {
    const manifest = KpiManifestSchema.safeParse(stored.get(kpiKeys.manifest(id)));
    const rebuild = KpiRebuildStateSchema.safeParse(stored.get(kpiKeys.rebuild(id)));
    if (rebuild.success && now - Date.parse(rebuild.data.startedAt) < REBUILD_RUNNING_MS) return false;
    // A manifest of an earlier layout (no chunk layout) reads as no model: rebuild it now, not a day later.
    if (!manifest.success || manifest.data.rebuiltAt === null || !isLaidOut(manifest.data)) return true;
    return now - Date.parse(manifest.data.rebuiltAt) >= KPI_REBUILD_EVERY_MS;
  });
  const asked: string[] = [];
  for (const projectId of due)
    if (
      await deps.store.setIfAbsent(
        requestedKey(projectId),
        { at: deps.clock.now() },
        REBUILD_REQUEST_TTL_SECONDS,
      )
    )
      asked.push(projectId);
  if (asked.length > 0)
    await deps.queue.push(asked.map((projectId) => ({ kind: 'rebuild-kpis' as const, projectId })));
  return asked;
};
