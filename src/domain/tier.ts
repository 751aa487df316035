/** Tier, routing and duration caps of DESIGN.md §4, derived from an exception and the policy. */
import type { Policy } from './policy-schema';
import type { ExceptionRecord } from './register-schema';
import { hasContent } from './visible-text';
import { raiseOneStep, ratingIndex, type ExceptionType, type RiskRating } from './vocabulary';

type Rated = Pick<ExceptionRecord, 'type' | 'urgency' | 'affectedAssets' | 'riskRating'>;

/** The rating used before an approver sets Risk Rating: the type's default, one step up for broad urgent requests. */
export const provisionalRating = (exception: Rated, policy: Policy): RiskRating => {
  const base = policy.packs[exception.type].defaultRating;
  const broadAndUrgent =
    exception.urgency === 'Urgent' && exception.affectedAssets.length > policy.urgentAssetThreshold;
  return broadAndUrgent ? raiseOneStep(base) : base;
};

/** The tier that governs the exception: the approver's Risk Rating once set, the provisional rating before. */
export const tierOf = (exception: Rated, policy: Policy): RiskRating =>
  exception.riskRating ?? provisionalRating(exception, policy);

/**
 * The rating whose approvers may decide (ISSUE 6 B2): the highest of the provisional rating and the Risk Rating,
 * both as stored and as the transition screen sets them. Lowering the rating (or changing the type) on the screen
 * then never lowers who must decide: an approver who wants a lower rating needs the higher tier's authority.
 */
export const authorityRating = (before: Rated, after: Rated, policy: Policy): RiskRating => {
  const candidates = [
    provisionalRating(before, policy),
    provisionalRating(after, policy),
    before.riskRating,
    after.riskRating,
  ].filter((rating): rating is RiskRating => rating !== null);
  return candidates.reduce((highest, rating) =>
    ratingIndex(rating) > ratingIndex(highest) ? rating : highest,
  );
};

export const atLeast = (rating: RiskRating, minimum: RiskRating): boolean =>
  ratingIndex(rating) >= ratingIndex(minimum);

/** The longest period one approval or recertification may grant: the smaller of the tier's and the type's cap. */
export const maxDurationDays = (type: ExceptionType, tier: RiskRating, policy: Policy): number => {
  const tierCap = policy.tiers[tier].maxDurationDays;
  const typeCap = policy.packs[type].maxDurationDays;
  return typeCap === null ? tierCap : Math.min(tierCap, typeCap);
};

export type Route = 'auto-approve' | 'tier-1-review' | 'c-level-sign-off';

/** Where a triaged exception goes next (DESIGN.md §4 routing). */
export const routeOf = (
  exception: Rated & Pick<ExceptionRecord, 'compensatingControls'>,
  policy: Policy,
): Route => {
  const tier = tierOf(exception, policy);
  if (atLeast(tier, 'High')) return 'c-level-sign-off';
  const autoApprovable =
    tier === 'Low' &&
    policy.autoApproveLow &&
    policy.packs[exception.type].autoApprovalAllowed &&
    hasContent(exception.compensatingControls);
  return autoApprovable ? 'auto-approve' : 'tier-1-review';
};

/** Whether the exception must carry at least one attachment as evidence. */
export const evidenceRequired = (exception: Rated, policy: Policy): boolean =>
  policy.packs[exception.type].evidenceRequired ||
  atLeast(tierOf(exception, policy), policy.evidenceFromTier);
