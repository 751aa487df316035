/**
 * Trivy's `.trivyignore.yaml` (used with `trivy … --ignorefile .trivyignore.yaml`). Fields from Trivy's own struct,
 * `IgnoreFinding` in pkg/result/ignore.go (github.com/aquasecurity/trivy/blob/main/pkg/result/ignore.go):
 * `id`, `paths`, `purls`, `expired_at`, `statement`, under `vulnerabilities` of `IgnoreConfig`. Trivy drops an entry
 * once `expired_at` is before the scan's clock (`Prune`); a date `yyyy-mm-dd` is that day's 00:00 UTC, so the
 * day after the period's end stops the suppression when the exception stops being in force.
 */
import type { Suppression } from './suppressions';

export interface TrivyIgnoreEntry {
  readonly id: string;
  readonly purls?: string[];
  readonly paths?: string[];
  readonly statement: string;
  /** YYYY-MM-DD, written as a plain YAML scalar so Go's yaml.v3 reads it as a timestamp. */
  readonly expired_at: string;
}

export interface TrivyIgnoreDocument {
  readonly vulnerabilities: TrivyIgnoreEntry[];
}

export const trivyIgnoreDocument = (suppressions: readonly Suppression[]): TrivyIgnoreDocument => ({
  vulnerabilities: suppressions.flatMap((suppression) =>
    suppression.findings.map((finding) => ({
      id: finding.id,
      ...(finding.purl === undefined ? {} : { purls: [finding.purl] }),
      ...(finding.path === undefined ? {} : { paths: [finding.path] }),
      statement: suppression.statement,
      expired_at: suppression.until,
    })),
  ),
});
