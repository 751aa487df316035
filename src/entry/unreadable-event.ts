/**
 * An event a trigger cannot read is logged — where and what, never the values — and acknowledged. Product events
 * that throw are not retried (FORGE_NOTES §16), and no retry could make the event readable, so throwing would only
 * add an error to the site's log; the self-check (record-shape.ts) keeps the shape for the admin page.
 */
import type { z } from 'zod';
import { requestProblems } from './request-problems';

export const acknowledgeUnreadable = (handler: string, error: z.ZodError): void => {
  console.warn(`${handler}: unreadable event, acknowledged (${requestProblems(error)})`);
};
