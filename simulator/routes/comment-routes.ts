import { z } from 'zod';
import { renderComment } from '../issues/issue-renderer';
import { addComment } from '../issues/issue-writer';
import { INVALID_ADF } from '../issues/field-values';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimComment } from '../state/model';
import { emitIssueEvent } from '../workflow/issue-events';
import { canSeeIssue, parseBody, renderContext, requireIssue } from './route-helpers';

const CommentBody = z.object({
  body: z.unknown(),
  visibility: z.unknown().optional(),
  properties: z.array(z.object({ key: z.string().optional(), value: z.unknown() })).optional(),
});

/** A comment by id, on an issue the caller may see; Jira answers 404 alike for missing and hidden ones. */
const requireComment = (ctx: RouteContext): SimComment => {
  const commentId = ctx.params.commentId ?? '';
  for (const issue of ctx.core.state.issues.values()) {
    const comment = issue.comments.find((candidate) => candidate.id === commentId);
    if (comment !== undefined && canSeeIssue(ctx, issue)) return comment;
  }
  throw jiraError(404, [`Can not find a comment for the id: ${commentId}.`]);
};

/** The document's default page size for GET /issue/{key}/comment (maxResults default 100), and the ceiling. */
const DEFAULT_COMMENT_PAGE = 100;
const MAX_COMMENTS = 5000;

export const commentRoutes: RouteTable = {
  addComment: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const { body, visibility, properties } = parseBody(CommentBody, ctx.body);
    // REST v3 takes Atlassian Document Format only; a plain string or a broken document is refused.
    if (!ctx.core.state.isValidAdf(body)) throw jiraError(400, [], { comment: INVALID_ADF });
    const actor = ctx.principal.user.accountId;
    const comment = addComment(ctx.core.state, issue, actor, body, visibility);
    const keyed = (properties ?? []).flatMap(({ key, value }) =>
      key === undefined ? [] : [[key, value] as const],
    );
    if (keyed.length > 0) comment.properties = new Map(keyed);
    emitIssueEvent(ctx.core, 'avi:jira:commented:issue', issue, actor, { comment: { id: comment.id } });
    return { status: 201, body: renderComment(renderContext(ctx), issue, comment) };
  },

  getComments: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const orderBy = ctx.query.string('orderBy') ?? 'created';
    const sorted = [...issue.comments].sort(
      (a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id),
    );
    if (orderBy.startsWith('-')) sorted.reverse();
    const startAt = Math.max(0, ctx.query.int('startAt', 0));
    const maxResults = Math.min(MAX_COMMENTS, Math.max(0, ctx.query.int('maxResults', DEFAULT_COMMENT_PAGE)));
    return {
      status: 200,
      body: {
        startAt,
        maxResults,
        total: sorted.length,
        comments: sorted
          .slice(startAt, startAt + maxResults)
          .map((comment) => renderComment(renderContext(ctx), issue, comment)),
      },
    };
  },

  getCommentProperty: (ctx) => {
    const comment = requireComment(ctx);
    const key = ctx.params.propertyKey ?? '';
    if (comment.properties?.has(key) !== true)
      throw jiraError(404, [`The property with key '${key}' does not exist.`]);
    return { status: 200, body: { key, value: comment.properties.get(key) } };
  },

  setCommentProperty: (ctx) => {
    const comment = requireComment(ctx);
    const key = ctx.params.propertyKey ?? '';
    if (ctx.body === undefined) throw jiraError(400, ['The property value must be valid JSON.']);
    const properties = comment.properties ?? new Map<string, unknown>();
    const existed = properties.has(key);
    properties.set(key, ctx.body);
    comment.properties = properties;
    return { status: existed ? 200 : 201 };
  },
};
