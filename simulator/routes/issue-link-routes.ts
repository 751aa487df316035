import { z } from 'zod';
import { addComment } from '../issues/issue-writer';
import { INVALID_ADF } from '../issues/field-values';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimIssue } from '../state/model';
import { canSeeIssue, parseBody } from './route-helpers';

const IssueRef = z.object({ id: z.string().optional(), key: z.string().optional() });

const LinkBody = z.object({
  type: z.object({ id: z.string().optional(), name: z.string().optional() }),
  inwardIssue: IssueRef,
  outwardIssue: IssueRef,
  comment: z.object({ body: z.unknown() }).loose().optional(),
});

const linkedIssue = (ctx: RouteContext, ref: z.infer<typeof IssueRef>): SimIssue => {
  const idOrKey = ref.key ?? ref.id ?? '';
  const issue = ctx.core.state.issue(idOrKey);
  if (issue === undefined || !canSeeIssue(ctx, issue)) {
    throw jiraError(404, [`Issue '${idOrKey}' does not exist or you do not have permission to see it.`]);
  }
  return issue;
};

export const issueLinkRoutes: RouteTable = {
  linkIssues: (ctx) => {
    const body = parseBody(LinkBody, ctx.body);
    const { state } = ctx.core;
    const type = [...state.linkTypes.values()].find(
      (candidate) => candidate.id === body.type.id || candidate.name === body.type.name,
    );
    if (type === undefined)
      throw jiraError(404, [`No issue link type with name '${body.type.name ?? body.type.id ?? ''}' found.`]);
    const inward = linkedIssue(ctx, body.inwardIssue);
    const outward = linkedIssue(ctx, body.outwardIssue);
    if (body.comment !== undefined && !state.isValidAdf(body.comment.body)) {
      throw jiraError(400, [], { comment: INVALID_ADF });
    }
    const duplicate = state.links.some(
      (link) =>
        link.typeId === type.id && link.inwardIssueId === inward.id && link.outwardIssueId === outward.id,
    );
    // The document: a duplicate link is reported as created (and not stored twice); the comment goes to the outward issue.
    if (!duplicate) {
      state.links.push({
        id: state.ids.nextString('issuelink'),
        typeId: type.id,
        inwardIssueId: inward.id,
        outwardIssueId: outward.id,
      });
    }
    if (body.comment !== undefined)
      addComment(state, outward, ctx.principal.user.accountId, body.comment.body);
    return { status: 201 };
  },
};
