import { autoApproveDisabled } from '../../../src/domain/rules/auto-approve-disabled';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('autoApproveDisabled', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes when the policy allows auto-approval of Low', { edits: { riskRating: 'Low' } }, PASSES],
    [
      'fails when the policy turns it off',
      { policy: { autoApproveLow: false }, edits: { riskRating: 'Low' } },
      fails(
        'auto-approve-disabled',
        'Auto-approval is turned off in the policy: a member of security-reviewers must approve this exception.',
      ),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(autoApproveDisabled.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
