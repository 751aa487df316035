/**
 * What names a Jira issue in an event: its key — a project key (a letter, then letters, digits or `_`) and a
 * positive number — or its numeric id. Anything else names no issue, and is never sent to Jira or used in a store
 * key (KVS keys allow only a few characters).
 */
import { z } from 'zod';

export { IssueKeySchema } from '../../contracts/issue-key';
export const IssueIdSchema = z.union([
  z.string().regex(/^[1-9]\d{0,17}$/, 'is not a Jira issue id'),
  z.number().int().positive(),
]);
