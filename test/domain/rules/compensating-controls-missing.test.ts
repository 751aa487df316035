import { compensatingControlsMissing } from '../../../src/domain/rules/compensating-controls-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const missingFor = (tier: string): RuleResult =>
  fails(
    'compensating-controls-missing',
    `Compensating Controls is required for ${tier} risk: describe what limits the exposure (for example IP allow-listing and daily log review).`,
  );

const paddedFor = (tier: string): RuleResult =>
  fails(
    'compensating-controls-missing',
    `Compensating Controls is required for ${tier} risk: describe what limits the exposure (for example IP allow-listing and daily log review). Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.`,
  );

describe('compensatingControlsMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    [
      'fails zero-width characters',
      { edits: { compensatingControls: '\u200B\u200D\u2060\uFEFF' } },
      paddedFor('Medium'),
    ],
    [
      'fails soft hyphens and bidi controls',
      { edits: { compensatingControls: '\u00AD\u202E\u2067' } },
      paddedFor('Medium'),
    ],
    ['fails punctuation padding', { edits: { compensatingControls: '........ - - -' } }, paddedFor('Medium')],
    ['fails "n/a"', { edits: { compensatingControls: 'N/A' } }, paddedFor('Medium')],
    ['fails "none"', { edits: { compensatingControls: 'None.' } }, paddedFor('Medium')],
    ['passes a short real control', { edits: { compensatingControls: 'EDR' } }, PASSES],
    ['passes controls at Medium', {}, PASSES],
    ['fails none at Medium', { edits: { compensatingControls: '' } }, missingFor('Medium')],
    [
      'fails only whitespace at High',
      { edits: { riskRating: 'High', compensatingControls: '  \n' } },
      missingFor('High'),
    ],
    [
      'fails none at Critical',
      { edits: { riskRating: 'Critical', compensatingControls: null } },
      missingFor('Critical'),
    ],
    [
      'passes none at Low (below the policy minimum)',
      { edits: { riskRating: 'Low', compensatingControls: '' } },
      PASSES,
    ],
    [
      'uses the provisional tier before Risk Rating is set (MFA bypass defaults to High)',
      { edits: { riskRating: null, type: 'MFA bypass', compensatingControls: '' } },
      missingFor('High'),
    ],
    [
      "follows the policy's minimum tier",
      { policy: { compensatingControlsFromTier: 'High' }, edits: { compensatingControls: '' } },
      PASSES,
    ],
    [
      'requires controls at Low when the policy says so',
      {
        policy: { compensatingControlsFromTier: 'Low' },
        edits: { riskRating: 'Low', compensatingControls: '' },
      },
      missingFor('Low'),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(compensatingControlsMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
