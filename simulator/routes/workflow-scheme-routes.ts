import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimWorkflowScheme } from '../state/model';
import { apiUrl, pageOf, parseBody, requireAdmin } from './route-helpers';

const CreateSchemeBody = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  defaultWorkflow: z.string().optional(),
  issueTypeMappings: z.record(z.string(), z.string()).optional(),
});

const AssociationBody = z.object({ projectId: z.string(), workflowSchemeId: z.string().optional() });

const renderScheme = (ctx: RouteContext, scheme: SimWorkflowScheme): Record<string, unknown> => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  defaultWorkflow: scheme.defaultWorkflow,
  issueTypeMappings: scheme.issueTypeMappings,
  draft: false,
  self: apiUrl(ctx, `workflowscheme/${scheme.id}`),
});

export const workflowSchemeRoutes: RouteTable = {
  getAllWorkflowSchemes: (ctx) => {
    requireAdmin(ctx);
    const page = pageOf(ctx, [...ctx.core.state.workflowSchemes.values()], 50);
    return { status: 200, body: { ...page, values: page.values.map((scheme) => renderScheme(ctx, scheme)) } };
  },

  createWorkflowScheme: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateSchemeBody, ctx.body);
    const { state } = ctx.core;
    const mappings = body.issueTypeMappings ?? {};
    const defaultWorkflow = body.defaultWorkflow ?? state.defaultWorkflowName;
    const unknownWorkflow = [defaultWorkflow, ...Object.values(mappings)].find(
      (name) => state.workflowByName(name) === undefined,
    );
    if (unknownWorkflow !== undefined)
      throw jiraError(400, [`The workflow '${unknownWorkflow}' does not exist.`]);
    const unknownType = Object.keys(mappings).find((id) => !state.issueTypes.has(id));
    if (unknownType !== undefined) throw jiraError(400, [`The issue type '${unknownType}' does not exist.`]);
    const scheme: SimWorkflowScheme = {
      id: state.ids.next('workflowscheme'),
      name: body.name ?? 'Workflow scheme',
      description: body.description ?? '',
      defaultWorkflow,
      issueTypeMappings: { ...mappings },
    };
    state.workflowSchemes.set(scheme.id, scheme);
    return { status: 201, body: renderScheme(ctx, scheme) };
  },

  getWorkflowSchemeProjectAssociations: (ctx) => {
    requireAdmin(ctx);
    const { state } = ctx.core;
    const bySchemes = new Map<string, string[]>();
    for (const projectId of ctx.query.list('projectId')) {
      const project = state.projects.get(projectId);
      if (project !== undefined) {
        bySchemes.set(project.workflowSchemeId, [
          ...(bySchemes.get(project.workflowSchemeId) ?? []),
          projectId,
        ]);
      }
    }
    const values = [...bySchemes].flatMap(([schemeId, projectIds]) => {
      const scheme = state.workflowSchemes.get(Number(schemeId));
      return scheme === undefined ? [] : [{ projectIds, workflowScheme: renderScheme(ctx, scheme) }];
    });
    return { status: 200, body: { values } };
  },

  /** Existing issues keep their workflow (Jira would migrate them); new issues use the scheme. */
  assignSchemeToProject: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(AssociationBody, ctx.body);
    const { state } = ctx.core;
    const project = state.projects.get(body.projectId);
    if (project === undefined) throw jiraError(404, [`The project '${body.projectId}' was not found.`]);
    const schemeId = body.workflowSchemeId ?? '10000';
    if (!state.workflowSchemes.has(Number(schemeId)))
      throw jiraError(404, [`The workflow scheme '${schemeId}' was not found.`]);
    project.workflowSchemeId = schemeId;
    return { status: 204 };
  },
};
