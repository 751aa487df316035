/**
 * The decision-relevant fields of an exception (DESIGN.md §3, "A decision covers what was decided"; ISO/IEC
 * 27001:2022 6.1.3 f): what a risk acceptance is an acceptance *of*. Each field has a canonical form, so that
 * formatting alone (whitespace, invisible characters, the order or repetition of assets and findings) changes
 * no digest, and a digest; the decision's digest covers them all.
 */
import { sha256Hex } from './decision-sha256';
import type { ExceptionRecord } from './register-schema';

export const DECISION_FIELDS = [
  'type',
  'justification',
  'riskOwner',
  'compensatingControls',
  'expirationDate',
  'affectedAssets',
  'riskRating',
  'findings',
] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** The names people see on the form (DESIGN.md §2): comments name fields this way, never their values. */
export const DECISION_FIELD_LABELS: Readonly<Record<DecisionField, string>> = {
  type: 'Exception Type',
  justification: 'Business Justification',
  riskOwner: 'Risk Owner',
  compensatingControls: 'Compensating Controls',
  expirationDate: 'Expiration Date',
  affectedAssets: 'Affected Assets',
  riskRating: 'Risk Rating',
  findings: 'Findings',
};

export interface DecisionFinding {
  readonly id: string;
  readonly purl?: string | undefined;
  readonly path?: string | undefined;
}

/** What a decision covers: the record's decision-relevant fields, findings when the record carries them. */
export type DecisionFieldsInput = Pick<
  ExceptionRecord,
  'type' | 'justification' | 'compensatingControls' | 'expirationDate' | 'affectedAssets' | 'riskRating'
> & {
  readonly riskOwner: { readonly accountId: string } | null;
  readonly findings?: readonly DecisionFinding[] | undefined;
};

export type DecisionFieldDigests = Readonly<Record<DecisionField, string>>;

const DIGEST_PREFIX = 'sha256:';

export const digestOf = (canonical: unknown): string =>
  `${DIGEST_PREFIX}${sha256Hex(JSON.stringify(canonical))}`;

/**
 * Text as it reads: Unicode NFC, format characters (zero-width spaces and joiners, byte-order marks, direction
 * marks) removed, every run of white space one space, no space at either end.
 */
export const canonicalText = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** A set of identifiers: each canonical, blanks dropped, each once, in code-unit order. */
export const canonicalSet = (values: readonly string[]): string[] =>
  [...new Set(values.map(canonicalText).filter((value) => value !== ''))].sort();

const canonicalFindings = (findings: readonly DecisionFinding[] | undefined): string[] =>
  canonicalSet(
    (findings ?? []).map((finding) =>
      JSON.stringify([
        canonicalText(finding.id),
        canonicalText(finding.purl ?? ''),
        canonicalText(finding.path ?? ''),
      ]),
    ),
  );

/** The digest of each decision-relevant text field: stored with a decision instead of the full text. */
export const textDigest = (value: string): string => digestOf(canonicalText(value));

export const decisionFieldDigests = (fields: DecisionFieldsInput): DecisionFieldDigests => ({
  type: digestOf(fields.type),
  justification: textDigest(fields.justification),
  riskOwner: digestOf(fields.riskOwner?.accountId ?? null),
  compensatingControls: textDigest(fields.compensatingControls),
  expirationDate: digestOf(fields.expirationDate),
  affectedAssets: digestOf(canonicalSet(fields.affectedAssets)),
  riskRating: digestOf(fields.riskRating),
  findings: digestOf(canonicalFindings(fields.findings)),
});

/** One digest over every field's digest, in the fixed order of DECISION_FIELDS. */
export const combinedDigest = (digests: DecisionFieldDigests): string =>
  digestOf(DECISION_FIELDS.map((field) => [field, digests[field]]));

export const decisionDigest = (fields: DecisionFieldsInput): string =>
  combinedDigest(decisionFieldDigests(fields));

/** The fields whose digests differ, in the order of DECISION_FIELDS. */
export const changedDecisionFields = (
  before: DecisionFieldDigests,
  after: DecisionFieldDigests,
): DecisionField[] => DECISION_FIELDS.filter((field) => before[field] !== after[field]);
