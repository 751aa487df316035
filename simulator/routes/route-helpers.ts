import { z } from 'zod';
import type { RenderContext } from '../issues/issue-renderer';
import { canBrowse, canSeeLevel, isAdmin } from '../state/permissions';
import type { SimIssue, SimProject } from '../state/model';
import { jiraError, permissionError } from '../http/jira-error';
import type { RouteContext } from '../http/route-types';

export const renderContext = (ctx: RouteContext): RenderContext => ({
  state: ctx.core.state,
  baseUrl: ctx.core.baseUrl(),
  changelogLimit: ctx.core.habits.expandedChangelogLimit,
});

export const apiUrl = (ctx: RouteContext, path: string): string => `${ctx.core.baseUrl()}/rest/api/3/${path}`;

export const canSeeProject = (ctx: RouteContext, project: SimProject): boolean =>
  canBrowse(ctx.core.state.groups.values(), ctx.principal, project);

export const canSeeIssue = (ctx: RouteContext, issue: SimIssue): boolean => {
  const { state } = ctx.core;
  const project = state.projects.get(issue.projectId);
  if (project === undefined || !canSeeProject(ctx, project)) return false;
  const level =
    issue.securityLevelId === undefined ? undefined : state.securityLevels.get(issue.securityLevelId);
  // A level that no longer exists hides the issue from people rather than showing it (fail closed).
  if (issue.securityLevelId !== undefined && level === undefined) return ctx.principal.isApp;
  return canSeeLevel(state.groups.values(), ctx.principal, level);
};

/** Jira answers 404 alike for a missing issue and one the caller may not browse. */
export const requireIssue = (ctx: RouteContext, idOrKey: string | undefined): SimIssue => {
  const issue = idOrKey === undefined ? undefined : ctx.core.state.issue(idOrKey);
  if (issue === undefined || !canSeeIssue(ctx, issue)) {
    throw jiraError(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  return issue;
};

export const requireProject = (ctx: RouteContext, keyOrId: string | undefined): SimProject => {
  const project = keyOrId === undefined ? undefined : ctx.core.state.project(keyOrId);
  if (project === undefined || !canSeeProject(ctx, project)) {
    throw jiraError(404, [`No project could be found with key '${keyOrId ?? ''}'.`]);
  }
  return project;
};

/** Jira administration (workflows, fields, schemes, screens): site admins and the app. */
export const requireAdmin = (ctx: RouteContext): void => {
  if (!isAdmin(ctx.principal)) {
    throw permissionError(
      ctx.operation,
      'You do not have permission to perform this operation: Administer Jira is required.',
    );
  }
};

/**
 * Bodies are already checked against the document; zod gives them types and catches what the document
 * leaves open. A mismatch is a 400 like any invalid request.
 */
export const parseBody = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw jiraError(
      400,
      result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
    );
  }
  return result.data;
};

/** startAt/maxResults paging of the classic "PageBean" responses. */
export const pageOf = <T>(
  ctx: RouteContext,
  items: readonly T[],
  defaultMax: number,
): { startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] } => {
  const startAt = Math.max(0, ctx.query.int('startAt', 0));
  const maxResults = Math.max(0, ctx.query.int('maxResults', defaultMax));
  const values = items.slice(startAt, startAt + maxResults);
  return {
    startAt,
    maxResults,
    total: items.length,
    isLast: startAt + values.length >= items.length,
    values,
  };
};

export const RecordSchema = z.record(z.string(), z.unknown());
