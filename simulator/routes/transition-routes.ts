import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import { performTransition } from '../workflow/workflow-engine';
import { renderTransitions } from './issue-expansions';
import { parseBody, RecordSchema, requireIssue } from './route-helpers';

const TransitionBody = z.object({
  transition: z.object({ id: z.string().optional() }).loose().optional(),
  fields: RecordSchema.optional(),
  update: RecordSchema.optional(),
  properties: z.array(z.object({ key: z.string().optional(), value: z.unknown() })).optional(),
});

export const transitionRoutes: RouteTable = {
  getTransitions: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const includeUnavailable = ctx.query.bool('includeUnavailableTransitions', false);
    const only = ctx.query.string('transitionId');
    const transitions = renderTransitions(ctx, issue, { includeUnavailable, onlyId: only });
    return { status: 200, body: { transitions } };
  },

  doTransition: async (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const body = parseBody(TransitionBody, ctx.body);
    const transitionId = body.transition?.id;
    if (transitionId === undefined) throw jiraError(400, ['Missing transition id.']);
    await performTransition(ctx.core, issue, ctx.principal, transitionId, {
      fields: body.fields,
      update: body.update,
      properties: body.properties,
    });
    return { status: 204 };
  },
};
