/**
 * A payload's problems as the admin page shows them: where and what, never the values sent, and bounded in size
 * (ISSUE6 B10). A path segment is a member name the caller chose, so only a plain name is shown; an unknown
 * member's zod message (which quotes the name) is replaced by words that quote nothing.
 */
import type { z } from 'zod';

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS_LISTED = 5;
/** No resolver message is longer than this (characters). */
export const MAX_MESSAGE_LENGTH = 600;

const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_ /-]{0,39}$/;

const segment = (key: PropertyKey): string =>
  typeof key === 'number' ? String(key) : typeof key === 'string' && PLAIN_NAME.test(key) ? key : '(member)';

/** A problem's path as a dotted name the caller can act on, with nothing of theirs beyond a plain member name. */
export const problemPath = (path: readonly PropertyKey[]): string => path.map(segment).join('.');

/** The problem's message, in words that name no value and no member the caller invented. */
export const problemMessage = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length === 1
      ? 'has a member the app does not know'
      : `has ${issue.keys.length} members the app does not know`;
  return issue.message.length > 300 ? `${issue.message.slice(0, 299)}…` : issue.message;
};

/** Text cut to `max` characters, an ellipsis showing where. */
export const bounded = (text: string, max: number = MAX_MESSAGE_LENGTH): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

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
  return `${start}${bounded(requestProblems(error), MAX_MESSAGE_LENGTH - start.length - end.length - 2)}).${end}`;
};
