import { GetExportPartResponseSchema, type GetExportPartResponse } from '@contracts/admin-jobs';
import { callAdmin } from './call-admin';

export const getExportPart = (jobId: string, part: number): Promise<GetExportPartResponse> =>
  callAdmin('getExportPart', { jobId, part }, GetExportPartResponseSchema);
