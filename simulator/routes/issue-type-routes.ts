import { z } from 'zod';
import { renderIssueType } from '../issues/issue-renderer';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimIssueTypeScheme } from '../state/model';
import { pageOf, parseBody, renderContext, requireAdmin } from './route-helpers';

const CreateIssueTypeBody = z.object({
  name: z.string(),
  description: z.string().optional(),
  type: z.enum(['subtask', 'standard']).optional(),
  hierarchyLevel: z.number().int().optional(),
});

const CreateSchemeBody = z.object({
  name: z.string(),
  description: z.string().optional(),
  defaultIssueTypeId: z.string().optional(),
  issueTypeIds: z.array(z.string()),
});

const AssociationBody = z.object({ issueTypeSchemeId: z.string(), projectId: z.string() });
const IssueTypeIdsBody = z.object({ issueTypeIds: z.array(z.string()) });

const renderScheme = (scheme: SimIssueTypeScheme): Record<string, unknown> => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  isDefault: scheme.isDefault,
  ...(scheme.defaultIssueTypeId === undefined ? {} : { defaultIssueTypeId: scheme.defaultIssueTypeId }),
});

const requireScheme = (ctx: RouteContext, id: string): SimIssueTypeScheme => {
  const scheme = ctx.core.state.issueTypeSchemes.get(id);
  if (scheme === undefined) throw jiraError(404, [`The issue type scheme '${id}' was not found.`]);
  return scheme;
};

const requireIssueTypes = (ctx: RouteContext, ids: readonly string[]): void => {
  const unknown = ids.find((id) => !ctx.core.state.issueTypes.has(id));
  if (unknown !== undefined) throw jiraError(400, [`The issue type '${unknown}' does not exist.`]);
};

export const issueTypeRoutes: RouteTable = {
  getIssueAllTypes: (ctx) => ({
    status: 200,
    body: [...ctx.core.state.issueTypes.values()].map((type) => renderIssueType(renderContext(ctx), type)),
  }),

  createIssueType: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateIssueTypeBody, ctx.body);
    if (ctx.core.state.issueType(body.name) !== undefined) {
      throw jiraError(409, ['An issue type with this name already exists.']);
    }
    const type = ctx.core.state.addIssueType({
      name: body.name,
      ...(body.description === undefined ? {} : { description: body.description }),
      subtask: body.type === 'subtask' || body.hierarchyLevel === -1,
    });
    return { status: 201, body: renderIssueType(renderContext(ctx), type) };
  },

  getAllIssueTypeSchemes: (ctx) => {
    requireAdmin(ctx);
    const ids = ctx.query.list('id');
    const schemes = [...ctx.core.state.issueTypeSchemes.values()].filter(
      (scheme) => ids.length === 0 || ids.includes(scheme.id),
    );
    const page = pageOf(ctx, schemes, 50);
    return { status: 200, body: { ...page, values: page.values.map(renderScheme) } };
  },

  createIssueTypeScheme: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(CreateSchemeBody, ctx.body);
    requireIssueTypes(ctx, body.issueTypeIds);
    if ([...ctx.core.state.issueTypeSchemes.values()].some((scheme) => scheme.name === body.name)) {
      throw jiraError(409, [`An issue type scheme with the name '${body.name}' already exists.`]);
    }
    const id = ctx.core.state.ids.nextString('issuetypescheme');
    ctx.core.state.issueTypeSchemes.set(id, {
      id,
      name: body.name,
      description: body.description ?? '',
      defaultIssueTypeId: body.defaultIssueTypeId,
      issueTypeIds: [...body.issueTypeIds],
      isDefault: false,
    });
    return { status: 201, body: { issueTypeSchemeId: id } };
  },

  getIssueTypeSchemeForProjects: (ctx) => {
    requireAdmin(ctx);
    const projectIds = ctx.query.list('projectId');
    const bySchemes = new Map<string, string[]>();
    for (const projectId of projectIds) {
      const project = ctx.core.state.projects.get(projectId);
      if (project !== undefined)
        bySchemes.set(project.issueTypeSchemeId, [
          ...(bySchemes.get(project.issueTypeSchemeId) ?? []),
          projectId,
        ]);
    }
    const values = [...bySchemes].map(([schemeId, ids]) => ({
      issueTypeScheme: renderScheme(requireScheme(ctx, schemeId)),
      projectIds: ids,
    }));
    const page = pageOf(ctx, values, 50);
    return { status: 200, body: page };
  },

  assignIssueTypeSchemeToProject: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(AssociationBody, ctx.body);
    const scheme = requireScheme(ctx, body.issueTypeSchemeId);
    const project = ctx.core.state.projects.get(body.projectId);
    if (project === undefined) throw jiraError(404, [`The project '${body.projectId}' was not found.`]);
    project.issueTypeSchemeId = scheme.id;
    return { status: 204 };
  },

  getIssueTypeSchemesMapping: (ctx) => {
    requireAdmin(ctx);
    const ids = ctx.query.list('issueTypeSchemeId');
    const values = [...ctx.core.state.issueTypeSchemes.values()]
      .filter((scheme) => ids.length === 0 || ids.includes(scheme.id))
      .flatMap((scheme) =>
        scheme.issueTypeIds.map((issueTypeId) => ({ issueTypeSchemeId: scheme.id, issueTypeId })),
      );
    return { status: 200, body: pageOf(ctx, values, 50) };
  },

  addIssueTypesToIssueTypeScheme: (ctx) => {
    requireAdmin(ctx);
    const scheme = requireScheme(ctx, ctx.params.issueTypeSchemeId ?? '');
    const body = parseBody(IssueTypeIdsBody, ctx.body);
    requireIssueTypes(ctx, body.issueTypeIds);
    const already = body.issueTypeIds.find((id) => scheme.issueTypeIds.includes(id));
    if (already !== undefined)
      throw jiraError(400, [`The issue type '${already}' is already in the issue type scheme.`]);
    scheme.issueTypeIds.push(...body.issueTypeIds);
    return { status: 204 };
  },
};
