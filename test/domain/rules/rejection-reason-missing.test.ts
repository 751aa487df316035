import type { RuleResult } from '../../../src/domain/rules/rule';
import { rejectionReasonMissing } from '../../../src/domain/rules/rejection-reason-missing';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const NO_REASON = fails(
  'rejection-reason-missing',
  'A reason is required to reject: say in Decision Reason (or in the comment) why the exception is refused and what would make it acceptable.',
);

describe('rejectionReasonMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a reason', { transition: { name: 'reject', comment: 'Use the partner VPN instead.' } }, PASSES],
    ['fails no comment', { transition: { name: 'reject', comment: '' } }, NO_REASON],
    ['fails a comment of only whitespace', { transition: { name: 'reject', comment: '  \n ' } }, NO_REASON],
    [
      'fails zero-width and no-break spaces, which only look filled',
      { transition: { name: 'reject', comment: '\u200b\u00a0\u2060\ufeff' } },
      NO_REASON,
    ],
    ['fails punctuation alone', { transition: { name: 'reject', comment: '…?!' } }, NO_REASON],
    ['passes a reason in another script', { transition: { name: 'reject', comment: '拒否' } }, PASSES],
  ])('%s', (_name, scenario, expected) => {
    expect(rejectionReasonMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
