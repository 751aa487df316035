import {
  ListTriggerTokensResponseSchema,
  type ListTriggerTokensResponse,
} from '@contracts/admin-trigger-tokens';
import { callAdmin } from './call-admin';

export const listTriggerTokens = (): Promise<ListTriggerTokensResponse> =>
  callAdmin('listTriggerTokens', {}, ListTriggerTokensResponseSchema);
