/**
 * Grype's `.grype.yaml` ignore rules (`ignore:` of the Grype options, a list of `match.IgnoreRule`,
 * github.com/anchore/grype/blob/main/grype/match/ignore.go): `vulnerability`, `reason`, `package` with `name`,
 * `version`, `type`, `location`. Every field given must match for a rule to apply. Grype has no expiry (its
 * maintainers declined one, anchore/grype#452), so the file itself is the expiry: it holds only what is in force
 * now and CI must fetch it for each scan.
 */
import type { Finding } from '../findings/finding';
import { purlParts } from './purl';
import type { Suppression } from './suppressions';

export interface GrypePackage {
  readonly name?: string;
  readonly version?: string;
  readonly type?: string;
  readonly location?: string;
}

export interface GrypeIgnoreRule {
  readonly vulnerability: string;
  readonly reason: string;
  readonly package?: GrypePackage;
}

export interface GrypeConfigDocument {
  readonly ignore: GrypeIgnoreRule[];
}

/**
 * Purl types to Grype's package types (syft's pkg.Type values). A type not listed is left out: the rule then
 * matches the name and version in any ecosystem, never a wrong type that would make it match nothing.
 */
const GRYPE_TYPES: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'python',
  maven: 'java-archive',
  deb: 'deb',
  rpm: 'rpm',
  apk: 'apk',
  golang: 'go-module',
  gem: 'gem',
  cargo: 'rust-crate',
  nuget: 'dotnet',
  composer: 'php-composer',
};

export const grypePackage = (finding: Finding): GrypePackage | undefined => {
  if (finding.path !== undefined) return { location: finding.path };
  const parts = finding.purl === undefined ? null : purlParts(finding.purl);
  if (parts === null) return undefined;
  const name =
    parts.namespace !== null && (parts.type === 'npm' || parts.type === 'golang')
      ? `${parts.namespace}/${parts.name}`
      : parts.name;
  const type = GRYPE_TYPES[parts.type];
  return {
    name,
    ...(parts.version === null ? {} : { version: parts.version }),
    ...(type === undefined ? {} : { type }),
  };
};

export const grypeConfigDocument = (suppressions: readonly Suppression[]): GrypeConfigDocument => ({
  ignore: suppressions.flatMap((suppression) =>
    suppression.findings.map((finding) => {
      const pkg = grypePackage(finding);
      return {
        vulnerability: finding.id,
        reason: suppression.statement,
        ...(pkg === undefined ? {} : { package: pkg }),
      };
    }),
  ),
});
