/**
 * OWASP Dependency-Check suppression file, schema 1.3
 * (github.com/jeremylong/DependencyCheck/blob/main/core/src/main/resources/schema/dependency-suppression.1.3.xsd,
 * a copy in test/fixtures/dependency-check/). Each `suppress` has `notes`, then at most one of `filePath` or
 * `packageUrl`, then `cve` (ids of the XSD's cveType) or `vulnerabilityName` (GHSA and scanner ids). `until` is an
 * xs:date: "on and after the until date the suppression will no longer be active", so it is the day after the
 * period's end, in UTC.
 */
import { CVE_ID } from '../findings/finding';
import type { Suppression } from './suppressions';
import { xmlEscape } from './xml-text';

export const DEPENDENCY_CHECK_NAMESPACE =
  'https://jeremylong.github.io/DependencyCheck/dependency-suppression.1.3.xsd';

/** A literal in a Java regular expression (Dependency-Check matches `regex="true"` with java.util.regex). */
const regexLiteral = (value: string): string => value.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);

/** The purl itself, with any qualifiers or subpath; any version when the purl names none. */
export const packageUrlPattern = (purl: string): string => {
  const bare = purl.split(/[?#]/)[0] ?? purl;
  const hasVersion = bare.slice(bare.indexOf('/')).includes('@');
  return `^${regexLiteral(purl)}${hasVersion ? '' : '(@[^?#]*)?'}([?#].*)?$`;
};

/** The path as the end of the dependency's full path (Dependency-Check reports absolute paths). */
export const filePathPattern = (path: string): string =>
  `^(.*/)?${regexLiteral(path.replace(/^\.?\/+/, ''))}$`;

const suppressElement = (suppression: Suppression, finding: Suppression['findings'][number]): string => {
  const lines = [
    `  <suppress until="${xmlEscape(suppression.until)}Z">`,
    `    <notes>${xmlEscape(suppression.statement)}</notes>`,
  ];
  if (finding.purl !== undefined)
    lines.push(`    <packageUrl regex="true">${xmlEscape(packageUrlPattern(finding.purl))}</packageUrl>`);
  if (finding.path !== undefined)
    lines.push(`    <filePath regex="true">${xmlEscape(filePathPattern(finding.path))}</filePath>`);
  lines.push(
    CVE_ID.test(finding.id)
      ? `    <cve>${xmlEscape(finding.id)}</cve>`
      : `    <vulnerabilityName>${xmlEscape(finding.id)}</vulnerabilityName>`,
    '  </suppress>',
  );
  return lines.join('\n');
};

export const dependencyCheckSuppressions = (suppressions: readonly Suppression[]): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<suppressions xmlns="${DEPENDENCY_CHECK_NAMESPACE}">`,
    ...suppressions.flatMap((suppression) =>
      suppression.findings.map((finding) => suppressElement(suppression, finding)),
    ),
    '</suppressions>',
    '',
  ].join('\n');
