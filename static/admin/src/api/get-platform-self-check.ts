import {
  GetPlatformSelfCheckResponseSchema,
  type GetPlatformSelfCheckResponse,
} from '@contracts/admin-self-check';
import { callAdmin } from './call-admin';

export const getPlatformSelfCheck = (): Promise<GetPlatformSelfCheckResponse> =>
  callAdmin('getPlatformSelfCheck', {}, GetPlatformSelfCheckResponseSchema);
