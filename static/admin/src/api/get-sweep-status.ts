import { GetSweepStatusResponseSchema, type GetSweepStatusResponse } from '@contracts/admin-sweeps';
import { callAdmin } from './call-admin';

export const getSweepStatus = (): Promise<GetSweepStatusResponse> =>
  callAdmin('getSweepStatus', {}, GetSweepStatusResponseSchema);
