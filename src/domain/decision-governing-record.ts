/**
 * Until a fresh decision, the approved values govern (DESIGN.md §3): an in-force exception edited outside a
 * transition is planned, counted and exported as it was decided, so editing its own Expiration Date, assets or
 * controls gains nothing before someone decides again.
 */
import { changedSinceDecision, decidedTextValue, lastDecision } from './decision-snapshot';
import type { DecidedOn, ExceptionRecord } from './register-schema';
import { isInForce } from './vocabulary';

const decidedFindings = (
  findings: DecidedOn['findings'],
): { findings: NonNullable<ExceptionRecord['findings']> } => ({
  findings: (findings ?? []).map((finding) => ({ ...finding })),
});

/**
 * The record as its last decision governs it: for an exception in force whose last decision recorded what it
 * covered, each field edited since takes the decided value back. Other records are returned as they are.
 */
export const governingRecord = (record: ExceptionRecord): ExceptionRecord => {
  if (!isInForce(record.status)) return record;
  const decided = lastDecision(record.history)?.decidedOn;
  if (decided === undefined) return record;
  const changed = new Set(changedSinceDecision(decided, record));
  if (changed.size === 0) return record;
  return {
    ...record,
    type: decided.type,
    riskRating: decided.riskRating,
    riskOwner: !changed.has('riskOwner')
      ? record.riskOwner
      : decided.riskOwner === null
        ? null
        : // Whether the decided owner is still active is not known here; the schema reads "unknown" as active.
          { ...decided.riskOwner, active: true },
    expirationDate: decided.expirationDate,
    affectedAssets: changed.has('affectedAssets') ? [...decided.affectedAssets] : record.affectedAssets,
    justification: changed.has('justification')
      ? decidedTextValue(decided.justification)
      : record.justification,
    compensatingControls: changed.has('compensatingControls')
      ? decidedTextValue(decided.compensatingControls)
      : record.compensatingControls,
    // Findings added or widened after the decision must not widen the suppression (DESIGN.md §11).
    ...(changed.has('findings') ? decidedFindings(decided.findings) : {}),
  };
};
