import type { ExportRegisterRequest } from '@contracts/admin-export';
import { StartExportResponseSchema, type StartExportResponse } from '@contracts/admin-jobs';
import { callAdmin } from './call-admin';

/** The audit export as a background job (its request is exportRegister's). */
export const startExport = (request: ExportRegisterRequest): Promise<StartExportResponse> =>
  callAdmin(
    'startExport',
    { from: request.from, to: request.to, format: request.format },
    StartExportResponseSchema,
  );
