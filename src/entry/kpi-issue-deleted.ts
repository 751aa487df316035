/**
 * trigger on avi:jira:deleted:issue: a deleted exception leaves its project's KPI model (ISSUE 7 item 3) at once
 * instead of at the next daily rebuild. Only the issue id and its project id are read from the event; an issue
 * the model does not hold changes nothing (applyKpiChange finds nothing to remove), so other issue types need no
 * check here, and an event without a project is acknowledged: the daily rebuild drops the issue anyway.
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { applyKpiChange } from '../application/kpi/kpi-read-model';
import { NumericIdSchema } from '../application/kpi/kpi-store-layout';
import { acknowledgeUnreadable } from './unreadable-event';

const Id = z.union([z.string(), z.number()]).transform(String).pipe(NumericIdSchema);

const IssueDeletedEventSchema = z.object({
  issue: z.object({ id: Id, fields: z.object({ project: z.object({ id: Id }) }) }),
});

export const kpiIssueDeleted = async (event: unknown): Promise<void> => {
  const parsed = IssueDeletedEventSchema.safeParse(event);
  if (!parsed.success) {
    acknowledgeUnreadable('kpi-issue-deleted', parsed.error);
    return;
  }
  const { issue } = parsed.data;
  const outcome = await applyKpiChange(forgeDependencies(), {
    projectId: issue.fields.project.id,
    issueId: issue.id,
    record: null,
    secured: false,
  });
  console.info(`kpi-issue-deleted: ${outcome}`);
};
