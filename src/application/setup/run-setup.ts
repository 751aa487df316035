/**
 * The admin page's setup action: only a Jira administrator may run it, checked server-side with the caller's
 * own permissions (asUser) before anything is read or written as the app.
 */
import type { DirectoryPort } from '../ports/jira-port';
import type { ProvisionInput } from './check-site';
import { provisionProject } from './provision-project';
import type { SetupDependencies } from './setup-context';
import { SetupNotPermittedError } from './setup-errors';
import type { SetupReport } from './setup-report';

export const runSetup = async (
  deps: SetupDependencies,
  caller: Pick<DirectoryPort, 'callerIsJiraAdmin'>,
  input: ProvisionInput,
): Promise<SetupReport> => {
  if (!(await caller.callerIsJiraAdmin())) throw new SetupNotPermittedError();
  return provisionProject(deps, input);
};
