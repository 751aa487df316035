import { z } from 'zod';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimScreen, SimScreenTab } from '../state/model';
import { pageOf, parseBody, requireAdmin } from './route-helpers';

const NamedBody = z.object({ name: z.string(), description: z.string().optional() });
const AddFieldBody = z.object({ fieldId: z.string() });
const ScreenSchemeBody = z.object({
  name: z.string(),
  description: z.string().optional(),
  screens: z.object({
    default: z.number().int(),
    create: z.number().int().optional(),
    edit: z.number().int().optional(),
    view: z.number().int().optional(),
  }),
});
const IssueTypeScreenSchemeBody = z.object({
  name: z.string(),
  description: z.string().optional(),
  issueTypeMappings: z.array(z.object({ issueTypeId: z.string(), screenSchemeId: z.string() })),
});
const ProjectAssociationBody = z.object({
  issueTypeScreenSchemeId: z.string().optional(),
  projectId: z.string().optional(),
});

const requireScreen = (ctx: RouteContext): SimScreen => {
  const screen = ctx.core.state.screens.get(Number(ctx.params.screenId));
  if (screen === undefined) throw jiraError(404, [`The screen ${ctx.params.screenId ?? ''} was not found.`]);
  return screen;
};

const requireTab = (ctx: RouteContext, screen: SimScreen): SimScreenTab => {
  const tab = screen.tabs.find((candidate) => candidate.id === Number(ctx.params.tabId));
  if (tab === undefined) throw jiraError(404, [`The screen tab ${ctx.params.tabId ?? ''} was not found.`]);
  return tab;
};

const renderScreen = (screen: SimScreen): Record<string, unknown> => ({
  id: screen.id,
  name: screen.name,
  description: screen.description,
});

/** Screens are stored and listed; the simulator does not restrict which fields a request may set. */
export const screenRoutes: RouteTable = {
  getScreens: (ctx) => {
    requireAdmin(ctx);
    const ids = ctx.query.list('id').map(Number);
    const text = ctx.query.string('queryString')?.toLowerCase();
    const screens = [...ctx.core.state.screens.values()].filter(
      (screen) =>
        (ids.length === 0 || ids.includes(screen.id)) &&
        (text === undefined || screen.name.toLowerCase().includes(text)),
    );
    const page = pageOf(ctx, screens, 100);
    return { status: 200, body: { ...page, values: page.values.map(renderScreen) } };
  },

  createScreen: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(NamedBody, ctx.body);
    const { state } = ctx.core;
    if ([...state.screens.values()].some((screen) => screen.name === body.name)) {
      throw jiraError(400, [], { screenName: 'A screen with this name already exists.' });
    }
    const screen: SimScreen = {
      id: state.ids.next('screen'),
      name: body.name,
      description: body.description ?? '',
      tabs: [],
    };
    state.screens.set(screen.id, screen);
    return { status: 201, body: renderScreen(screen) };
  },

  getAllScreenTabs: (ctx) => {
    requireAdmin(ctx);
    return { status: 200, body: requireScreen(ctx).tabs.map((tab) => ({ id: tab.id, name: tab.name })) };
  },

  addScreenTab: (ctx) => {
    requireAdmin(ctx);
    const screen = requireScreen(ctx);
    const body = parseBody(NamedBody, ctx.body);
    if (screen.tabs.some((tab) => tab.name === body.name))
      throw jiraError(400, [`A tab named '${body.name}' already exists.`]);
    const tab: SimScreenTab = { id: ctx.core.state.ids.next('tab'), name: body.name, fieldIds: [] };
    screen.tabs.push(tab);
    return { status: 200, body: { id: tab.id, name: tab.name } };
  },

  getAllScreenTabFields: (ctx) => {
    requireAdmin(ctx);
    const tab = requireTab(ctx, requireScreen(ctx));
    return {
      status: 200,
      body: tab.fieldIds.map((id) => ({ id, name: ctx.core.state.fields.get(id)?.name ?? id })),
    };
  },

  addScreenTabField: (ctx) => {
    requireAdmin(ctx);
    const screen = requireScreen(ctx);
    const tab = requireTab(ctx, screen);
    const { fieldId } = parseBody(AddFieldBody, ctx.body);
    const field = ctx.core.state.fields.get(fieldId);
    if (field === undefined) throw jiraError(400, [`The field '${fieldId}' does not exist.`]);
    if (screen.tabs.some((candidate) => candidate.fieldIds.includes(fieldId))) {
      throw jiraError(400, [`The field '${fieldId}' is already on the screen.`]);
    }
    tab.fieldIds.push(fieldId);
    return { status: 200, body: { id: field.id, name: field.name } };
  },

  getScreenSchemes: (ctx) => {
    requireAdmin(ctx);
    const page = pageOf(ctx, [...ctx.core.state.screenSchemes.values()], 25);
    return {
      status: 200,
      body: {
        ...page,
        values: page.values.map((scheme) => ({
          id: scheme.id,
          name: scheme.name,
          description: scheme.description,
          screens: scheme.screens,
        })),
      },
    };
  },

  createScreenScheme: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(ScreenSchemeBody, ctx.body);
    const { state } = ctx.core;
    const missing = Object.values(body.screens).find((id) => id !== undefined && !state.screens.has(id));
    if (missing !== undefined) throw jiraError(404, [`The screen ${missing} was not found.`]);
    const id = state.ids.next('screenscheme');
    const { default: defaultScreen, ...others } = body.screens;
    state.screenSchemes.set(id, {
      id,
      name: body.name,
      description: body.description ?? '',
      screens: {
        default: defaultScreen,
        ...Object.fromEntries(Object.entries(others).filter(([, value]) => value !== undefined)),
      },
    });
    return { status: 201, body: { id } };
  },

  getIssueTypeScreenSchemes: (ctx) => {
    requireAdmin(ctx);
    const page = pageOf(ctx, [...ctx.core.state.issueTypeScreenSchemes.values()], 25);
    return {
      status: 200,
      body: {
        ...page,
        values: page.values.map((scheme) => ({
          id: scheme.id,
          name: scheme.name,
          description: scheme.description,
        })),
      },
    };
  },

  createIssueTypeScreenScheme: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(IssueTypeScreenSchemeBody, ctx.body);
    const { state } = ctx.core;
    const missing = body.issueTypeMappings.find(
      (mapping) => !state.screenSchemes.has(Number(mapping.screenSchemeId)),
    );
    if (missing !== undefined)
      throw jiraError(404, [`The screen scheme ${missing.screenSchemeId} was not found.`]);
    if (!body.issueTypeMappings.some((mapping) => mapping.issueTypeId === 'default')) {
      throw jiraError(400, ['The default issue type mapping is required.']);
    }
    const id = state.ids.nextString('issuetypescreenscheme');
    state.issueTypeScreenSchemes.set(id, {
      id,
      name: body.name,
      description: body.description ?? '',
      mappings: body.issueTypeMappings,
    });
    return { status: 201, body: { id } };
  },

  getIssueTypeScreenSchemeMappings: (ctx) => {
    requireAdmin(ctx);
    const ids = ctx.query.list('issueTypeScreenSchemeId');
    const values = [...ctx.core.state.issueTypeScreenSchemes.values()]
      .filter((scheme) => ids.length === 0 || ids.includes(scheme.id))
      .flatMap((scheme) =>
        scheme.mappings.map((mapping) => ({
          issueTypeScreenSchemeId: scheme.id,
          issueTypeId: mapping.issueTypeId,
          screenSchemeId: mapping.screenSchemeId,
        })),
      );
    return { status: 200, body: pageOf(ctx, values, 50) };
  },

  getIssueTypeScreenSchemeProjectAssociations: (ctx) => {
    requireAdmin(ctx);
    const { state } = ctx.core;
    const bySchemes = new Map<string, string[]>();
    for (const projectId of ctx.query.list('projectId')) {
      const project = state.projects.get(projectId);
      if (project !== undefined) {
        bySchemes.set(project.issueTypeScreenSchemeId, [
          ...(bySchemes.get(project.issueTypeScreenSchemeId) ?? []),
          projectId,
        ]);
      }
    }
    const values = [...bySchemes].flatMap(([schemeId, projectIds]) => {
      const scheme = state.issueTypeScreenSchemes.get(schemeId);
      return scheme === undefined
        ? []
        : [
            {
              issueTypeScreenScheme: { id: scheme.id, name: scheme.name, description: scheme.description },
              projectIds,
            },
          ];
    });
    return { status: 200, body: pageOf(ctx, values, 50) };
  },

  assignIssueTypeScreenSchemeToProject: (ctx) => {
    requireAdmin(ctx);
    const body = parseBody(ProjectAssociationBody, ctx.body);
    const { state } = ctx.core;
    const project = body.projectId === undefined ? undefined : state.projects.get(body.projectId);
    if (project === undefined) throw jiraError(404, [`The project '${body.projectId ?? ''}' was not found.`]);
    const schemeId = body.issueTypeScreenSchemeId ?? '1';
    if (!state.issueTypeScreenSchemes.has(schemeId))
      throw jiraError(404, [`The issue type screen scheme ${schemeId} was not found.`]);
    project.issueTypeScreenSchemeId = schemeId;
    return { status: 204 };
  },
};
