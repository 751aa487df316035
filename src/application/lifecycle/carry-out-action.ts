/**
 * Carrying out one due lifecycle action (DESIGN.md §5) in ONE request to Jira that also writes its record, so it
 * is done exactly once without looking first (ISSUE 9: one write per action):
 * - a comment (a reminder, an SLA breach, a chronic case) goes in an issue edit that sets the lifecycle property
 *   with the action's entry (IssuesPort.commentWithProperties): both land or neither, so an entry found means the
 *   comment is there and no entry means it is not. Where Jira refuses a comment in an edit, the comment goes on
 *   its own, write-once by the action's key (it looks for its mark first), then the lifecycle;
 * - a transition (recertification opened, a lapsed exception reverted) carries its comment and the lifecycle as
 *   it must be after the move; Jira makes it from the status it was planned from or not at all.
 *
 * Transitions go through the workflow's validators as the app (an actor they accept, DESIGN.md §3), and their
 * post function records `recertification-started` / `reverted` in the lifecycle; the sweep's repair records a
 * transition whose post function was lost. The caller holds the issue's lifecycle lock and gives, through
 * `lifecycleWith`, the properties that record the action.
 */
import { z } from 'zod';
import type { PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord } from '../../domain/register-schema';
import type { Status } from '../../domain/vocabulary';
import {
  CommentOnEditRefusedError,
  type AdfDocument,
  type IssuesPort,
  type JiraTransition,
} from '../ports/jira-port';
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

/** What an action's request records: its entry (with a note) for a comment, the status after a transition. */
export type LifecycleChange = { readonly note?: string } | { readonly status: Status };

export interface ActionContext {
  readonly jira: IssuesPort;
  readonly config: SiteConfig;
  readonly policy: Policy;
  /** The exception as the sweep plans from it. */
  readonly record: ExceptionRecord;
  /** The transitions Jira offered the app from the record's status when the issue was read, when it says. */
  readonly offered?: readonly JiraTransition[] | undefined;
  /** The issue properties that record this action with `change`, to send in the action's request. */
  readonly lifecycleWith: (change: LifecycleChange) => Promise<Readonly<Record<string, unknown>>>;
}

/** What the action did: recorded with its comment, moved the issue (its properties with it), or nothing. */
export type ActionEffect =
  | { readonly kind: 'recorded' }
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

/** Whether the issue has left the status the record has (a person moved it since it was read). */
const hasMoved = async ({ jira, config, record }: ActionContext): Promise<boolean> => {
  const issue = await jira.getIssue(record.key, { fields: ['status'], properties: [] });
  const status = StatusOfSchema.safeParse(issue.fields);
  return status.success && status.data.status.id !== config.statuses[record.status];
};

/**
 * The transition to `to` offered from the issue's status (as the read said, or as Jira says now), or 'moved'
 * when the issue left the status the record has. Only when the transition is missing is the issue read again:
 * still in that status, the workflow lacks it.
 */
const transitionTo = async (
  context: ActionContext,
  to: Status,
): Promise<{ readonly id: string } | 'moved'> => {
  const { jira, config, record } = context;
  const offered = context.offered ?? (await jira.getTransitions(record.key));
  const transition = offered.find((candidate) => candidate.toStatusId === config.statuses[to]);
  if (transition !== undefined) return transition;
  if (await hasMoved(context)) return 'moved';
  throw new TransitionNotOfferedError(record.key, to);
};

/**
 * Makes the transition to `to` with its comment and the lifecycle after it. Jira refuses it (400, or 409 for a
 * racing move) when the issue is no longer where the offer was read: a failed transition of an issue that has
 * moved is 'moved'; any other failure (a validator's refusal from where it still is) stands.
 */
const transition = async (
  context: ActionContext,
  to: Status,
  options: { comment: AdfDocument; fields?: Readonly<Record<string, unknown>> },
): Promise<ActionEffect> => {
  const offered = await transitionTo(context, to);
  if (offered === 'moved') return { kind: 'moved' };
  const properties = await context.lifecycleWith({ status: to });
  try {
    await context.jira.transitionIssue(context.record.key, offered.id, { ...options, properties });
  } catch (error) {
    if (await hasMoved(context)) return { kind: 'moved' };
    throw error;
  }
  return { kind: 'transitioned' };
};

/** The action's comment and its record in one edit; where Jira refuses that, the comment (write-once) then the record. */
const commentRecorded = async (
  planned: PlannedAction,
  context: ActionContext,
  body: AdfDocument,
  note?: string,
): Promise<ActionEffect> => {
  const { jira, record } = context;
  const properties = await context.lifecycleWith(note === undefined ? {} : { note });
  try {
    await jira.commentWithProperties(record.key, body, properties);
  } catch (error) {
    if (!(error instanceof CommentOnEditRefusedError)) throw error;
    await jira.addComment(record.key, body, { idempotencyKey: planned.key });
    for (const [key, value] of Object.entries(properties))
      await jira.setIssueProperty(record.key, key, value);
  }
  return { kind: 'recorded' };
};

const escalate = async (planned: PlannedAction, context: ActionContext): Promise<ActionEffect> => {
  const { jira, policy, record } = context;
  const { projectKey, issueType } = policy.escalation;
  if (projectKey === null)
    return commentRecorded(
      planned,
      context,
      chronicComment(planned, record, null),
      'No engineering project is configured (policy escalation.projectKey).',
    );
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
  return commentRecorded(planned, context, chronicComment(planned, record, engineering.key), engineering.key);
};

export const carryOutAction = async (
  planned: PlannedAction,
  context: ActionContext,
): Promise<ActionEffect> => {
  const { config, policy, record } = context;
  switch (planned.action) {
    case 'remind-75':
    case 'remind-14d':
    case 'sla-breach':
      return commentRecorded(planned, context, lifecycleComment(planned.action, planned, record));
    case 'start-recertification':
      if (record.status !== 'Approved') return { kind: 'skipped', why: `status is ${record.status}` };
      return transition(context, 'Recertification', {
        comment: lifecycleComment(planned.action, planned, record),
      });
    case 'revert': {
      if (record.status !== 'Approved' && record.status !== 'Recertification')
        return { kind: 'skipped', why: `status is ${record.status}` };
      // The reason travels with the transition: its comment (which REST clients send but validators may not
      // see) and the Decision Reason field of the Revert screen, from which the post function takes its note.
      const reasonField = config.fields.decisionReason;
      return transition(context, 'Reverted', {
        comment: revertComment(planned, record, policy),
        ...(reasonField === undefined ? {} : { fields: { [reasonField]: revertReason(record, policy) } }),
      });
    }
    case 'escalate-chronic':
      return escalate(planned, context);
  }
};
