import { renderIssueType, projectAvatarUrls } from '../issues/issue-renderer';
import { renderUser } from '../issues/field-values';
import type { RouteTable } from '../http/route-types';
import { toJiraDateTime } from '../state/jira-time';
import { apiUrl, renderContext, requireProject } from './route-helpers';

export const projectRoutes: RouteTable = {
  getProject: (ctx) => {
    const project = requireProject(ctx, ctx.params.projectIdOrKey);
    const { state } = ctx.core;
    const lead = project.leadAccountId === undefined ? undefined : state.user(project.leadAccountId);
    return {
      status: 200,
      body: {
        expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
        self: apiUrl(ctx, `project/${project.id}`),
        id: project.id,
        key: project.key,
        name: project.name,
        description: '',
        ...(lead === undefined ? {} : { lead: renderUser(ctx.core.baseUrl(), lead) }),
        issueTypes: state
          .issueTypesOfProject(project)
          .map((type) => renderIssueType(renderContext(ctx), type)),
        assigneeType: 'UNASSIGNED',
        avatarUrls: projectAvatarUrls(renderContext(ctx), project),
        projectTypeKey: project.projectTypeKey,
        simplified: false,
        style: 'classic',
        isPrivate: project.browse !== 'everyone',
        properties: {},
      },
    };
  },

  getServerInfo: (ctx) => {
    const now = toJiraDateTime(ctx.core.state.nowIso());
    return {
      status: 200,
      body: {
        baseUrl: ctx.core.baseUrl(),
        displayUrl: ctx.core.baseUrl(),
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100_000,
        buildDate: now,
        serverTime: now,
        scmInfo: 'jira-simulator',
        serverTitle: 'Jira (simulator)',
      },
    };
  },
};
