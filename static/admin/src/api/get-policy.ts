import { GetPolicyResponseSchema, type GetPolicyResponse } from '@contracts/admin-policy';
import { callAdmin } from './call-admin';

export const getPolicy = (): Promise<GetPolicyResponse> =>
  callAdmin('getPolicy', {}, GetPolicyResponseSchema);
