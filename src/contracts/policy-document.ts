/**
 * The policy document as the admin page edits it (DESIGN.md §4): the domain's schema, bounds and vocabulary, so the
 * page checks a draft with the very schema savePolicy applies and lists the same types and ratings.
 */
export {
  findingsRequiredByDefault,
  POLICY_BOUNDS,
  PolicySchema,
  type Policy,
  type PolicyPack,
} from '../domain/policy-schema';
export { EXCEPTION_TYPES, RISK_RATINGS, URGENCIES } from '../domain/vocabulary';
export type { ExceptionType, RiskRating } from '../domain/vocabulary';
