/**
 * The issue panel's `getExceptionSummary` resolver (DESIGN.md §1, §3, §5; ISSUE 8): what an Exception issue stands
 * at for the person viewing it — status, tier and who must approve, the current period and the days left in it, the
 * next thing the app will do and when, the recertification checklist, and for each transition the person could try
 * next the policy checks that would refuse it, in the validator's own words. Shared by src/entry and
 * static/issue-panel.
 */
import { z } from 'zod';
import { PLANNED_ACTIONS } from '../domain/planner/planned-action';
import { IsoDateSchema, IsoInstantSchema } from '../domain/register-schema';
import { RECERTIFICATION_CHECKS, RISK_RATINGS, STATUSES } from '../domain/vocabulary';
import { IssueKeySchema } from './issue-key';
import { answerSchema } from './refusal';

export const GetExceptionSummaryRequestSchema = z.strictObject({ issueKey: IssueKeySchema });
export type GetExceptionSummaryRequest = z.infer<typeof GetExceptionSummaryRequestSchema>;

/** The transitions a person may try on an Exception (auto-approve is the app's alone). */
export const PANEL_TRANSITIONS = [
  'triage',
  'request-info',
  'approve',
  'reject',
  'start-recertification',
  'recertify',
  'revert',
  'retire',
] as const;

const ExceptionSummarySchema = z.strictObject({
  kind: z.literal('exception'),
  key: IssueKeySchema,
  status: z.enum(STATUSES),
  /** The authority tier (DESIGN.md §4): the higher of the provisional rating and the Risk Rating. */
  tier: z.enum(RISK_RATINGS),
  route: z.enum(['auto-approve', 'tier-1-review', 'c-level-sign-off']),
  /** Jira groups whose members may approve at this tier (any one suffices). */
  approverGroups: z.array(z.string()),
  riskOwner: z
    .strictObject({ accountId: z.string(), displayName: z.string(), active: z.boolean() })
    .nullable(),
  /** The current approval period, when the exception has been approved. */
  period: z
    .strictObject({
      start: IsoDateSchema,
      end: IsoDateSchema,
      lengthDays: z.number().int().positive(),
      /** Days from today (UTC) through the end date, both included; 0 or less once the period is over. */
      daysLeft: z.number().int(),
    })
    .nullable(),
  /** The next action the app will take on its own, due or not yet. */
  nextAction: z
    .strictObject({ action: z.enum(PLANNED_ACTIONS), dueAt: IsoInstantSchema, reason: z.string() })
    .nullable(),
  /** The recertification checklist (DESIGN.md §2), answered or not yet; null outside recertification. */
  checklist: z.array(z.strictObject({ check: z.enum(RECERTIFICATION_CHECKS), done: z.boolean() })).nullable(),
  /** The Findings field, one entry a line (DESIGN.md §2); absent when it lists none. */
  findings: z.array(z.string()).optional(),
  /**
   * What the scanners' ignore files suppress for it now (DESIGN.md §11): its findings as last decided, until the
   * first day they stop (YYYY-MM-DD); null when nothing is suppressed; absent when it lists no findings.
   */
  suppression: z
    .strictObject({ findings: z.array(z.string()), until: z.string() })
    .nullable()
    .optional(),
  /** What the policy says about each transition open from the current status, for the viewer as the actor. */
  transitions: z.array(
    z.strictObject({
      name: z.enum(PANEL_TRANSITIONS),
      /** The workflow's name for it, as the issue view's buttons show it. */
      label: z.string(),
      /** The validator's messages that would refuse it now; empty when nothing in the policy stands in the way. */
      blockers: z.array(z.string()),
    }),
  ),
});

export const GetExceptionSummaryResponseSchema = answerSchema({
  summary: z.discriminatedUnion('kind', [
    ExceptionSummarySchema,
    /** The issue is not an Exception issue (the panel shows nothing to act on). */
    z.strictObject({ kind: z.literal('not-an-exception') }),
    /** The app cannot read the issue's fields (a field deleted or retyped): what is wrong, by field name. */
    z.strictObject({ kind: z.literal('unreadable'), problems: z.array(z.string()) }),
  ]),
});
export type GetExceptionSummaryResponse = z.infer<typeof GetExceptionSummaryResponseSchema>;
export type ExceptionSummary = z.infer<typeof ExceptionSummarySchema>;
