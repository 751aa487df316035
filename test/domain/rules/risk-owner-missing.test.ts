import type { RuleResult } from '../../../src/domain/rules/rule';
import { riskOwnerMissing } from '../../../src/domain/rules/risk-owner-missing';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('riskOwnerMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a risk owner', {}, PASSES],
    [
      'fails no risk owner',
      { edits: { riskOwner: null } },
      fails('risk-owner-missing', 'Risk Owner is required: pick the person accountable for this risk.'),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(riskOwnerMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
