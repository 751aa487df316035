import type { z } from 'zod';

/** A payload's problems as the admin page shows them: where and what, never the values sent. */
export const requestProblems = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');

export const invalidRequestMessage = (error: z.ZodError): string =>
  `The admin page sent a request the app does not understand (${requestProblems(error)}). Nothing was changed; reload the page.`;
