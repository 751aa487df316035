import { z } from 'zod';
import { renderIssue, selectFieldIds } from '../issues/issue-renderer';
import { FieldErrors, prepareEdits, applyEdits } from '../issues/issue-writer';
import { asText } from '../issues/field-values';
import { jiraError } from '../http/jira-error';
import type { RouteContext, RouteTable } from '../http/route-types';
import type { SimIssueType, SimProject } from '../state/model';
import { emitIssueEvent, eventChangelog } from '../workflow/issue-events';
import { schedulePostFunctions } from '../workflow/workflow-engine';
import { apiUrl, canSeeProject, parseBody, RecordSchema, renderContext, requireIssue } from './route-helpers';
import { renderIssueForCaller } from './issue-expansions';

const IssueUpdateDetails = z.object({
  fields: RecordSchema.optional(),
  update: RecordSchema.optional(),
  properties: z.array(z.object({ key: z.string().optional(), value: z.unknown() })).optional(),
});

const Ref = z
  .object({ id: z.string().optional(), key: z.string().optional(), name: z.string().optional() })
  .loose();

const resolveProject = (ctx: RouteContext, value: unknown): SimProject => {
  const ref = Ref.safeParse(value);
  const idOrKey = ref.success ? (ref.data.id ?? ref.data.key) : undefined;
  const project = idOrKey === undefined ? undefined : ctx.core.state.project(idOrKey);
  if (project === undefined || !canSeeProject(ctx, project)) {
    throw new FieldErrors({ project: 'Specify a valid project ID or key' });
  }
  return project;
};

const resolveIssueType = (ctx: RouteContext, project: SimProject, value: unknown): SimIssueType => {
  const ref = Ref.safeParse(value);
  const idOrName = ref.success ? (ref.data.id ?? ref.data.name) : undefined;
  if (idOrName === undefined) throw new FieldErrors({ issuetype: 'Specify an issue type' });
  const type = ctx.core.state
    .issueTypesOfProject(project)
    .find((candidate) => candidate.id === idOrName || candidate.name === idOrName);
  if (type === undefined) throw new FieldErrors({ issuetype: 'The issue type selected is invalid.' });
  return type;
};

export const issueRoutes: RouteTable = {
  /** Validators of the initial transition are not run on create (a simulator limitation); its post functions are. */
  createIssue: (ctx) => {
    const { state } = ctx.core;
    const body = parseBody(IssueUpdateDetails, ctx.body);
    const { project: projectRef, issuetype: typeRef, ...rest } = body.fields ?? {};
    const project = resolveProject(ctx, projectRef);
    const issueType = resolveIssueType(ctx, project, typeRef);
    const where = { projectId: project.id, issueTypeId: issueType.id };
    const edits = prepareEdits(state, undefined, where, { fields: rest, update: body.update });
    const summary = edits.values.get('summary');
    if (typeof summary !== 'string' || summary.trim() === '') {
      throw new FieldErrors({ summary: 'You must specify a summary of the issue.' });
    }
    const workflow = state.workflowFor(project, issueType.id);
    const initial = workflow.transitions.find((transition) => transition.type === 'INITIAL');
    const status = state.initialStatusOf(workflow);
    if (initial === undefined || status === undefined) {
      throw jiraError(422, [`The workflow ${workflow.name} has no initial transition.`]);
    }
    const actor = ctx.principal.user.accountId;
    const now = state.nowIso();
    const issue = state.createIssueRecord(project, issueType, status, workflow, {
      reporter: actor,
      creator: actor,
      created: now,
      updated: now,
    });
    for (const [fieldId, value] of edits.values) {
      if (fieldId === 'reporter') issue.reporterAccountId = value === null ? null : asText(value);
      else issue.fields.set(fieldId, value);
    }
    const { comments } = applyEdits(state, issue, { values: new Map(), comments: edits.comments }, actor);
    for (const property of body.properties ?? []) {
      if (property.key !== undefined) issue.properties.set(property.key, property.value);
    }
    schedulePostFunctions(ctx.core, issue, workflow, initial, {
      from: undefined,
      to: status,
      history: undefined,
      comment: comments[0],
      actorAccountId: actor,
      source: 'rest',
    });
    emitIssueEvent(ctx.core, 'avi:jira:created:issue', issue, actor);
    return { status: 201, body: { id: issue.id, key: issue.key, self: apiUrl(ctx, `issue/${issue.id}`) } };
  },

  getIssue: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const requested = ctx.query.list('fields');
    return {
      status: 200,
      body: renderIssueForCaller(ctx, issue, {
        fieldIds: selectFieldIds(ctx.core.state, requested.length === 0 ? ['*all'] : requested),
        properties: ctx.query.list('properties'),
        expand: new Set(ctx.query.list('expand')),
      }),
    };
  },

  editIssue: (ctx) => {
    const { state } = ctx.core;
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const body = parseBody(IssueUpdateDetails, ctx.body);
    if (ctx.core.habits.commentOnEdit === 'refused' && body.update?.comment !== undefined)
      throw new FieldErrors({
        comment: "Field 'comment' cannot be set. It is not on the appropriate screen, or unknown.",
      });
    const edits = prepareEdits(
      state,
      issue,
      { projectId: issue.projectId, issueTypeId: issue.issueTypeId },
      body,
    );
    const actor = ctx.principal.user.accountId;
    const { history, comments } = applyEdits(state, issue, edits, actor);
    for (const property of body.properties ?? []) {
      if (property.key !== undefined) issue.properties.set(property.key, property.value);
    }
    if (history !== undefined) {
      emitIssueEvent(ctx.core, 'avi:jira:updated:issue', issue, actor, {
        changelog: eventChangelog(history),
      });
    }
    for (const comment of comments) {
      emitIssueEvent(ctx.core, 'avi:jira:commented:issue', issue, actor, { comment: { id: comment.id } });
    }
    if (ctx.query.bool('returnIssue', false)) {
      return {
        status: 200,
        body: renderIssue(renderContext(ctx), issue, {
          fieldIds: selectFieldIds(state, ['*all']),
          properties: [],
          expand: new Set(ctx.query.list('expand')),
        }),
      };
    }
    return { status: 204 };
  },
};
