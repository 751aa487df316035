import { z } from 'zod';
import { renderChangeHistory, selectFieldIds } from '../issues/issue-renderer';
import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import type { SimIssue } from '../state/model';
import { canSeeIssue, parseBody, renderContext } from './route-helpers';
import { renderIssueForCaller } from './issue-expansions';

const MAX_BULK_ISSUES = 100;
const MAX_BULK_PROPERTIES = 5;
const CHANGELOG_DEFAULT_MAX = 1000;
const CHANGELOG_MAX = 10_000;

const BulkFetchBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
});

const BulkChangelogBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fieldIds: z.array(z.string()).optional(),
  maxResults: z.number().int().optional(),
  nextPageToken: z.string().optional(),
});

export const bulkRoutes: RouteTable = {
  /** Up to 100 issues, ascending id; missing or hidden ones are issueErrors, not a failure. */
  bulkFetchIssues: (ctx) => {
    const body = parseBody(BulkFetchBody, ctx.body);
    if (body.issueIdsOrKeys.length === 0 || body.issueIdsOrKeys.length > MAX_BULK_ISSUES) {
      throw jiraError(400, [`Between 1 and ${MAX_BULK_ISSUES} issue IDs or keys must be provided.`]);
    }
    const properties = body.properties ?? [];
    if (properties.length > MAX_BULK_PROPERTIES) {
      throw jiraError(400, [`A maximum of ${MAX_BULK_PROPERTIES} issue properties can be requested.`]);
    }
    const found = new Map<string, SimIssue>();
    const issueErrors: { id: string; errorMessage: string }[] = [];
    for (const idOrKey of body.issueIdsOrKeys) {
      const issue = ctx.core.state.issue(idOrKey);
      if (issue === undefined || !canSeeIssue(ctx, issue)) {
        issueErrors.push({
          id: idOrKey,
          errorMessage: 'Issue does not exist or you do not have permission to see it.',
        });
      } else {
        found.set(issue.id, issue);
      }
    }
    const fieldIds = selectFieldIds(ctx.core.state, body.fields ?? ['*navigable']);
    const expand = new Set(body.expand ?? []);
    const issues = [...found.values()]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((issue) => renderIssueForCaller(ctx, issue, { fieldIds, properties, expand }));
    return { status: 200, body: { issues, issueErrors } };
  },

  /** Change histories oldest first, paged over all requested issues together. */
  getBulkChangelogs: (ctx) => {
    const body = parseBody(BulkChangelogBody, ctx.body);
    const maxResults = Math.min(body.maxResults ?? CHANGELOG_DEFAULT_MAX, CHANGELOG_MAX);
    if (maxResults < 1) throw jiraError(400, ['maxResults must be a positive number.']);
    const fieldIds = body.fieldIds ?? [];
    const offset =
      body.nextPageToken === undefined
        ? 0
        : Number(Buffer.from(body.nextPageToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0)
      throw jiraError(400, ['The provided next page token is invalid.']);
    const entries = body.issueIdsOrKeys.flatMap((idOrKey) => {
      const issue = ctx.core.state.issue(idOrKey);
      if (issue === undefined || !canSeeIssue(ctx, issue)) return [];
      return issue.changelog
        .map((history) => ({
          ...history,
          items:
            fieldIds.length === 0
              ? history.items
              : history.items.filter((item) => fieldIds.includes(item.fieldId)),
        }))
        .filter((history) => history.items.length > 0)
        .map((history) => ({ issue, history }));
    });
    const page = entries.slice(offset, offset + maxResults);
    const byIssue = new Map<string, Record<string, unknown>[]>();
    for (const { issue, history } of page) {
      byIssue.set(issue.id, [
        ...(byIssue.get(issue.id) ?? []),
        renderChangeHistory(renderContext(ctx), history),
      ]);
    }
    const more = offset + page.length < entries.length;
    return {
      status: 200,
      body: {
        issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
        ...(more ? { nextPageToken: Buffer.from(String(offset + page.length)).toString('base64url') } : {}),
      },
    };
  },
};
