/** The issue panel's one resolver: where an Exception issue stands for the viewer (src/contracts/issue-panel.ts). */
import { callResolver } from '@shared/api/call-resolver';
import {
  GetExceptionSummaryResponseSchema,
  type GetExceptionSummaryRequest,
  type GetExceptionSummaryResponse,
} from '@contracts/issue-panel';
import type { IssuePanelResolverName } from '@contracts/resolver-names';

const NAME: IssuePanelResolverName = 'getExceptionSummary';

export const getExceptionSummary = (
  request: GetExceptionSummaryRequest,
): Promise<GetExceptionSummaryResponse> => callResolver(NAME, request, GetExceptionSummaryResponseSchema);
