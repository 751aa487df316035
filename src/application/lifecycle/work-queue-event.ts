/**
 * The queue worker's use case (DESIGN.md §5): a `sweep-issues` batch fanned out by the sweep, or a
 * `continue-sweep` of a sweep that ran out of time. What it cannot finish in its own time goes back on the queue
 * (the rest of the batch); an issue that fails stays due in Jira and is taken up by the next hourly sweep, so the
 * event itself is never retried for a day. An event that is not a lifecycle event can never succeed: it is
 * answered `unreadable` with its problems (where and why, no values), which the entry logs, and acknowledged.
 * It is not written to the store: only the app pushes to the queue, and a refused input changes nothing.
 */
import type { z } from 'zod';
import { rebuildKpiProject } from '../kpi/kpi-read-model';
import { readSiteConfig } from '../transitions/site-config-of';
import { LifecycleEventSchema } from './lifecycle-events';
import {
  DEFAULT_SWEEP_OPTIONS,
  runSweep,
  sweepIssues,
  type SweepDependencies,
  type SweepOptions,
  type SweepOutcome,
} from './run-sweep';

export type WorkOutcome =
  | SweepOutcome
  | { readonly outcome: 'unreadable'; readonly problems: readonly string[] }
  /** A KPI rebuild step: `done`, or its continuation pushed to the queue. */
  | { readonly outcome: 'kpis-rebuilt'; readonly projectId: string; readonly done: boolean };

const problemsOf = (error: z.ZodError): string[] =>
  error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);

export const workQueueEvent = async (
  body: unknown,
  deps: SweepDependencies,
  options: SweepOptions = DEFAULT_SWEEP_OPTIONS,
): Promise<WorkOutcome> => {
  const parsed = LifecycleEventSchema.safeParse(body);
  if (!parsed.success) {
    return { outcome: 'unreadable', problems: problemsOf(parsed.error) };
  }
  const event = parsed.data;
  if (event.kind === 'continue-sweep') return runSweep(deps, { ...options, skip: event.skip });
  if (event.kind === 'rebuild-kpis') {
    const result = await rebuildKpiProject(deps, event.projectId, event.cursor);
    if (!result.done)
      await deps.queue.push([{ kind: 'rebuild-kpis', projectId: event.projectId, cursor: result.cursor }]);
    return { outcome: 'kpis-rebuilt', projectId: event.projectId, done: result.done };
  }

  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { outcome: 'not-set-up' };
  const result = await sweepIssues(event.issueKeys, deps, config, options.reserveMs);
  if (result.left.length > 0) await deps.queue.push([{ kind: 'sweep-issues', issueKeys: result.left }]);
  return {
    outcome: 'swept',
    swept: result.swept,
    failed: result.failed,
    fannedOut: result.left.length,
    continued: false,
  };
};
