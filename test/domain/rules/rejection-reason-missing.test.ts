import type { RuleResult } from '../../../src/domain/rules/rule';
import { rejectionReasonMissing } from '../../../src/domain/rules/rejection-reason-missing';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const NO_REASON = fails(
  'rejection-reason-missing',
  'A reason is required to reject: say in the comment why the exception is refused and what would make it acceptable.',
);

describe('rejectionReasonMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a reason', { transition: { name: 'reject', comment: 'Use the partner VPN instead.' } }, PASSES],
    ['fails no comment', { transition: { name: 'reject', comment: '' } }, NO_REASON],
    ['fails a comment of only whitespace', { transition: { name: 'reject', comment: '  \n ' } }, NO_REASON],
  ])('%s', (_name, scenario, expected) => {
    expect(rejectionReasonMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
