/**
 * Policy administration is for Jira admins (DESIGN.md §10), checked on the server with the caller's own
 * permissions: the admin page being hidden from others is not a control.
 */
import type { AdminRefusal } from '../../contracts/admin-policy';
import type { DirectoryPort } from '../ports/jira-port';

export const notAdminRefusal = (what: string): AdminRefusal => ({
  ok: false,
  error: {
    code: 'not-admin',
    message: `Only Jira administrators can ${what}. Nothing was changed; ask a Jira admin if the policy needs to change.`,
  },
});

/** A refusal for a caller who is not a Jira admin; null for an admin. */
export const refuseUnlessJiraAdmin = async (
  caller: DirectoryPort,
  what: string,
): Promise<AdminRefusal | null> => ((await caller.callerIsJiraAdmin()) ? null : notAdminRefusal(what));
