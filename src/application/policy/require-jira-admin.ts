/**
 * Administration is for Jira admins (DESIGN.md §10), checked on the server with the caller's own permissions: the
 * admin page being hidden from others is not a control.
 */
import { RefusalError } from '../refusal-error';
import type { DirectoryPort } from '../ports/jira-port';

/** The policy use cases' sentence for a caller who is not an admin; `what` is what they tried to do. */
export const notAdminMessage = (what: string): string =>
  `Only Jira administrators can ${what}. Nothing was changed; ask a Jira admin if the policy needs to change.`;

/** Throws a `not-admin` RefusalError saying `message` unless the caller is a Jira admin. */
export const requireJiraAdmin = async (
  caller: Pick<DirectoryPort, 'callerIsJiraAdmin'>,
  message: string,
): Promise<void> => {
  if (!(await caller.callerIsJiraAdmin())) throw new RefusalError('not-admin', message);
};
