/**
 * A Findings entry (DESIGN.md §2, §7, §11): what an exception suppresses in the scanners. An id (CVE-…, GHSA-…, a
 * scanner's own id such as SNYK-JS-LODASH-567746), optionally scoped to one package by a purl or to a path. The
 * same schema reads the register format's `findings` member and checks what the Findings field parses to.
 */
import { z } from 'zod';

/** Longest id, purl and path accepted: far beyond any real one, small enough for every ignore file. */
export const FINDING_BOUNDS = { id: 100, purl: 500, path: 500, entries: 500 } as const;

/** CVE-YYYY-NNNN…: the year and a sequence number of at least four digits (cve.org's id syntax). */
export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
/** GitHub's advisory ids: three groups of four characters from a 27-letter alphabet, lower case. */
export const GHSA_ID = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;
/**
 * A scanner's or database's own id: an upper-case prefix and dash-separated parts, e.g. SNYK-JS-LODASH-567746,
 * RUSTSEC-2021-0001, PYSEC-2021-1, GO-2022-0001, OSV-2020-111. Nothing that could break a YAML key or XML text.
 */
export const SCANNER_ID = /^[A-Z][A-Z0-9]*(-[A-Za-z0-9._]+)+$/;

/** A package URL (github.com/package-url/purl-spec): `pkg:` type `/` name, no white space. */
export const PURL = /^pkg:[a-z][a-z0-9.+-]*\/[^\s]+$/;
/** A path in the scanned tree: no white space or control characters, not a purl, not a YAML/XML special start. */
export const FINDING_PATH = /^(?!pkg:)[^\s\p{Cc}\p{Cf}<>&"'`]+$/u;

export const isFindingId = (value: string): boolean =>
  CVE_ID.test(value) || GHSA_ID.test(value) || SCANNER_ID.test(value);

export const FindingSchema = z
  .object({
    id: z
      .string()
      .max(FINDING_BOUNDS.id, `must be at most ${FINDING_BOUNDS.id} characters`)
      .refine(
        isFindingId,
        'must be a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746',
      ),
    purl: z
      .string()
      .max(FINDING_BOUNDS.purl, `must be at most ${FINDING_BOUNDS.purl} characters`)
      .regex(PURL, 'must be a package URL such as pkg:npm/lodash@4.17.20')
      .optional(),
    path: z
      .string()
      .max(FINDING_BOUNDS.path, `must be at most ${FINDING_BOUNDS.path} characters`)
      .regex(FINDING_PATH, 'must be a path without spaces, such as services/api/package-lock.json')
      .optional(),
  })
  .refine((finding) => finding.purl === undefined || finding.path === undefined, {
    message: 'may be scoped by a purl or by a path, not both',
  });
export type Finding = z.infer<typeof FindingSchema>;

export const FindingsSchema = z
  .array(FindingSchema)
  .max(FINDING_BOUNDS.entries, `must list at most ${FINDING_BOUNDS.entries} findings`);

/** One line as the Findings field shows it: `CVE-2024-1234 pkg:npm/lodash@4.17.20`. */
export const findingLine = (finding: Finding): string =>
  [finding.id, finding.purl ?? finding.path].filter((part) => part !== undefined).join(' ');
