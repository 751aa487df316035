/**
 * A payload's problems as the admin page shows them: where and what, never the values sent, and bounded in size
 * (ISSUE6 B10). A path segment is a member name the caller chose, so only a plain name is shown; an unknown
 * member's zod message (which quotes the name) is replaced by words that quote nothing.
 */
import type { z } from 'zod';
import { boundMessage, problemPath } from '../domain/message-bounds';

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS_LISTED = 5;
/** No resolver message is longer than this (characters). */
export const MAX_MESSAGE_LENGTH = 600;

/** The problem's message, in words that name no value and no member the caller invented. */
export const problemMessage = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length === 1
      ? 'has a member the app does not know'
      : `has ${issue.keys.length} members the app does not know`;
  return boundMessage(issue.message, 300);
};

export const requestProblems = (error: z.ZodError): string => {
  const listed = error.issues
    .slice(0, MAX_PROBLEMS_LISTED)
    .map((issue) => `${problemPath(issue.path) || 'payload'}: ${problemMessage(issue)}`);
  const more = error.issues.length - listed.length;
  return [...listed, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
};

export const invalidRequestMessage = (error: z.ZodError): string => {
  const end = ' Nothing was changed; reload the page.';
  const start = 'The admin page sent a request the app does not understand (';
  return `${start}${boundMessage(requestProblems(error), MAX_MESSAGE_LENGTH - start.length - end.length - 2)}).${end}`;
};
