/**
 * jira:workflowPostFunction `record-transition`: records the lifecycle facts of a transition in the issue's
 * lifecycle property (DESIGN.md §3). Payload: the "Run post function event" in any of its reported shapes
 * (post-function-event.ts). A transient failure (Jira's 429 / 5xx, the network, a lifecycle held by another
 * writer) RETURNS an InvocationError so the platform delivers the event again; an unreadable event is logged and
 * acknowledged, as retrying it could not make it readable; so is an event whose issue Jira no longer has (deleted
 * between the transition and a delivery: the platform delivers some events twice), as there is nothing to record.
 */
import { retryCauseOf, retryLater, type RetryRequest } from '../adapters/events/invocation-retry';
import { forgeDependencies } from '../adapters/forge/forge-dependencies';
import { JiraHttpError } from '../adapters/jira/jira-errors';
import { readPostFunctionEvent } from '../application/transitions/post-function-event';
import { recordTransition as record } from '../application/transitions/record-transition';
import { recordShape } from './record-shape';

export const recordTransition = async (
  event: unknown,
  context?: { principal?: { accountId?: unknown } },
): Promise<RetryRequest | undefined> => {
  await recordShape('record-transition', event, context);
  const principal = context?.principal?.accountId;
  const read = readPostFunctionEvent(event, typeof principal === 'string' ? principal : undefined);
  if (!read.ok) {
    console.warn(`record-transition: unreadable event, acknowledged (${read.problems.join('; ')})`);
    return undefined;
  }
  try {
    const outcome = await record(read.facts, forgeDependencies());
    console.info(`record-transition: ${outcome.recorded ? outcome.action : `nothing (${outcome.reason})`}`);
    return undefined;
  } catch (error) {
    // Every request of a recording names the issue, which the app may always browse: a 404 is the issue gone,
    // whether it went before the read or between the read and the write.
    if (error instanceof JiraHttpError && error.status === 404) {
      console.warn('record-transition: the issue is gone (404), acknowledged');
      return undefined;
    }
    const cause = retryCauseOf(error);
    if (cause === undefined) throw error;
    console.warn(`record-transition: ${cause}, retry ${read.facts.retryCount + 1} requested`);
    return retryLater(cause, read.facts.retryCount);
  }
};
