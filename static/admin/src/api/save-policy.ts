import {
  SavePolicyResponseSchema,
  type SavePolicyRequest,
  type SavePolicyResponse,
} from '@contracts/admin-policy';
import { callAdmin } from './call-admin';

export const savePolicy = (request: SavePolicyRequest): Promise<SavePolicyResponse> =>
  callAdmin(
    'savePolicy',
    { policy: request.policy, baseVersion: request.baseVersion },
    SavePolicyResponseSchema,
  );
