import { renderUser } from '../issues/field-values';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import { canAdministerProject, canBrowse, groupsOf, isAdmin, type Principal } from '../state/permissions';
import type { SimGroup, SimProject, SimUser } from '../state/model';
import { apiUrl, canSeeIssue, pageOf } from './route-helpers';

/** Permission keys the simulator answers in GET /mypermissions, with Jira's ids and types. */
const PERMISSIONS: Readonly<Record<string, { id: string; name: string; type: 'GLOBAL' | 'PROJECT' }>> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL' },
  SYSTEM_ADMIN: { id: '44', name: 'Administer Jira', type: 'GLOBAL' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', type: 'PROJECT' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT' },
  CREATE_ATTACHMENTS: { id: '19', name: 'Create Attachments', type: 'PROJECT' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT' },
};

const renderGroupName = (ctx: RouteContext, group: SimGroup): Record<string, unknown> => ({
  name: group.name,
  groupId: group.groupId,
  self: apiUrl(ctx, `group?groupId=${group.groupId}`),
});

/** User as GET /myself and GET /user return it; `expand=groups` lists the groups. */
const renderFullUser = (ctx: RouteContext, user: SimUser): Record<string, unknown> => {
  const groups = groupsOf(ctx.core.state.groups.values(), user.accountId);
  const expand = new Set(ctx.query.list('expand'));
  return {
    ...renderUser(ctx.core.baseUrl(), user),
    locale: 'en_US',
    groups: {
      size: groups.length,
      items: expand.has('groups') ? groups.map((group) => renderGroupName(ctx, group)) : [],
    },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
};

/**
 * A project permission holds in a project when the principal may browse it (the simulator does not model
 * finer permission schemes), ADMINISTER_PROJECTS when they are in its administer groups.
 */
const holdsInProject = (
  ctx: RouteContext,
  principal: Principal,
  key: string,
  project: SimProject,
): boolean => {
  const groups = ctx.core.state.groups.values();
  return key === 'ADMINISTER_PROJECTS'
    ? canAdministerProject(groups, principal, project)
    : canBrowse(groups, principal, project);
};

const contextProjects = (ctx: RouteContext): SimProject[] => {
  const { state } = ctx.core;
  const issueRef = ctx.query.string('issueKey') ?? ctx.query.string('issueId');
  if (issueRef !== undefined) {
    const issue = state.issue(issueRef);
    const project = issue === undefined ? undefined : state.projects.get(issue.projectId);
    if (issue === undefined || project === undefined || !canSeeIssue(ctx, issue)) {
      throw jiraError(404, [`Issue '${issueRef}' does not exist or you do not have permission to see it.`]);
    }
    return [project];
  }
  const projectRef = ctx.query.string('projectKey') ?? ctx.query.string('projectId');
  if (projectRef !== undefined) {
    const project = state.project(projectRef);
    if (project === undefined) throw jiraError(404, [`No project could be found with key '${projectRef}'.`]);
    return [project];
  }
  // Without a context Jira answers whether the user has the permission in at least one project.
  return [...state.projects.values()];
};

const requireUser = (ctx: RouteContext): SimUser => {
  const accountId = ctx.query.string('accountId');
  const user = accountId === undefined ? undefined : ctx.core.state.user(accountId);
  if (user === undefined)
    throw jiraError(404, ['Specified user does not exist or you do not have required permissions']);
  return user;
};

export const userRoutes: RouteTable = {
  getCurrentUser: (ctx) => ({ status: 200, body: renderFullUser(ctx, ctx.principal.user) }),

  getMyPermissions: (ctx) => {
    const keys = ctx.query.list('permissions');
    if (keys.length === 0) throw jiraError(400, ['The permissions query parameter is required.']);
    const unknown = keys.find((key) => PERMISSIONS[key] === undefined);
    if (unknown !== undefined) throw jiraError(400, [`The permission key '${unknown}' is not valid.`]);
    const projects = contextProjects(ctx);
    const permissions = Object.fromEntries(
      keys.map((key) => {
        const meta = PERMISSIONS[key] ?? { id: '', name: key, type: 'PROJECT' as const };
        const havePermission =
          meta.type === 'GLOBAL'
            ? key === 'USER_PICKER' || isAdmin(ctx.principal)
            : projects.some((project) => holdsInProject(ctx, ctx.principal, key, project));
        return [
          key,
          { id: meta.id, key, name: meta.name, type: meta.type, description: meta.name, havePermission },
        ];
      }),
    );
    return { status: 200, body: { permissions } };
  },

  getUser: (ctx) => ({ status: 200, body: renderFullUser(ctx, requireUser(ctx)) }),

  /**
   * GET /user/viewissue/search: the users matching `accountId` (or, without one, every user) who may browse the
   * issue (`issueKey`) or the project (`projectKey`), as the caller may see it. Jira's `query` matching of names
   * and emails is not modelled: a `query` narrows to users whose display name contains it.
   */
  findUsersWithBrowsePermission: (ctx) => {
    const { state } = ctx.core;
    const issueKey = ctx.query.string('issueKey');
    const projectKey = ctx.query.string('projectKey');
    if (issueKey === undefined && projectKey === undefined)
      throw jiraError(400, ['Either an issue key or a project key is required.']);
    const [project] = contextProjects(ctx);
    if (project === undefined) throw jiraError(404, ['No project could be found.']);
    const accountId = ctx.query.string('accountId');
    const query = ctx.query.string('query')?.toLowerCase();
    const candidates = [...state.users.values()].filter(
      (user) =>
        (accountId === undefined || user.accountId === accountId) &&
        (query === undefined || user.displayName.toLowerCase().includes(query)),
    );
    const groups = state.groups.values();
    const browsing = candidates.filter((user) => canBrowse(groups, { user, isApp: false }, project));
    const page = pageOf(ctx, browsing, 50);
    return { status: 200, body: page.values.map((user) => renderUser(ctx.core.baseUrl(), user)) };
  },

  getUserGroups: (ctx) => {
    const user = requireUser(ctx);
    return {
      status: 200,
      body: groupsOf(ctx.core.state.groups.values(), user.accountId).map((group) =>
        renderGroupName(ctx, group),
      ),
    };
  },

  getUsersFromGroup: (ctx) => {
    const { state } = ctx.core;
    const name = ctx.query.string('groupname');
    const id = ctx.query.string('groupId');
    const group = name !== undefined ? state.group(name) : id !== undefined ? state.groupById(id) : undefined;
    if (group === undefined) throw jiraError(404, ['The group was not found.']);
    const includeInactive = ctx.query.bool('includeInactiveUsers', false);
    const members = [...group.members]
      .flatMap((accountId) => state.user(accountId) ?? [])
      .filter((user) => includeInactive || user.active)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const page = pageOf(ctx, members, 50);
    return {
      status: 200,
      body: {
        ...page,
        self: apiUrl(
          ctx,
          `group/member?groupId=${group.groupId}&startAt=${page.startAt}&maxResults=${page.maxResults}`,
        ),
        values: page.values.map((user) => renderUser(ctx.core.baseUrl(), user)),
      },
    };
  },
};
