/**
 * What a decision records about the fields it covers (DESIGN.md §3): the values in full where they are short and
 * drive the lifecycle (type, rating, owner, expiry, assets, findings), the long texts as a digest and a bounded
 * excerpt, and the digest over all of them. Later, the same digests tell which fields were edited since.
 */
import {
  canonicalSet,
  canonicalText,
  changedDecisionFields,
  decisionDigest,
  decisionFieldDigests,
  textDigest,
  type DecisionField,
  type DecisionFieldDigests,
  type DecisionFieldsInput,
} from './decision-fields';
import { chronological } from './period';
import type { DecidedOn, DecidedText, HistoryEntry } from './register-schema';
import { PERIOD_ACTIONS } from './vocabulary';

/** Characters of a text kept with a decision: two texts per decision keep the property far below 32 KB. */
export const DECIDED_EXCERPT_LENGTH = 500;

export type DecisionSnapshotInput = DecisionFieldsInput & {
  readonly riskOwner: { readonly accountId: string; readonly displayName: string } | null;
};

const decidedText = (value: string): DecidedText => {
  // Code points, not UTF-16 units, so the excerpt never ends in half a surrogate pair.
  const characters = Array.from(canonicalText(value));
  const truncated = characters.length > DECIDED_EXCERPT_LENGTH;
  return {
    digest: textDigest(value),
    excerpt: characters.slice(0, DECIDED_EXCERPT_LENGTH).join(''),
    truncated,
  };
};

/** The text a decided field stands for: the excerpt, marked when it is shorter than what was decided. */
export const decidedTextValue = (text: DecidedText): string =>
  text.truncated ? `${text.excerpt}…` : text.excerpt;

/** The snapshot an approval, auto-approval or recertification records. */
export const decidedOn = (fields: DecisionSnapshotInput): DecidedOn => {
  const canonicalFindings = (fields.findings ?? [])
    .map((finding) => ({
      id: canonicalText(finding.id),
      purl: canonicalText(finding.purl ?? ''),
      path: canonicalText(finding.path ?? ''),
    }))
    .filter((finding) => finding.id !== '');
  const findings = [
    ...new Map(canonicalFindings.map((finding) => [JSON.stringify(finding), finding])).values(),
  ]
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    .map(({ id, purl, path }) => ({
      id,
      ...(purl === '' ? {} : { purl }),
      ...(path === '' ? {} : { path }),
    }));
  return {
    digest: decisionDigest(fields),
    type: fields.type,
    riskRating: fields.riskRating,
    riskOwner:
      fields.riskOwner === null
        ? null
        : { accountId: fields.riskOwner.accountId, displayName: fields.riskOwner.displayName },
    expirationDate: fields.expirationDate,
    affectedAssets: canonicalSet(fields.affectedAssets),
    justification: decidedText(fields.justification),
    compensatingControls: decidedText(fields.compensatingControls),
    ...(findings.length === 0 ? {} : { findings }),
  };
};

/** The digest of each field as the decision recorded it (the long texts by their stored digests). */
export const decidedFieldDigests = (decided: DecidedOn): DecisionFieldDigests => ({
  ...decisionFieldDigests({
    type: decided.type,
    riskRating: decided.riskRating,
    riskOwner: decided.riskOwner,
    expirationDate: decided.expirationDate,
    affectedAssets: decided.affectedAssets,
    justification: '',
    compensatingControls: '',
    findings: decided.findings,
  }),
  justification: decided.justification.digest,
  compensatingControls: decided.compensatingControls.digest,
});

/** The fields edited since the decision, in the order of DECISION_FIELDS; none when nothing that counts changed. */
export const changedSinceDecision = (decided: DecidedOn, now: DecisionFieldsInput): DecisionField[] =>
  changedDecisionFields(decidedFieldDigests(decided), decisionFieldDigests(now));

/** The latest entry that opened a period (approved, auto-approved, recertified), or undefined when none. */
export const lastDecision = (history: readonly HistoryEntry[]): HistoryEntry | undefined =>
  chronological(history)
    .filter((entry) => PERIOD_ACTIONS.includes(entry.action))
    .at(-1);
