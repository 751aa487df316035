/**
 * Carrying out one due lifecycle action (DESIGN.md §5) so that doing it again does nothing more: every comment and
 * issue is written once per idempotency key (the action's key; IssuesPort's write-once), and a transition is made
 * only while Jira still offers it from the issue's status (the transitions offered are read first). A comment that must go
 * with a transition is written before it, so a crash in between repeats only the (write-once) comment.
 *
 * Transitions go through the workflow's validators as the app (an actor they accept, DESIGN.md §3), and their
 * post function records `recertification-started` / `reverted` in the lifecycle; the sweep's repair records a
 * transition whose post function was lost. The other actions are recorded by the caller with the action's key.
 */
import { z } from 'zod';
import type { PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord } from '../../domain/register-schema';
import type { Status } from '../../domain/vocabulary';
import type { IssuesPort } from '../ports/jira-port';
import type { SiteConfig } from '../site-config';
import {
  chronicComment,
  engineeringComment,
  lifecycleComment,
  revertComment,
  revertReason,
} from './lifecycle-comments';

/** The link Jira sites have out of the box (Relates: "relates to"). */
export const ESCALATION_LINK_TYPE = 'Relates';

export interface ActionContext {
  readonly jira: IssuesPort;
  readonly config: SiteConfig;
  readonly policy: Policy;
  /** The exception as just re-read. */
  readonly record: ExceptionRecord;
}

/** What the caller records for a non-transition action: the entry's note (the engineering issue key, …). */
export type ActionEffect =
  | { readonly kind: 'record'; readonly note?: string }
  | { readonly kind: 'transitioned' }
  | { readonly kind: 'skipped'; readonly why: string }
  /** The issue is no longer in the status the record (as planned from) has: read it again and plan again. */
  | { readonly kind: 'moved' };

/** The workflow offers the app no transition to the status an action moves to (setup changed, or a person moved first). */
class TransitionNotOfferedError extends Error {
  constructor(issueKey: string, to: Status) {
    super(`The workflow offers the app no transition of ${issueKey} to ${to}: run the app's setup again.`);
    this.name = 'TransitionNotOfferedError';
  }
}

const StatusOfSchema = z.looseObject({ status: z.looseObject({ id: z.string() }) });

/**
 * The transition to `to` offered from the issue's status now (the transitions Jira offers are the fresh word on
 * the status), or 'moved' when the issue left the status the record has (a person moved it since it was read).
 * Only when the transition is missing is the issue read again: still in that status, the workflow lacks it.
 */
const transitionTo = async (
  { jira, config, record }: ActionContext,
  to: Status,
): Promise<{ readonly id: string } | 'moved'> => {
  const offered = await jira.getTransitions(record.key);
  const transition = offered.find((candidate) => candidate.toStatusId === config.statuses[to]);
  if (transition !== undefined) return transition;
  const issue = await jira.getIssue(record.key, { fields: ['status'], properties: [] });
  const status = StatusOfSchema.safeParse(issue.fields);
  if (status.success && status.data.status.id !== config.statuses[record.status]) return 'moved';
  throw new TransitionNotOfferedError(record.key, to);
};

const escalate = async (planned: PlannedAction, context: ActionContext): Promise<ActionEffect> => {
  const { jira, policy, record } = context;
  const { projectKey, issueType } = policy.escalation;
  if (projectKey === null) {
    await jira.addComment(record.key, chronicComment(planned, record, null), {
      idempotencyKey: planned.key,
    });
    return { kind: 'record', note: 'No engineering project is configured (policy escalation.projectKey).' };
  }
  const engineering = await jira.createIssue(
    {
      project: { key: projectKey },
      issuetype: { name: issueType },
      summary: `Remove the need for security exception ${record.key}`,
    },
    { idempotencyKey: planned.key },
  );
  // A repeated link is not stored twice (POST /rest/api/3/issueLink), so a retried escalation links once.
  await jira.linkIssues(ESCALATION_LINK_TYPE, record.key, engineering.key);
  await jira.addComment(engineering.key, engineeringComment(planned, record), {
    idempotencyKey: `${planned.key}:engineering`,
  });
  await jira.addComment(record.key, chronicComment(planned, record, engineering.key), {
    idempotencyKey: planned.key,
  });
  return { kind: 'record', note: engineering.key };
};

export const carryOutAction = async (
  planned: PlannedAction,
  context: ActionContext,
): Promise<ActionEffect> => {
  const { jira, config, policy, record } = context;
  switch (planned.action) {
    case 'remind-75':
    case 'remind-14d':
    case 'sla-breach':
      await jira.addComment(record.key, lifecycleComment(planned.action, planned, record), {
        idempotencyKey: planned.key,
      });
      return { kind: 'record' };
    case 'start-recertification': {
      if (record.status !== 'Approved') return { kind: 'skipped', why: `status is ${record.status}` };
      // The transition is looked up before the comment, so a comment never opens a recertification that a
      // person's move has made moot; the comment still goes first, so a crash between repeats only the comment.
      const transition = await transitionTo(context, 'Recertification');
      if (transition === 'moved') return { kind: 'moved' };
      await jira.addComment(record.key, lifecycleComment(planned.action, planned, record), {
        idempotencyKey: planned.key,
      });
      await jira.transitionIssue(record.key, transition.id, {});
      return { kind: 'transitioned' };
    }
    case 'revert': {
      if (record.status !== 'Approved' && record.status !== 'Recertification')
        return { kind: 'skipped', why: `status is ${record.status}` };
      // The reason travels with the transition: its comment (which REST clients send but validators may not
      // see) and the Decision Reason field of the Revert screen, from which the post function takes its note.
      const reasonField = config.fields.decisionReason;
      const transition = await transitionTo(context, 'Reverted');
      if (transition === 'moved') return { kind: 'moved' };
      await jira.transitionIssue(record.key, transition.id, {
        comment: revertComment(planned, record, policy),
        ...(reasonField === undefined ? {} : { fields: { [reasonField]: revertReason(record, policy) } }),
      });
      return { kind: 'transitioned' };
    }
    case 'escalate-chronic':
      return escalate(planned, context);
  }
};
