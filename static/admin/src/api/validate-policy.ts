import { ValidatePolicyResponseSchema, type ValidatePolicyResponse } from '@contracts/admin-policy';
import { callAdmin } from './call-admin';

export const validatePolicy = (policy: unknown): Promise<ValidatePolicyResponse> =>
  callAdmin('validatePolicy', { policy }, ValidatePolicyResponseSchema);
