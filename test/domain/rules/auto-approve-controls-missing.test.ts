import { autoApproveControlsMissing } from '../../../src/domain/rules/auto-approve-controls-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const LOW_ENDPOINT = { type: 'Endpoint control gap', riskRating: null } as const;

describe('autoApproveControlsMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes Low with controls', { edits: LOW_ENDPOINT }, PASSES],
    [
      'fails Low without controls',
      { edits: { ...LOW_ENDPOINT, compensatingControls: ' ' } },
      fails(
        'auto-approve-controls-missing',
        'Compensating Controls is required for auto-approval: describe what limits the exposure (for example IP allow-listing and daily log review).',
      ),
    ],
    ...['\u200B\u200C\u200D\u2060\uFEFF', '\u00AD\u202E\u2066\u3164', '- - - ........', 'n/a'].map(
      (padding): [string, Scenario, RuleResult] => [
        `fails Low with controls that are only ${JSON.stringify(padding)}`,
        { edits: { ...LOW_ENDPOINT, compensatingControls: padding } },
        fails(
          'auto-approve-controls-missing',
          'Compensating Controls is required for auto-approval: describe what limits the exposure (for example IP allow-listing and daily log review). Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.',
        ),
      ],
    ),
    [
      'leaves tiers where controls are required anyway to compensatingControlsMissing',
      { edits: { riskRating: 'Medium', compensatingControls: '' } },
      PASSES,
    ],
    [
      'leaves Low to compensatingControlsMissing when the policy requires controls from Low',
      {
        policy: { compensatingControlsFromTier: 'Low' },
        edits: { ...LOW_ENDPOINT, compensatingControls: '' },
      },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(autoApproveControlsMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
