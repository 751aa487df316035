import { GetJobResponseSchema, type GetJobResponse } from '@contracts/admin-jobs';
import { callAdmin } from './call-admin';

export const getJob = (jobId: string): Promise<GetJobResponse> =>
  callAdmin('getJob', { jobId }, GetJobResponseSchema);
