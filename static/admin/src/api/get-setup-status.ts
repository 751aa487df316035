import { GetSetupStatusResponseSchema, type GetSetupStatusResponse } from '@contracts/admin-setup';
import { callAdmin } from './call-admin';

/** The projects set up so far (no project named). */
export const getSetupStatus = (): Promise<GetSetupStatusResponse> =>
  callAdmin('getSetupStatus', {}, GetSetupStatusResponseSchema);
