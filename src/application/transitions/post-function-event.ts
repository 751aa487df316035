/**
 * The "Run post function event" as it may really arrive (FORGE_NOTES §2, §16). Forge documents its members but the
 * type of `transition` did not render, and vendors disagree: `from`/`to` objects with `id`/`name` (Automan), flat
 * `from_status`/`to_status`/`transitionName` (JiBrok), REST-fired transitions without a distinct `executionId`
 * (CR). Every shape is read into one ReportedTransition; a piece that is missing or malformed is left out, never
 * guessed, and the use case decides from what remains (the rule's configuration first).
 */
import { z } from 'zod';
import { IssueIdSchema, IssueKeySchema } from '../issue-mapping/issue-key';

/** A status as the event reports it: an object with id and/or name, or a bare id or name. */
export interface StatusReport {
  readonly id?: string;
  readonly name?: string;
}

export interface ReportedTransition {
  readonly from?: StatusReport;
  readonly to?: StatusReport;
  /** The transition's name in the workflow ("Approve"), when reported. */
  readonly name?: string;
}

export interface PostFunctionFacts {
  /** The issue key, else its id. */
  readonly issueKey: string;
  readonly transition: ReportedTransition;
  readonly executionId?: string;
  readonly changelogId?: string;
  /** Status changes the event's changelog carries (ids), a second source for from/to. */
  readonly changelogStatus?: { readonly from?: string; readonly to?: string };
  readonly actorAccountId?: string;
  readonly commentId?: string;
  readonly configuration: unknown;
  /** How many times the platform has retried this event already (0 on first delivery). */
  readonly retryCount: number;
}

const present = (value: string | number | null | undefined): string | undefined =>
  value === null || value === undefined || String(value).trim() === '' ? undefined : String(value);

/** Ids arrive as strings in the documented examples and as numbers from some sources. */
const Id = z.union([z.string(), z.number()]).nullish().transform(present).catch(undefined);
const Text = z.string().nullish().transform(present).catch(undefined);
const IssueKey = IssueKeySchema.nullish().transform(present).catch(undefined);
const IssueId = IssueIdSchema.nullish().transform(present).catch(undefined);

const StatusReportSchema = z
  .union([
    z.looseObject({ id: Id, name: Text }).transform((status) => ({ id: status.id, name: status.name })),
    // A bare value may be an id ("10001") or a name ("Approved"): both are tried against the site's statuses.
    z.union([z.string(), z.number()]).transform((value) => ({ id: present(value), name: present(value) })),
  ])
  .nullish()
  .catch(undefined)
  .transform((status): StatusReport | undefined => {
    if (status === null || status === undefined) return undefined;
    const report: { id?: string; name?: string } = {};
    if (status.id !== undefined) report.id = status.id;
    if (status.name !== undefined) report.name = status.name;
    return report.id === undefined && report.name === undefined ? undefined : report;
  });

const TransitionShapes = z.looseObject({
  from: StatusReportSchema,
  to: StatusReportSchema,
  from_status: StatusReportSchema,
  to_status: StatusReportSchema,
  fromStatus: StatusReportSchema,
  toStatus: StatusReportSchema,
  name: Text,
  transitionName: Text,
  executionId: Id,
});

const ChangeItemSchema = z.looseObject({
  field: Text,
  fieldId: Text,
  from: Id,
  to: Id,
});

export const PostFunctionEventSchema = z
  .looseObject({
    issue: z.looseObject({ key: IssueKey, id: IssueId }),
    transition: TransitionShapes.nullish().catch(undefined),
    // Some sources report the flat members next to `transition` rather than inside it.
    from_status: StatusReportSchema,
    to_status: StatusReportSchema,
    transitionName: Text,
    executionId: Id,
    atlassianId: Text,
    user: z.looseObject({ accountId: Text }).nullish().catch(undefined),
    changelog: z
      .looseObject({ id: Id, items: z.array(z.unknown()).nullish().catch(undefined) })
      .nullish()
      .catch(undefined),
    comment: z.looseObject({ id: Id }).nullish().catch(undefined),
    configuration: z.unknown().optional(),
    retryContext: z
      .looseObject({ retryCount: z.number().int().nonnegative().catch(0) })
      .nullish()
      .catch(undefined),
  })
  .refine((event) => event.issue.key !== undefined || event.issue.id !== undefined, {
    message: 'names no issue (neither issue.key nor issue.id)',
    path: ['issue'],
  });

const statusChangeOf = (items: readonly unknown[] | null | undefined) => {
  for (const raw of items ?? []) {
    const item = ChangeItemSchema.safeParse(raw);
    if (item.success && (item.data.fieldId === 'status' || item.data.field === 'status')) {
      return {
        ...(item.data.from === undefined ? {} : { from: item.data.from }),
        ...(item.data.to === undefined ? {} : { to: item.data.to }),
      };
    }
  }
  return undefined;
};

/** The event's facts, or the problems (paths and messages only, never values) that make it unreadable. */
export const readPostFunctionEvent = (
  event: unknown,
  principalAccountId?: string,
): { ok: true; facts: PostFunctionFacts } | { ok: false; problems: string[] } => {
  const parsed = PostFunctionEventSchema.safeParse(event);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`),
    };
  const data = parsed.data;
  const t = data.transition ?? undefined;
  const from = t?.from ?? t?.from_status ?? t?.fromStatus ?? data.from_status;
  const to = t?.to ?? t?.to_status ?? t?.toStatus ?? data.to_status;
  const name = t?.name ?? t?.transitionName ?? data.transitionName;
  const executionId = t?.executionId ?? data.executionId;
  const changelogId = data.changelog?.id;
  const changelogStatus = statusChangeOf(data.changelog?.items);
  const actorAccountId = data.atlassianId ?? data.user?.accountId ?? present(principalAccountId);
  const commentId = data.comment?.id;
  const issueKey = data.issue.key ?? data.issue.id ?? '';
  return {
    ok: true,
    facts: {
      issueKey,
      transition: {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(name === undefined ? {} : { name }),
      },
      ...(executionId === undefined ? {} : { executionId }),
      ...(changelogId === undefined ? {} : { changelogId }),
      ...(changelogStatus === undefined ? {} : { changelogStatus }),
      ...(actorAccountId === undefined ? {} : { actorAccountId }),
      ...(commentId === undefined ? {} : { commentId }),
      configuration: data.configuration,
      retryCount: data.retryContext?.retryCount ?? 0,
    },
  };
};
