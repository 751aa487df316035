import { justificationDigest, whitespaceJustificationDigest } from '../../../src/domain/justification-digest';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { justificationUnchanged } from '../../../src/domain/rules/justification-unchanged';
import { APPROVED_JUSTIFICATION, FRESH_JUSTIFICATION, IN_RECERTIFICATION } from './recertification';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const UNCHANGED = fails(
  'justification-unchanged',
  'Business Justification has not changed since the last approval: update it to say why the exception is still needed today.',
);

const APPROVAL = {
  at: '2026-09-02T16:00:00Z',
  action: 'approved',
  by: 'acc-reviewer-cy',
  periodStart: '2026-09-02',
  periodEnd: '2026-12-01',
} as const;

describe('justificationUnchanged', () => {
  it.each<[string, Scenario, RuleResult]>([
    [
      'passes a fresh justification',
      { record: IN_RECERTIFICATION, edits: { justification: FRESH_JUSTIFICATION } },
      PASSES,
    ],
    ['fails the justification of the last approval, untouched', { record: IN_RECERTIFICATION }, UNCHANGED],
    [
      'fails the same words re-flowed and re-cased',
      {
        record: IN_RECERTIFICATION,
        edits: { justification: `  ${APPROVED_JUSTIFICATION.toUpperCase().replace(/ /g, '\n ')}  ` },
      },
      UNCHANGED,
    ],
    [
      'fails the same words re-punctuated, with invisible characters slipped in',
      {
        record: IN_RECERTIFICATION,
        edits: {
          justification: `${APPROVED_JUSTIFICATION.replaceAll(' ', ' \u200B').replaceAll(';', '...')}!!\u2060`,
        },
      },
      UNCHANGED,
    ],
    [
      'fails an unchanged justification against a digest recorded before ISSUE6 (whitespace-normalised)',
      {
        record: {
          ...IN_RECERTIFICATION,
          history: [
            { ...APPROVAL, justificationDigest: whitespaceJustificationDigest(APPROVED_JUSTIFICATION) },
          ],
        },
      },
      UNCHANGED,
    ],
    [
      'compares with what was approved, not with the stored field edited since',
      {
        record: { ...IN_RECERTIFICATION, justification: FRESH_JUSTIFICATION },
        edits: { justification: FRESH_JUSTIFICATION },
      },
      PASSES,
    ],
    [
      'fails a justification edited since and put back to what was approved',
      {
        record: { ...IN_RECERTIFICATION, justification: FRESH_JUSTIFICATION },
        edits: { justification: APPROVED_JUSTIFICATION },
      },
      UNCHANGED,
    ],
    [
      'compares with the latest decision (a recertification) only',
      {
        record: {
          ...IN_RECERTIFICATION,
          history: [
            { ...APPROVAL, justificationDigest: justificationDigest(APPROVED_JUSTIFICATION) },
            {
              at: '2026-11-20T09:00:00Z',
              action: 'recertified',
              by: 'acc-owner-bo',
              periodStart: '2026-11-20',
              periodEnd: '2027-02-18',
              justificationDigest: justificationDigest(FRESH_JUSTIFICATION),
            },
          ],
        },
        edits: { justification: APPROVED_JUSTIFICATION },
      },
      PASSES,
    ],
    [
      'counts an auto-approval as a decision',
      {
        record: {
          ...IN_RECERTIFICATION,
          history: [
            {
              ...APPROVAL,
              action: 'auto-approved',
              justificationDigest: justificationDigest(APPROVED_JUSTIFICATION),
            },
          ],
          justification: FRESH_JUSTIFICATION,
        },
        edits: { justification: APPROVED_JUSTIFICATION },
      },
      UNCHANGED,
    ],
    [
      'without a digest on the decision, passes a justification changed on the screen',
      {
        record: { ...IN_RECERTIFICATION, history: [APPROVAL] },
        edits: { justification: FRESH_JUSTIFICATION },
      },
      PASSES,
    ],
    [
      'without a digest on the decision, fails the stored justification untouched',
      { record: { ...IN_RECERTIFICATION, history: [APPROVAL] } },
      UNCHANGED,
    ],
    [
      'without a digest on the decision, fails the stored justification with whitespace changes only',
      {
        record: { ...IN_RECERTIFICATION, history: [APPROVAL] },
        edits: { justification: `${APPROVED_JUSTIFICATION}\n\n` },
      },
      UNCHANGED,
    ],
    ['without any decision, compares with the stored justification', { record: { history: [] } }, UNCHANGED],
  ])('%s', (_name, scenario, expected) => {
    expect(
      justificationUnchanged.evaluate(ruleInput({ transition: { name: 'recertify' }, ...scenario })),
    ).toEqual(expected);
  });
});
