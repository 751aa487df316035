import type { RuleResult } from '../../../src/domain/rules/rule';
import { revertCommentMissing } from '../../../src/domain/rules/revert-comment-missing';
import { APP, fails, PASSES, REVIEWER, ruleInput, type Scenario } from './rule-input';

const noComment = (example: string): RuleResult =>
  fails(
    'revert-comment-missing',
    `A reason is required to revert: say in Decision Reason (or in the comment) what must be restored, for example "${example}"`,
  );

const FIREWALL_RESTORE = 'Remove the temporary firewall rule and restore the baseline rule set.';

describe('revertCommentMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the app without a comment (it writes its own)', { actor: APP }, PASSES],
    [
      'passes a person who says what to restore',
      { transition: { comment: 'Close port 22 on fw-edge-01 again.' } },
      PASSES,
    ],
    ['fails a person without a comment, quoting the pack', {}, noComment(FIREWALL_RESTORE)],
    ['fails a comment of only whitespace', { transition: { comment: ' \n' } }, noComment(FIREWALL_RESTORE)],
    [
      'fails zero-width and no-break spaces, which only look filled',
      { transition: { comment: '\u200b\u00a0\u2060\ufeff' } },
      noComment(FIREWALL_RESTORE),
    ],
    ['fails punctuation alone', { transition: { comment: '... -' } }, noComment(FIREWALL_RESTORE)],
    [
      "quotes the exception type's restore text",
      { actor: REVIEWER, edits: { type: 'MFA bypass' } },
      noComment('Re-enable MFA enforcement for the affected accounts and applications.'),
    ],
    ['fails an unknown actor without a comment', { actor: null }, noComment(FIREWALL_RESTORE)],
  ])('%s', (_name, scenario, expected) => {
    const input = ruleInput({
      ...scenario,
      transition: { name: 'revert', comment: '', ...scenario.transition },
    });
    expect(revertCommentMissing.evaluate(input)).toEqual(expected);
  });
});
