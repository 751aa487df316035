/**
 * The policy a workflow transition enforces (DESIGN.md §3 and §4): which rules each transition runs, and the
 * evaluation the app's Jira validators answer with. Every violated rule is reported, in the order listed here,
 * so a person fixes everything in one go instead of meeting one refusal after another.
 */
import type { Policy } from './policy-schema';
import type { ExceptionRecord } from './register-schema';
import { actorNotReviewer } from './rules/actor-not-reviewer';
import { affectedAssetsMissing } from './rules/affected-assets-missing';
import { approverIsApp } from './rules/approver-is-app';
import { approverNotInGroup } from './rules/approver-not-in-group';
import { autoApproveControlsMissing } from './rules/auto-approve-controls-missing';
import { autoApproveDisabled } from './rules/auto-approve-disabled';
import { autoApproveNotByApp } from './rules/auto-approve-not-by-app';
import { autoApproveTierNotLow } from './rules/auto-approve-tier-not-low';
import { autoApproveTypeNotAllowed } from './rules/auto-approve-type-not-allowed';
import { compensatingControlsMissing } from './rules/compensating-controls-missing';
import { cumulativeCapReached } from './rules/cumulative-cap-reached';
import { evidenceMissing } from './rules/evidence-missing';
import { expirationDateMissing } from './rules/expiration-date-missing';
import { expirationDateNotFuture } from './rules/expiration-date-not-future';
import { expirationDateTooFar } from './rules/expiration-date-too-far';
import { findingsInvalid } from './rules/findings-invalid';
import { findingsMissing } from './rules/findings-missing';
import { justificationIsTemplate } from './rules/justification-is-template';
import { justificationMissing } from './rules/justification-missing';
import { justificationTooShort } from './rules/justification-too-short';
import { justificationUnchanged } from './rules/justification-unchanged';
import { recertificationChecklistIncomplete } from './rules/recertification-checklist-incomplete';
import { recertificationStartNotPermitted } from './rules/recertification-start-not-permitted';
import { recertifierNotPermitted } from './rules/recertifier-not-permitted';
import { rejectionReasonMissing } from './rules/rejection-reason-missing';
import { remediationPlanMissing } from './rules/remediation-plan-missing';
import { retireNotPermitted } from './rules/retire-not-permitted';
import { revertCommentMissing } from './rules/revert-comment-missing';
import { revertNotPermitted } from './rules/revert-not-permitted';
import { riskOwnerInactive } from './rules/risk-owner-inactive';
import { riskOwnerIsRequester } from './rules/risk-owner-is-requester';
import { riskOwnerMissing } from './rules/risk-owner-missing';
import { riskOwnerWithoutAccess } from './rules/risk-owner-without-access';
import { riskRatingMissing } from './rules/risk-rating-missing';
import type { Actor, RiskOwnerAccess, Rule, TransitionInput, TransitionName, Violation } from './rules/rule';
import { segregationOfDuties } from './rules/segregation-of-duties';

const JUSTIFICATION_RULES: readonly Rule[] = [
  justificationMissing,
  justificationIsTemplate,
  justificationTooShort,
];

const EXPIRATION_RULES: readonly Rule[] = [
  expirationDateMissing,
  expirationDateNotFuture,
  expirationDateTooFar,
];

/** "Form complete" (DESIGN.md §2), in the order the fields appear on the form. */
const FORM_RULES: readonly Rule[] = [
  ...JUSTIFICATION_RULES,
  riskOwnerMissing,
  riskOwnerInactive,
  riskOwnerWithoutAccess,
  riskOwnerIsRequester,
  compensatingControlsMissing,
  ...EXPIRATION_RULES,
  affectedAssetsMissing,
  remediationPlanMissing,
  findingsInvalid,
  findingsMissing,
];

/**
 * Who may act comes first in each list: when the actor may not make the transition at all, that is the message
 * that matters most. The form's own rules follow in form order.
 */
export const TRANSITION_RULES: Readonly<Record<TransitionName, readonly Rule[]>> = {
  triage: FORM_RULES,
  approve: [
    approverIsApp,
    segregationOfDuties,
    approverNotInGroup,
    ...FORM_RULES,
    riskRatingMissing,
    evidenceMissing,
  ],
  // Everything Approve checks, minus the human approver and the approver's rating (the provisional tier applies).
  'auto-approve': [
    autoApproveNotByApp,
    autoApproveTierNotLow,
    autoApproveDisabled,
    autoApproveTypeNotAllowed,
    ...FORM_RULES,
    autoApproveControlsMissing,
    evidenceMissing,
  ],
  'request-info': [segregationOfDuties, actorNotReviewer],
  reject: [segregationOfDuties, approverNotInGroup, rejectionReasonMissing],
  'start-recertification': [recertificationStartNotPermitted],
  recertify: [
    segregationOfDuties,
    recertifierNotPermitted,
    recertificationChecklistIncomplete,
    justificationUnchanged,
    ...JUSTIFICATION_RULES,
    ...EXPIRATION_RULES,
    cumulativeCapReached,
  ],
  revert: [revertNotPermitted, revertCommentMissing],
  retire: [retireNotPermitted],
};

export interface TransitionEvaluation {
  readonly ok: boolean;
  readonly violations: Violation[];
}

/**
 * Runs every rule of the transition and returns every violation. Rules that cannot establish the actor all fail
 * with the same violation; it is reported once.
 */
export const evaluateTransition = (
  transition: TransitionInput,
  before: ExceptionRecord,
  after: ExceptionRecord,
  actor: Actor,
  policy: Policy,
  now: string,
  riskOwnerAccess?: RiskOwnerAccess,
): TransitionEvaluation => {
  const input = {
    transition,
    before,
    after,
    actor,
    policy,
    now,
    ...(riskOwnerAccess === undefined ? {} : { riskOwnerAccess }),
  };
  const violations: Violation[] = [];
  for (const rule of TRANSITION_RULES[transition.name]) {
    const result = rule.evaluate(input);
    if (result.ok) continue;
    const { code, message } = result;
    if (!violations.some((seen) => seen.code === code && seen.message === message))
      violations.push({ code, message });
  }
  return { ok: violations.length === 0, violations };
};

/** The text a Jira validator returns as `errorMessage`: one message a line; '' when nothing is violated. */
export const formatViolations = (violations: readonly Violation[]): string =>
  violations.map((violation) => violation.message).join('\n');
