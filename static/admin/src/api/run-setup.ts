import { RunSetupResponseSchema, type RunSetupResponse } from '@contracts/admin-setup';
import { callAdmin } from './call-admin';

export const runSetup = (projectKey: string): Promise<RunSetupResponse> =>
  callAdmin('runSetup', { projectKey }, RunSetupResponseSchema);
