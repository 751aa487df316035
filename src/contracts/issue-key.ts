/**
 * A Jira issue key: a project key (a letter, then letters, digits or `_`) and a positive number. Anything else names
 * no issue, and is never sent to Jira or used in a store key (KVS keys allow only a few characters).
 */
import { z } from 'zod';

export const IssueKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9]\d{0,17}$/, 'is not a Jira issue key');
