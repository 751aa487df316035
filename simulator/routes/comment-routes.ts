import { z } from 'zod';
import { renderComment } from '../issues/issue-renderer';
import { addComment } from '../issues/issue-writer';
import { INVALID_ADF } from '../issues/field-values';
import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import { emitIssueEvent } from '../workflow/issue-events';
import { parseBody, renderContext, requireIssue } from './route-helpers';

const CommentBody = z.object({ body: z.unknown(), visibility: z.unknown().optional() });

/** Jira's default and ceiling for comment pages. */
const MAX_COMMENTS = 5000;

export const commentRoutes: RouteTable = {
  addComment: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const { body, visibility } = parseBody(CommentBody, ctx.body);
    // REST v3 takes Atlassian Document Format only; a plain string or a broken document is refused.
    if (!ctx.core.state.isValidAdf(body)) throw jiraError(400, [], { comment: INVALID_ADF });
    const actor = ctx.principal.user.accountId;
    const comment = addComment(ctx.core.state, issue, actor, body, visibility);
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
    const maxResults = Math.min(MAX_COMMENTS, Math.max(0, ctx.query.int('maxResults', MAX_COMMENTS)));
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
};
