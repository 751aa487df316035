/**
 * jira:workflowPostFunction `record-transition`: records the lifecycle facts of a transition in the issue's
 * lifecycle property (DESIGN.md §3). Payload: the "Run post function event" (FORGE_NOTES §2).
 */
import { z } from 'zod';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { recordTransition as record } from '../application/transitions/record-transition';
import { recordShape } from './record-shape';

// Ids are strings in the documented examples; numbers are accepted too, as Jira is not consistent about it.
const Id = z.union([z.string().min(1), z.number()]).transform(String);

const PostFunctionEventSchema = z.object({
  issue: z.object({ key: z.string().min(1) }),
  transition: z.object({
    from: z.object({ id: Id }).optional(),
    to: z.object({ id: Id }),
    executionId: z.string().min(1),
  }),
  atlassianId: z.string().optional(),
  comment: z.object({ id: Id }).optional(),
  configuration: z.unknown(),
});

export const recordTransition = async (event: unknown): Promise<void> => {
  await recordShape('record-transition', event);
  const { issue, transition, atlassianId, comment, configuration } = PostFunctionEventSchema.parse(event);
  const outcome = await record(
    {
      issueKey: issue.key,
      fromStatusId: transition.from?.id,
      toStatusId: transition.to.id,
      executionId: transition.executionId,
      actorAccountId: atlassianId,
      commentId: comment?.id,
      configuration,
    },
    forgeDependencies(),
  );
  console.info(`record-transition: ${outcome.recorded ? outcome.action : `nothing (${outcome.reason})`}`);
};
