/**
 * The admin page's setup action: only a Jira administrator may run it, checked server-side with the caller's own
 * permissions (asUser) before anything is read or written as the app.
 */
import type { RunSetupResponse } from '../../contracts/admin-setup';
import type { Answered } from '../../contracts/refusal';
import { adminUseCase } from '../use-case';
import type { ProvisionInput } from './check-site';
import { provisionProject } from './provision-project';
import { setupDependencies } from './setup-caller';
import type { SetupCaller } from './setup-context';

export const runSetup = adminUseCase(
  'Only a Jira administrator can run setup. Nothing was changed.',
  async (input: ProvisionInput, deps: SetupCaller): Promise<Answered<RunSetupResponse>> => ({
    ok: true,
    report: await provisionProject(setupDependencies(deps), input),
  }),
);
