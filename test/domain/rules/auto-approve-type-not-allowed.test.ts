import { autoApproveTypeNotAllowed } from '../../../src/domain/rules/auto-approve-type-not-allowed';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('autoApproveTypeNotAllowed', () => {
  it.each<[string, Scenario, RuleResult]>([
    [
      'passes a type whose pack allows it',
      { edits: { type: 'Endpoint control gap', riskRating: null } },
      PASSES,
    ],
    [
      'fails a type whose pack does not',
      { edits: { type: 'Third-party / vendor access', riskRating: 'Low' } },
      fails(
        'auto-approve-type-not-allowed',
        'The policy does not allow auto-approval of Third-party / vendor access exceptions: a member of security-reviewers must approve it.',
      ),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(autoApproveTypeNotAllowed.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
