import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import type { SimStatus } from '../state/model';
import { pageOf, parseBody, requireAdmin } from './route-helpers';

export const renderJiraStatus = (status: SimStatus): Record<string, unknown> => ({
  id: status.id,
  name: status.name,
  description: status.description,
  statusCategory: status.statusCategory,
  scope:
    status.scope.type === 'GLOBAL'
      ? { type: 'GLOBAL' }
      : { type: 'PROJECT', project: { id: status.scope.projectId } },
});

const Category = z.enum(['TODO', 'IN_PROGRESS', 'DONE']);

const CreateStatusesBody = z.object({
  scope: z.object({ type: z.enum(['PROJECT', 'GLOBAL']), project: z.object({ id: z.string() }).optional() }),
  statuses: z.array(
    z.object({ name: z.string(), statusCategory: Category, description: z.string().optional() }),
  ),
});

export const statusRoutes: RouteTable = {
  search: (ctx) => {
    const projectId = ctx.query.string('projectId');
    const text = ctx.query.string('searchString')?.toLowerCase();
    const category = ctx.query.string('statusCategory');
    const statuses = [...ctx.core.state.statuses.values()].filter(
      (status) =>
        (projectId === undefined || status.scope.type === 'GLOBAL' || status.scope.projectId === projectId) &&
        (text === undefined || status.name.toLowerCase().includes(text)) &&
        (category === undefined || status.statusCategory === category),
    );
    const page = pageOf(ctx, statuses, 200);
    return { status: 200, body: { ...page, values: page.values.map(renderJiraStatus) } };
  },

  getStatusesById: (ctx) => {
    const ids = ctx.query.list('id');
    return {
      status: 200,
      body: ids.flatMap((id) => {
        const status = ctx.core.state.statuses.get(id);
        return status === undefined ? [] : [renderJiraStatus(status)];
      }),
    };
  },

  createStatuses: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateStatusesBody, ctx.body);
    const { state } = ctx.core;
    const projectId = body.scope.project?.id;
    if (body.scope.type === 'PROJECT' && (projectId === undefined || !state.projects.has(projectId))) {
      throw jiraError(400, ['A valid project is required for a project-scoped status.']);
    }
    const taken = body.statuses.find((seed) => state.status(seed.name) !== undefined);
    if (taken !== undefined) throw jiraError(409, [`A status with the name '${taken.name}' already exists.`]);
    const scope: SimStatus['scope'] =
      projectId === undefined ? { type: 'GLOBAL' } : { type: 'PROJECT', projectId };
    const created = body.statuses.map((seed) =>
      state.addStatus({
        name: seed.name,
        statusCategory: seed.statusCategory,
        description: seed.description ?? '',
        scope,
      }),
    );
    return { status: 200, body: created.map(renderJiraStatus) };
  },
};
