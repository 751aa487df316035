import { jiraError } from '../http/jira-error';
import type { RouteTable } from '../http/route-types';
import { requireIssue } from './route-helpers';

/** Jira's limits for entity properties: a key of at most 255 characters, a value of at most 32 768 bytes. */
const MAX_KEY_LENGTH = 255;
const MAX_VALUE_BYTES = 32_768;

export const propertyRoutes: RouteTable = {
  getIssueProperty: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const key = ctx.params.propertyKey ?? '';
    if (!issue.properties.has(key)) throw jiraError(404, [`The property with key '${key}' does not exist.`]);
    return { status: 200, body: { key, value: issue.properties.get(key) } };
  },

  setIssueProperty: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const key = ctx.params.propertyKey ?? '';
    if (key.length > MAX_KEY_LENGTH)
      throw jiraError(400, [`The property key cannot be longer than ${MAX_KEY_LENGTH} characters.`]);
    if (ctx.body === undefined) throw jiraError(400, ['The property value must be valid JSON.']);
    if (Buffer.byteLength(JSON.stringify(ctx.body)) > MAX_VALUE_BYTES) {
      throw jiraError(400, [`The property value exceeds the maximum size of ${MAX_VALUE_BYTES} bytes.`]);
    }
    const existed = issue.properties.has(key);
    issue.properties.set(key, ctx.body);
    return { status: existed ? 200 : 201 };
  },

  deleteIssueProperty: (ctx) => {
    const issue = requireIssue(ctx, ctx.params.issueIdOrKey);
    const key = ctx.params.propertyKey ?? '';
    if (!issue.properties.delete(key))
      throw jiraError(404, [`The property with key '${key}' does not exist.`]);
    return { status: 204 };
  },
};
