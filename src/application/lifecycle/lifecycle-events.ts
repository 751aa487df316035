/**
 * The events of the `lifecycle-actions` queue (DESIGN.md §5), zod-typed at both ends: the sweep pushes them, the
 * worker parses them. `sweep-issues` carries a batch of due issues fanned out by the sweep (or the rest of a batch
 * a worker ran out of time for); `continue-sweep` asks a worker to go on with a sweep that ran out of time,
 * re-querying the due set from the start (the sweep's own writes move issues out of it), skipping the issues
 * named in `skip` (those that already failed in this sweep). `rebuild-kpis` rebuilds one project's KPI read
 * model (application/kpi), from `cursor` when an earlier invocation ran out of time.
 */
import { z } from 'zod';
import { IssueKeySchema } from '../issue-mapping/issue-key';

/** Issues per event: one bulk read (POST /issue/bulkfetch takes 100), and far under the 200 KB a push may carry. */
export const MAX_ISSUES_PER_EVENT = 100;

export const SweepIssuesEventSchema = z.strictObject({
  kind: z.literal('sweep-issues'),
  issueKeys: z.array(IssueKeySchema).min(1).max(MAX_ISSUES_PER_EVENT),
});

export const ContinueSweepEventSchema = z.strictObject({
  kind: z.literal('continue-sweep'),
  skip: z.array(IssueKeySchema).max(MAX_ISSUES_PER_EVENT).default([]),
});

export const RebuildKpisEventSchema = z.strictObject({
  kind: z.literal('rebuild-kpis'),
  projectId: z.string().regex(/^\d{1,18}$/, 'must be a Jira project id (digits)'),
  /** Jira page tokens are opaque; bounded so an event stays far under the 200 KB a push may carry. */
  cursor: z.string().min(1).max(4_000).optional(),
});

export const LifecycleEventSchema = z.discriminatedUnion('kind', [
  SweepIssuesEventSchema,
  ContinueSweepEventSchema,
  RebuildKpisEventSchema,
]);
export type LifecycleEvent = z.input<typeof LifecycleEventSchema>;
export type ParsedLifecycleEvent = z.output<typeof LifecycleEventSchema>;
