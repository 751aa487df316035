/**
 * trigger on avi:jira:updated:issue: an exception in force edited outside a transition goes back to review when
 * its decision-relevant fields no longer match its last decision (DESIGN.md §3). Only the issue key is trusted;
 * the issue type, project and status changes in the event just spare reads of issues that are none of the app's
 * business. The event's shape varies between deliveries, so every member but the key is optional.
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { reviewEditedDecision } from '../application/decisions/review-edited-decision';
import { IssueKeySchema } from '../application/issue-mapping/issue-key';
import { refreshKpiIssueQuietly } from '../application/kpi/refresh-kpi-issue';
import { recordShape } from './record-shape';
import { acknowledgeUnreadable } from './unreadable-event';

const Id = z.union([z.string().min(1), z.number()]).transform(String);
const Ref = z.object({ id: Id }).nullish().catch(undefined);

const ChangeItemSchema = z.object({
  field: z.string().nullish(),
  fieldId: z.string().nullish(),
  to: z.union([z.string(), z.number()]).nullish(),
  toString: z.string().nullish(),
});

const IssueUpdatedEventSchema = z.object({
  issue: z.object({
    key: IssueKeySchema,
    fields: z.object({ issuetype: Ref, project: Ref }).nullish().catch(undefined),
  }),
  changelog: z
    .object({ items: z.array(ChangeItemSchema).nullish() })
    .nullish()
    .catch(undefined),
});

export const reviewDecisionEdit = async (event: unknown): Promise<void> => {
  await recordShape('review-decision-edit', event);
  const parsed = IssueUpdatedEventSchema.safeParse(event);
  if (!parsed.success) {
    acknowledgeUnreadable('review-decision-edit', parsed.error);
    return;
  }
  const { issue, changelog } = parsed.data;
  const statusChangedTo = (changelog?.items ?? [])
    .filter((item) => item.fieldId === 'status' || item.field === 'status')
    .map((item) => ({
      id: item.to === null || item.to === undefined ? undefined : String(item.to),
      name: item.toString ?? undefined,
    }));
  const deps = forgeDependencies();
  const outcome = await reviewEditedDecision(
    {
      issueKey: issue.key,
      issueTypeId: issue.fields?.issuetype?.id,
      projectId: issue.fields?.project?.id,
      statusChangedTo,
    },
    deps,
  );
  // Any edit of an issue in a set-up project may move its KPIs (type, assets, expiry) or take it out of them.
  if (!('reason' in outcome && outcome.reason === 'not-set-up'))
    await refreshKpiIssueQuietly(deps, issue.key);
  console.info(
    `review-decision-edit: ${outcome.outcome}${'reason' in outcome ? ` (${outcome.reason})` : ` (${outcome.changed.join(', ')})`}`,
  );
};
