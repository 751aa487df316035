import { expirationDateMissing } from '../../../src/domain/rules/expiration-date-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('expirationDateMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a date', {}, PASSES],
    [
      'fails no date',
      { edits: { expirationDate: null } },
      fails(
        'expiration-date-missing',
        'Expiration Date is required: pick the last day the exception may run.',
      ),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(expirationDateMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
