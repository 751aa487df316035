import {
  ExportRegisterResponseSchema,
  type ExportRegisterRequest,
  type ExportRegisterResponse,
} from '@contracts/admin-export';
import { callAdmin } from './call-admin';

export const exportRegister = (request: ExportRegisterRequest): Promise<ExportRegisterResponse> =>
  callAdmin(
    'exportRegister',
    { from: request.from, to: request.to, format: request.format },
    ExportRegisterResponseSchema,
  );
