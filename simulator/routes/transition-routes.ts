import { z } from 'zod';
import { renderStatus } from '../issues/issue-renderer';
import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import { listTransitions, performTransition } from '../workflow/workflow-engine';
import { parseBody, RecordSchema, renderContext, requireIssue } from './route-helpers';

const TransitionBody = z.object({
  transition: z.object({ id: z.string().optional() }).loose().optional(),
  fields: RecordSchema.optional(),
  update: RecordSchema.optional(),
});

export const transitionRoutes: RouteTable = {
  getTransitions: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const includeUnavailable = ctx.query.bool('includeUnavailableTransitions', false);
    const only = ctx.query.string('transitionId');
    const transitions = listTransitions(ctx.core, issue, ctx.principal)
      .filter((option) => option.available || includeUnavailable)
      .filter((option) => only === undefined || option.transition.id === only)
      .map(({ transition, toStatus, available }) => ({
        id: transition.id,
        name: transition.name,
        to: renderStatus(renderContext(ctx), toStatus),
        hasScreen: false,
        isGlobal: transition.type === 'GLOBAL',
        isInitial: false,
        isAvailable: available,
        isConditional:
          transition.conditions !== undefined &&
          transition.conditions.conditions.length + transition.conditions.conditionGroups.length > 0,
        isLooped: false,
      }));
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
    });
    return { status: 204 };
  },
};
