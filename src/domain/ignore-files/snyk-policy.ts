/**
 * Snyk's `.snyk` policy file: `version`, then `ignore: { <issue id>: [ { <path>: { reason, expires, created } } ] }`
 * (the Rule and RuleSet types of github.com/snyk/policy/blob/main/lib/types.ts; read by lib/parser/v1.ts). Snyk's
 * filter drops a rule whose `expires` is before the test's clock (lib/filter/ignore.ts compares ISO strings), so
 * the first instant after the period's end is written. A rule's path is a dependency path, not a file: a purl
 * becomes `* > name@version` (the package anywhere in the tree, lib/match.ts); a file path cannot be expressed and
 * becomes `*`, which the file's own location (one `.snyk` per project) scopes.
 */
import { purlParts } from './purl';
import type { Suppression } from './suppressions';

/** The policy version `snyk ignore` writes today (lib/policy.ts latestVersion is v1.25.1; only the major counts). */
export const SNYK_POLICY_VERSION = 'v1.25.0';

export interface SnykRule {
  readonly reason: string;
  /** ISO instant: the first instant the exception is no longer in force. */
  readonly expires: string;
  /** ISO instant of the decision that opened the current period. */
  readonly created: string;
}

export interface SnykPolicyDocument {
  readonly version: string;
  readonly ignore: Record<string, Record<string, SnykRule>[]>;
  readonly patch: Record<string, never>;
}

/** `* > name@version` for a purl (npm scopes and Go module paths keep their namespace); `*` otherwise. */
export const snykPath = (purl: string | undefined): string => {
  const parts = purl === undefined ? null : purlParts(purl);
  if (parts === null) return '*';
  const name =
    parts.namespace !== null && (parts.type === 'npm' || parts.type === 'golang')
      ? `${parts.namespace}/${parts.name}`
      : parts.name;
  return `* > ${name}@${parts.version ?? '*'}`;
};

const instant = (isoInstant: string): string => new Date(isoInstant).toISOString();

export const snykPolicyDocument = (suppressions: readonly Suppression[]): SnykPolicyDocument => {
  const ignore: Record<string, Record<string, SnykRule>[]> = {};
  for (const suppression of suppressions) {
    for (const finding of suppression.findings) {
      const rules = (ignore[finding.id] ??= []);
      rules.push({
        [snykPath(finding.purl)]: {
          reason: suppression.statement,
          expires: `${suppression.until}T00:00:00.000Z`,
          created: instant(suppression.decidedAt),
        },
      });
    }
  }
  return { version: SNYK_POLICY_VERSION, ignore, patch: {} };
};
