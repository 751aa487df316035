import { ListPolicyVersionsResponseSchema, type ListPolicyVersionsResponse } from '@contracts/admin-policy';
import { callAdmin } from './call-admin';

export const listPolicyVersions = (): Promise<ListPolicyVersionsResponse> =>
  callAdmin('listPolicyVersions', {}, ListPolicyVersionsResponseSchema);
