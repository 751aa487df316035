import {
  RotateTriggerTokenResponseSchema,
  type RotateTriggerTokenResponse,
} from '@contracts/admin-trigger-tokens';
import { callAdmin } from './call-admin';

export const rotateTriggerToken = (projectKey: string): Promise<RotateTriggerTokenResponse> =>
  callAdmin('rotateTriggerToken', { projectKey }, RotateTriggerTokenResponseSchema);
