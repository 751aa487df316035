import { hasContent, isPaddingOnly, PADDING_DOES_NOT_COUNT } from '../visible-text';
import type { ExceptionType } from '../vocabulary';
import { fail, PASS, type Rule } from './rule';

const CODE = 'remediation-plan-missing';

/** Keeping an unsupported system running is only acceptable with a plan to leave it (DESIGN.md §2). */
const NEEDS_REMEDIATION_PLAN: ExceptionType = 'Legacy system support';
const MESSAGE = `Remediation Plan is required for ${NEEDS_REMEDIATION_PLAN}: describe the interim plan to migrate off the legacy system.`;

export const remediationPlanMissing: Rule = {
  code: CODE,
  evaluate: ({ after }) =>
    after.type === NEEDS_REMEDIATION_PLAN && !hasContent(after.remediationPlan)
      ? fail(CODE, isPaddingOnly(after.remediationPlan) ? `${MESSAGE} ${PADDING_DOES_NOT_COUNT}` : MESSAGE)
      : PASS,
};
