import type { SimState } from '../state/sim-state';
import type {
  SimAttachment,
  SimChangeHistory,
  SimComment,
  SimIssue,
  SimIssueType,
  SimProject,
  SimStatus,
  SimUser,
} from '../state/model';
import { toJiraDateTime } from '../state/jira-time';
import { renderFieldValue, renderUser } from './field-values';

export interface RenderContext {
  readonly state: SimState;
  readonly baseUrl: string;
  /** The most recent histories an expanded changelog sends (habits.expandedChangelogLimit). */
  readonly changelogLimit: number;
}

const STATUS_CATEGORIES = {
  TODO: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  IN_PROGRESS: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  DONE: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

const api = (ctx: RenderContext, path: string): string => `${ctx.baseUrl}/rest/api/3/${path}`;

export const renderStatus = (ctx: RenderContext, status: SimStatus): Record<string, unknown> => {
  const category = STATUS_CATEGORIES[status.statusCategory];
  return {
    self: api(ctx, `status/${status.id}`),
    description: status.description,
    iconUrl: `${ctx.baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: api(ctx, `statuscategory/${category.id}`), ...category },
  };
};

export const renderIssueType = (ctx: RenderContext, type: SimIssueType): Record<string, unknown> => ({
  self: api(ctx, `issuetype/${type.id}`),
  id: type.id,
  description: type.description,
  iconUrl: `${ctx.baseUrl}/images/icons/issuetypes/task.svg`,
  name: type.name,
  subtask: type.subtask,
  hierarchyLevel: type.hierarchyLevel,
});

export const projectAvatarUrls = (ctx: RenderContext, project: SimProject): Record<string, string> =>
  Object.fromEntries(
    ['16x16', '24x24', '32x32', '48x48'].map((size) => [
      size,
      `${ctx.baseUrl}/secure/projectavatar?pid=${project.id}&s=${size}`,
    ]),
  );

export const renderProjectRef = (ctx: RenderContext, project: SimProject): Record<string, unknown> => ({
  self: api(ctx, `project/${project.id}`),
  id: project.id,
  key: project.key,
  name: project.name,
  projectTypeKey: project.projectTypeKey,
  simplified: false,
  avatarUrls: projectAvatarUrls(ctx, project),
});

const renderUserOrId = (ctx: RenderContext, accountId: string | null): Record<string, unknown> | null => {
  if (accountId === null) return null;
  const user: SimUser | undefined = ctx.state.user(accountId);
  return user === undefined ? { accountId } : renderUser(ctx.baseUrl, user);
};

export const renderComment = (
  ctx: RenderContext,
  issue: SimIssue,
  comment: SimComment,
): Record<string, unknown> => ({
  self: api(ctx, `issue/${issue.id}/comment/${comment.id}`),
  id: comment.id,
  author: renderUserOrId(ctx, comment.authorAccountId),
  body: comment.body,
  updateAuthor: renderUserOrId(ctx, comment.authorAccountId),
  created: toJiraDateTime(comment.created),
  updated: toJiraDateTime(comment.updated),
  jsdPublic: true,
  ...(comment.visibility === undefined ? {} : { visibility: comment.visibility }),
});

/** ChangeDetails' from/to are non-nullable strings in the document, so empty sides are left out, not null. */
export const renderChangeHistory = (
  ctx: RenderContext,
  history: SimChangeHistory,
): Record<string, unknown> => ({
  id: history.id,
  author: renderUserOrId(ctx, history.authorAccountId),
  created: toJiraDateTime(history.created),
  items: history.items.map((item) =>
    Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null)),
  ),
});

const renderAttachment = (ctx: RenderContext, attachment: SimAttachment): Record<string, unknown> => ({
  self: api(ctx, `attachment/${attachment.id}`),
  id: attachment.id,
  filename: attachment.filename,
  author: renderUserOrId(ctx, attachment.authorAccountId),
  created: toJiraDateTime(attachment.created),
  size: attachment.size,
  mimeType: attachment.mimeType,
  content: `${ctx.baseUrl}/rest/api/3/attachment/content/${attachment.id}`,
});

const linkedIssueRef = (ctx: RenderContext, issueId: string): Record<string, unknown> => {
  const issue = ctx.state.issues.get(issueId);
  if (issue === undefined) return { id: issueId };
  const status = ctx.state.statuses.get(issue.statusId);
  const type = ctx.state.issueTypes.get(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    self: api(ctx, `issue/${issue.id}`),
    fields: {
      summary: issue.fields.get('summary') ?? '',
      ...(status === undefined ? {} : { status: renderStatus(ctx, status) }),
      ...(type === undefined ? {} : { issuetype: renderIssueType(ctx, type) }),
    },
  };
};

const renderLinks = (ctx: RenderContext, issue: SimIssue): Record<string, unknown>[] =>
  ctx.state.links
    .filter((link) => link.inwardIssueId === issue.id || link.outwardIssueId === issue.id)
    .map((link) => {
      const type = ctx.state.linkTypes.get(link.typeId);
      const other =
        link.outwardIssueId === issue.id
          ? { inwardIssue: linkedIssueRef(ctx, link.inwardIssueId) }
          : { outwardIssue: linkedIssueRef(ctx, link.outwardIssueId) };
      return {
        id: link.id,
        self: api(ctx, `issueLink/${link.id}`),
        type:
          type === undefined ? { id: link.typeId } : { ...type, self: api(ctx, `issueLinkType/${type.id}`) },
        ...other,
      };
    });

/** One field of an issue in the REST v3 "Get issue" form. */
export const renderIssueField = (
  ctx: RenderContext,
  issue: SimIssue,
  fieldId: string,
  options: { usersAsAccountIdOnly?: boolean } = {},
): unknown => {
  const { state } = ctx;
  switch (fieldId) {
    case 'issuetype': {
      const type = state.issueTypes.get(issue.issueTypeId);
      return type === undefined ? null : renderIssueType(ctx, type);
    }
    case 'project': {
      const project = state.projects.get(issue.projectId);
      return project === undefined ? null : renderProjectRef(ctx, project);
    }
    case 'status': {
      const status = state.statuses.get(issue.statusId);
      return status === undefined ? null : renderStatus(ctx, status);
    }
    case 'reporter':
      return options.usersAsAccountIdOnly === true && issue.reporterAccountId !== null
        ? { accountId: issue.reporterAccountId }
        : renderUserOrId(ctx, issue.reporterAccountId);
    case 'creator':
      return renderUserOrId(ctx, issue.creatorAccountId);
    case 'created':
      return toJiraDateTime(issue.created);
    case 'updated':
      return toJiraDateTime(issue.updated);
    case 'attachment':
      return issue.attachments.map((attachment) => renderAttachment(ctx, attachment));
    case 'issuelinks':
      return renderLinks(ctx, issue);
    case 'security': {
      const level =
        issue.securityLevelId === undefined ? undefined : state.securityLevels.get(issue.securityLevelId);
      return level === undefined
        ? null
        : {
            self: api(ctx, `securitylevel/${level.id}`),
            id: level.id,
            description: level.description,
            name: level.name,
          };
    }
    case 'comment':
      return {
        comments: issue.comments.map((comment) => renderComment(ctx, issue, comment)),
        self: api(ctx, `issue/${issue.id}/comment`),
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
      };
    default: {
      const field = state.fields.get(fieldId);
      if (field === undefined) return undefined;
      return renderFieldValue(
        state,
        field,
        { projectId: issue.projectId, issueTypeId: issue.issueTypeId },
        issue.fields.get(fieldId) ?? null,
        {
          baseUrl: ctx.baseUrl,
          ...(options.usersAsAccountIdOnly === true ? { usersAsAccountIdOnly: true } : {}),
        },
      );
    }
  }
};

/**
 * The `fields` parameter: "*all", "*navigable", field ids, and "-id" exclusions. An empty selection (the
 * search default "id") renders no fields.
 */
export const selectFieldIds = (state: SimState, requested: readonly string[]): string[] => {
  const entries = requested
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const excluded = new Set(entries.filter((entry) => entry.startsWith('-')).map((entry) => entry.slice(1)));
  const selected = new Set<string>();
  const fields = [...state.fields.values()];
  for (const entry of entries) {
    if (entry === '*all') fields.forEach((field) => selected.add(field.id));
    else if (entry === '*navigable')
      fields.filter((field) => field.navigable).forEach((field) => selected.add(field.id));
    else if (!entry.startsWith('-')) {
      const field = state.fields.get(entry) ?? fields.find((candidate) => candidate.key === entry);
      if (field !== undefined) selected.add(field.id);
    }
  }
  if (selected.size === 0 && excluded.size > 0 && entries.every((entry) => entry.startsWith('-'))) {
    fields.filter((field) => field.navigable).forEach((field) => selected.add(field.id));
  }
  return [...selected].filter((id) => !excluded.has(id));
};

export interface IssueRenderOptions {
  /** Field ids to render (from selectFieldIds); null renders the bare {id} of a default search. */
  readonly fieldIds: readonly string[] | null;
  readonly properties: readonly string[];
  readonly expand: ReadonlySet<string>;
}

export const renderIssue = (
  ctx: RenderContext,
  issue: SimIssue,
  options: IssueRenderOptions,
): Record<string, unknown> => {
  if (options.fieldIds === null && options.properties.length === 0) return { id: issue.id };
  const fields = Object.fromEntries(
    (options.fieldIds ?? []).map((fieldId) => [fieldId, renderIssueField(ctx, issue, fieldId) ?? null]),
  );
  const bean: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: api(ctx, `issue/${issue.id}`),
    key: issue.key,
    fields,
  };
  if (options.properties.length > 0) {
    bean.properties = Object.fromEntries(
      options.properties
        .filter((key) => issue.properties.has(key))
        .map((key) => [key, issue.properties.get(key)]),
    );
  }
  if (options.expand.has('names')) {
    bean.names = Object.fromEntries(
      Object.keys(fields).map((fieldId) => [fieldId, ctx.state.fields.get(fieldId)?.name ?? fieldId]),
    );
  }
  if (options.expand.has('changelog')) {
    const histories = [...issue.changelog]
      .reverse()
      .slice(0, ctx.changelogLimit)
      .map((history) => renderChangeHistory(ctx, history));
    bean.changelog = {
      startAt: 0,
      maxResults: histories.length,
      total: issue.changelog.length,
      histories,
    };
  }
  return bean;
};
