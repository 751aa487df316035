import { z } from 'zod';

/** Jira project and issue ids are decimal numbers; anything else never reaches a key. */
export const NumericIdSchema = z.string().regex(/^\d{1,18}$/, 'must be a Jira id (digits)');
