/**
 * trigger on avi:jira:created:issue: triages a new exception (DESIGN.md §3–§4): records `submitted`, then sends a
 * complete request to Risk Review (or auto-approves it when Low risk and allowed) or tells the requester what is
 * missing. Other issue types and projects are ignored.
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { triageOnCreate as triage } from '../application/transitions/triage-on-create';
import { IssueKeySchema } from '../application/issue-mapping/issue-key';
import { recordShape } from './record-shape';
import { acknowledgeUnreadable } from './unreadable-event';

const Ref = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).nullish();

const IssueCreatedEventSchema = z.object({
  issue: z.object({
    key: IssueKeySchema,
    fields: z.object({ issuetype: Ref, project: Ref }),
  }),
});

export const triageOnCreate = async (event: unknown): Promise<void> => {
  await recordShape('triage-on-create', event);
  const parsed = IssueCreatedEventSchema.safeParse(event);
  if (!parsed.success) {
    acknowledgeUnreadable('triage-on-create', parsed.error);
    return;
  }
  const { issue } = parsed.data;
  const outcome = await triage(
    { issueKey: issue.key, issueTypeId: issue.fields.issuetype?.id, projectId: issue.fields.project?.id },
    forgeDependencies(),
  );
  console.info(`triage-on-create: ${outcome.outcome}${'reason' in outcome ? ` (${outcome.reason})` : ''}`);
};
