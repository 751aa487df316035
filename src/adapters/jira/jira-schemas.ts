/**
 * The parts of Jira's REST v3 responses the REST client reads, as loose zod objects: Jira adds members over time,
 * and a new member must not break the app. Only what the client maps is required.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/
 */
import { z } from 'zod';

const FieldMapSchema = z.record(z.string(), z.unknown());

/**
 * A ChangeDetails item. Its `toString` member shares its name with Object's method, which a missing member would
 * read through the prototype: the item's own members are copied out first, with the text members renamed.
 */
const ChangeItemSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const own = (name: string): unknown =>
      Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    return {
      field: own('field'),
      fieldId: own('fieldId'),
      from: own('from'),
      to: own('to'),
      fromText: own('fromString'),
      toText: own('toString'),
    };
  },
  z.object({
    field: z.string().optional(),
    fieldId: z.string().optional(),
    from: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
    fromText: z.string().nullable().optional(),
    toText: z.string().nullable().optional(),
  }),
);

/** A change history (PageOfChangelogs, BulkChangelogResponseBean): who changed which fields, when. */
export const ChangeHistorySchema = z.looseObject({
  id: z.string(),
  created: z.string(),
  author: z.looseObject({ accountId: z.string().optional() }).optional(),
  items: z.array(ChangeItemSchema).optional(),
});

/** IssueTransition (GET …/transitions, or `expand=transitions` on an issue): `to` is the target StatusDetails. */
const IssueTransitionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  to: z.looseObject({ id: z.string(), name: z.string() }),
});

/**
 * IssueBean: `fields` and `properties` are absent when none were asked for; `changelog` (PageOfChangelogs, the
 * most recent first, `total` counting them all) and `transitions` only when expanded.
 */
export const IssueBeanSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: FieldMapSchema.optional(),
  properties: FieldMapSchema.optional(),
  changelog: z
    .looseObject({ total: z.number().optional(), histories: z.array(ChangeHistorySchema).optional() })
    .optional(),
  transitions: z.array(IssueTransitionSchema).optional(),
});

/** BulkIssueResults: the issues found; `issueErrors` names the rest (not read: a missing issue is not swept). */
export const BulkIssuesSchema = z.looseObject({ issues: z.array(IssueBeanSchema).optional() });

/** SearchAndReconcileResults: no `nextPageToken` on the last page (the document also allows null). */
export const SearchResultsSchema = z.looseObject({
  issues: z.array(IssueBeanSchema).optional(),
  isLast: z.boolean().optional(),
  nextPageToken: z.string().nullable().optional(),
});

/** CreatedIssue. */
export const CreatedIssueSchema = z.looseObject({ id: z.string(), key: z.string() });

/** Transitions: `to` is the target StatusDetails. */
export const TransitionsSchema = z.looseObject({ transitions: z.array(IssueTransitionSchema).optional() });

/** Comment (as created). */
export const CommentSchema = z.looseObject({ id: z.string() });

/** PageOfComments: only the author is read, to find the caller's own comments. */
export const PageOfCommentsSchema = z.looseObject({
  startAt: z.number(),
  total: z.number(),
  comments: z.array(
    z.looseObject({
      id: z.string(),
      author: z.looseObject({ accountId: z.string().optional() }).optional(),
    }),
  ),
});

/** EntityProperty. */
export const EntityPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

/** User (GET /myself, GET /user). `displayName` can be withheld by the user's profile visibility settings. */
export const UserSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  active: z.boolean(),
  accountType: z.string().optional(),
});

/** User[] (GET /user/viewissue/search). */
export const UsersSchema = z.array(UserSchema);

/** GroupName[] (GET /user/groups); `name` is optional in the document. */
export const GroupNamesSchema = z.array(z.looseObject({ name: z.string().optional() }));

/** Permissions (GET /mypermissions). */
export const MyPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })),
});

/** The marker the client writes with a comment or an issue so that a retry can tell whether the write happened. */
export const IdempotencyMarkerSchema = z.looseObject({ idempotencyKey: z.string() });

/** BulkChangelogResponseBean (POST /rest/api/3/changelog/bulkfetch): histories oldest first; no token on the last page. */
export const BulkChangelogSchema = z.looseObject({
  issueChangeLogs: z
    .array(
      z.looseObject({
        issueId: z.string().optional(),
        changeHistories: z.array(ChangeHistorySchema).optional(),
      }),
    )
    .optional(),
  nextPageToken: z.string().nullable().optional(),
});
