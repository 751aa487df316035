import { findingsRequiredFor } from '../policy-schema';
import { fail, PASS, type Rule } from './rule';

const CODE = 'findings-missing';

/**
 * Types whose pack requires Findings (by default Vulnerability patch delay, DESIGN.md §2) must say what they
 * suppress: an exception for "some vulnerability" cannot reach a scanner's ignore file, nor be audited.
 */
export const findingsMissing: Rule = {
  code: CODE,
  evaluate: ({ after, policy }) =>
    findingsRequiredFor(policy, after.type) && (after.findings ?? []).length === 0
      ? fail(
          CODE,
          `Findings is required for ${after.type}: list each vulnerability this exception covers, one a line, e.g. CVE-2024-1234 pkg:npm/lodash@4.17.20.`,
        )
      : PASS,
};
