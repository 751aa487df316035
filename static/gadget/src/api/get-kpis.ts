/** The gadget's one resolver call: `getKpis` with the gadget's configuration, answered per src/contracts. */
import { callResolver } from '@shared/api/call-resolver';
import {
  GetKpisResponseSchema,
  type GadgetConfig,
  type GetKpisRequest,
  type GetKpisResponse,
} from '@contracts/gadget-kpis';
import type { Answered } from '@contracts/refusal';

export type KpiAnswer = Answered<GetKpisResponse>;
export type KpiReport = KpiAnswer['report'];
export type KpiShare = KpiReport['overdueShare'];

export const getKpis = (config: GadgetConfig): Promise<GetKpisResponse> => {
  const request: GetKpisRequest = { config };
  return callResolver('getKpis', request, GetKpisResponseSchema);
};
