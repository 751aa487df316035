/** The admin page's setup status: for Jira administrators only (it describes the site's configuration). */
import type { GetSetupStatusRequest, GetSetupStatusResponse } from '../../contracts/admin-setup';
import type { Answered } from '../../contracts/refusal';
import { adminUseCase } from '../use-case';
import { setupDependencies } from './setup-caller';
import type { SetupCaller } from './setup-context';
import { readSetupStatus } from './setup-status';

export const getSetupStatus = adminUseCase(
  'Only a Jira administrator can see the setup status. Nothing was changed.',
  async (
    { projectKey }: GetSetupStatusRequest,
    deps: SetupCaller,
  ): Promise<Answered<GetSetupStatusResponse>> => ({
    ok: true,
    status: await readSetupStatus(setupDependencies(deps), projectKey === undefined ? {} : { projectKey }),
  }),
);
