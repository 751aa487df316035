import type { RuleResult } from '../../../src/domain/rules/rule';
import { riskRatingMissing } from '../../../src/domain/rules/risk-rating-missing';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('riskRatingMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a rating', {}, PASSES],
    ['passes Low', { edits: { riskRating: 'Low' } }, PASSES],
    [
      'fails no rating',
      { edits: { riskRating: null } },
      fails(
        'risk-rating-missing',
        'Risk Rating is required to approve: set it to Low, Medium, High or Critical.',
      ),
    ],
    [
      'reads the rating set on the transition screen',
      { record: { riskRating: null }, edits: { riskRating: 'High' } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(riskRatingMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
